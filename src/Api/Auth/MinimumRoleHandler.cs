using Analytics.Api.Options;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Analytics.Api.Auth;

/// <summary>Grants <see cref="MinimumRoleRequirement"/> by the role claim, or anonymously for reads without a key.</summary>
public sealed class MinimumRoleHandler(IOptionsMonitor<AuthOptions> options) : AuthorizationHandler<MinimumRoleRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, MinimumRoleRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            if (Enum.TryParse<ApiRole>(context.User.FindFirst(AuthNames.RoleClaim)?.Value, out var role) && role >= requirement.Role)
                context.Succeed(requirement);
            return Task.CompletedTask;
        }

        // A request that presents a wrong key is refused even where anonymous reads are allowed: a typo should not
        // silently downgrade a writer to an anonymous reader.
        var presentedKey = context.Resource is HttpContext http && http.Request.Headers.ContainsKey(AuthNames.ApiKeyHeader);
        if (requirement.Role == ApiRole.Reader && options.CurrentValue.AllowAnonymousReads && !presentedKey)
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
