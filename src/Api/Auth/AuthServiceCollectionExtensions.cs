using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace Analytics.Api.Auth;

public static class AuthServiceCollectionExtensions
{
    /// <summary>
    /// <c>X-Api-Key</c> everywhere; the HttpOnly, SameSite=Strict login cookie only for the Hangfire dashboard
    /// (so the JSON API never acts on a cookie a browser sends by itself). Policies <c>read</c>, <c>write</c>, <c>admin</c>.
    /// </summary>
    public static IServiceCollection AddAnalyticsAuth(this IServiceCollection services)
    {
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<SessionRevocations>();
        // Hangfire's dashboard validates an anti-forgery token on its POST actions when the service is registered (its pages
        // carry the token), so a foreign page cannot make a signed-in admin's browser trigger or delete jobs.
        services.AddAntiforgery(o => o.Cookie.Name = "analytics_antiforgery");
        services.AddSingleton<IAuthorizationHandler, MinimumRoleHandler>();
        services.AddAuthentication(AuthNames.SelectorScheme)
            .AddPolicyScheme(AuthNames.SelectorScheme, "API key, or the dashboard cookie", o => o.ForwardDefaultSelector = context =>
                !context.Request.Headers.ContainsKey(AuthNames.ApiKeyHeader) && context.Request.Path.StartsWithSegments("/hangfire")
                    ? AuthNames.CookieScheme
                    : AuthNames.ApiKeyScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(AuthNames.ApiKeyScheme, null)
            .AddCookie(AuthNames.CookieScheme, o =>
            {
                o.Cookie.Name = "analytics_session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.LoginPath = "/auth/login";
                o.Events.OnRedirectToLogin = context =>
                {
                    // Browsers go to the login form; anything else gets a plain 401.
                    if (context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.Ordinal))
                        context.Response.Redirect(context.RedirectUri);
                    else
                        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                };
                // A cookie without a session id (issued before logout revoked sessions) or of a session ended by
                // POST /auth/logout is refused, even when replayed within its lifetime.
                o.Events.OnValidatePrincipal = context =>
                {
                    var sessionId = context.Principal?.FindFirst(SessionRevocations.SessionIdClaim)?.Value;
                    if (sessionId is null || context.HttpContext.RequestServices.GetRequiredService<SessionRevocations>().IsRevoked(sessionId))
                        context.RejectPrincipal();
                    return Task.CompletedTask;
                };
                o.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(AuthNames.ReadPolicy, p => p.AddRequirements(new MinimumRoleRequirement(ApiRole.Reader)))
            .AddPolicy(AuthNames.WritePolicy, p => p.AddRequirements(new MinimumRoleRequirement(ApiRole.Writer)))
            .AddPolicy(AuthNames.AdminPolicy, p => p.AddRequirements(new MinimumRoleRequirement(ApiRole.Admin)));
        return services;
    }
}
