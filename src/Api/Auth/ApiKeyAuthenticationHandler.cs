using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Analytics.Api.Auth;

/// <summary>Authenticates the <c>X-Api-Key</c> header; challenges with 401 and forbids with 403 problem details.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyStore keys,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(AuthNames.ApiKeyHeader, out var values))
            return Task.FromResult(AuthenticateResult.NoResult());

        var match = keys.Find(values.ToString());
        if (match is not { } key)
            return Task.FromResult(AuthenticateResult.Fail("The X-Api-Key header does not match any configured key."));

        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(Principal(key.Name, key.Role, Scheme.Name), Scheme.Name)));
    }

    /// <summary>The principal for a key holder (also used by the login cookie).</summary>
    public static ClaimsPrincipal Principal(string name, ApiRole role, string scheme) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(AuthNames.RoleClaim, role.ToString())], scheme));

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var presented = Request.Headers.ContainsKey(AuthNames.ApiKeyHeader);
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"ApiKey header=\"{AuthNames.ApiKeyHeader}\"";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails =
            {
                Status = 401,
                Title = "Authentication required",
                Detail = presented
                    ? "The X-Api-Key header does not match any configured key."
                    : "This operation needs an API key in the X-Api-Key header.",
            },
        });
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        var role = Context.User.FindFirst(AuthNames.RoleClaim)?.Value ?? "none";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails =
            {
                Status = 403,
                Title = "Forbidden",
                Detail = $"The key '{Context.User.Identity?.Name}' has the role '{role.ToLowerInvariant()}', which may not do this.",
            },
        });
    }
}
