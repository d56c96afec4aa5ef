using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using Analytics.Api.Contracts.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Analytics.Api.Auth;

/// <summary><c>/auth/login</c> and <c>/auth/logout</c>: the browser's way to the Hangfire dashboard.</summary>
public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/auth").WithTags("Auth");
        group.MapGet("/login", LoginForm)
            .WithName("LoginForm")
            .WithSummary("A login form for the job dashboard")
            .WithDescription("A small HTML form that posts an API key to POST /auth/login and returns to `returnUrl`.")
            .ExcludeFromDescription();
        group.MapPost("/login", LoginAsync)
            .WithName("Login")
            .WithSummary("Exchange an API key for a dashboard session cookie")
            .WithDescription("Accepts `{ \"key\": \"...\" }` as JSON or a form field `key`. On success sets an HttpOnly, " +
                             "SameSite=Strict cookie that the Hangfire dashboard at /hangfire accepts (the JSON API itself " +
                             "only accepts the X-Api-Key header). A form post is redirected to `returnUrl` (a local path).")
            .Accepts<LoginRequest>("application/json", "application/x-www-form-urlencoded")
            .Produces<LoginResponse>()
            .ProducesProblem(401)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapPost("/logout", (Func<HttpContext, Task<NoContent>>)LogoutAsync)
            .WithName("Logout")
            .WithSummary("End the dashboard session")
            .WithDescription("Ends the dashboard session: its id is recorded as revoked (in the job storage, shared by every node " +
                             "on PostgreSQL) for the cookie's lifetime, so the cookie is refused afterwards even if a copy is replayed; " +
                             "the cookie is also cleared.");
        return app;
    }

    private static ContentHttpResult LoginForm(string? returnUrl) => TypedResults.Content($$"""
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Analytics: sign in</title>
        <style>body{font-family:sans-serif;max-width:28rem;margin:4rem auto}input{width:100%;padding:.4rem;margin:.4rem 0}</style></head>
        <body><h1>Job dashboard</h1><p>Sign in with an admin API key.</p>
        <form method="post" action="/auth/login"><label>API key <input type="password" name="key" autocomplete="off" required></label>
        <input type="hidden" name="returnUrl" value="{{WebUtility.HtmlEncode(SafeReturnUrl(returnUrl))}}"><button type="submit">Sign in</button></form></body></html>
        """, "text/html; charset=utf-8");

    private static async Task<IResult> LoginAsync(HttpContext context, ApiKeyStore keys)
    {
        string? key, returnUrl = null;
        var isForm = context.Request.HasFormContentType;
        if (isForm)
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            key = form["key"];
            returnUrl = form["returnUrl"];
        }
        else if (!context.Request.HasJsonContentType())
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                detail: "Send the key as JSON (Content-Type: application/json, {\"key\": \"...\"}) or as a form field `key` " +
                        "(application/x-www-form-urlencoded).");
        }
        else
        {
            var body = await context.Request.ReadFromJsonAsync<LoginRequest>(context.RequestAborted);
            key = body?.Key;
        }

        if (string.IsNullOrEmpty(key) || keys.Find(key) is not { } match)
            return TypedResults.Problem(statusCode: 401, title: "Authentication failed", detail: "The key does not match any configured key.");

        var principal = ApiKeyAuthenticationHandler.Principal(match.Name, match.Role, AuthNames.CookieScheme);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(SessionRevocations.SessionIdClaim, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))));
        await context.SignInAsync(AuthNames.CookieScheme, principal);
        return isForm
            ? TypedResults.Redirect(SafeReturnUrl(returnUrl))
            : TypedResults.Ok(new LoginResponse(match.Name, match.Role.ToString().ToLowerInvariant()));
    }

    private static async Task<NoContent> LogoutAsync(HttpContext context)
    {
        // The session's id is recorded as ended, so the cookie is refused afterwards even if a copy of it is replayed.
        var session = await context.AuthenticateAsync(AuthNames.CookieScheme);
        if (session.Principal?.FindFirst(SessionRevocations.SessionIdClaim)?.Value is { } sessionId)
        {
            var lifetime = context.RequestServices.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(AuthNames.CookieScheme).ExpireTimeSpan;
            context.RequestServices.GetRequiredService<SessionRevocations>().Revoke(sessionId, lifetime);
        }
        await context.SignOutAsync(AuthNames.CookieScheme);
        return TypedResults.NoContent();
    }

    // Only local paths: an open redirect would let a link send a signed-in admin anywhere.
    private static string SafeReturnUrl(string? url) =>
        url is { Length: > 1 } && url[0] == '/' && url[1] != '/' && url[1] != '\\' ? url : "/hangfire";
}
