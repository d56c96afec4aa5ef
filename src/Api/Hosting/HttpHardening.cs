using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Analytics.Api.Hosting;

/// <summary>
/// Request and response hygiene that no endpoint should have to repeat (issue 17): security headers on every response,
/// request bodies in UTF-8 only (any other declared charset is a 415 problem instead of a framework exception), and the
/// job dashboard's form-reading routes refused without a form body (Hangfire reads the form of <c>/hangfire/stats</c>
/// even on a GET and throws on anything else).
/// </summary>
public static class HttpHardening
{
    /// <summary>Adds the security headers and the request guards; call early, after the request id is set.</summary>
    public static WebApplication UseHttpHardening(this WebApplication app)
    {
        app.Use(static (context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpContext)state).Response.Headers;
                headers[HeaderNames.XContentTypeOptions] = "nosniff";
                headers[HeaderNames.XFrameOptions] = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                // Framing is refused for every page; HTML pages (Swagger UI, the dashboard) keep their own scripts and styles.
                if (!headers.ContainsKey(HeaderNames.ContentSecurityPolicy))
                    headers[HeaderNames.ContentSecurityPolicy] = "frame-ancestors 'none'";
                return Task.CompletedTask;
            }, context);
            return next(context);
        });
        app.Use(static async (context, next) =>
        {
            NormaliseQuotedCharset(context.Request);
            if (RefusedCharset(context.Request) is { } charset)
            {
                await WriteProblemAsync(context, StatusCodes.Status415UnsupportedMediaType, "Unsupported charset",
                    $"Request bodies must be UTF-8; the Content-Type declares charset '{Printable(charset)}'.");
                return;
            }
            if (IsDashboardFormRoute(context.Request) && !context.Request.HasFormContentType)
            {
                var post = HttpMethods.IsPost(context.Request.Method);
                if (!post) context.Response.Headers.Allow = "POST";
                await WriteProblemAsync(context, post ? StatusCodes.Status415UnsupportedMediaType : StatusCodes.Status405MethodNotAllowed,
                    post ? "Unsupported media type" : "Method not allowed",
                    "The dashboard's actions take a form body (application/x-www-form-urlencoded) by POST.");
                return;
            }
            await next(context);
        });
        return app;
    }

    /// <summary>The declared charset when it is not UTF-8 (absent means UTF-8, as JSON requires: RFC 8259 §8.1).</summary>
    private static string? RefusedCharset(HttpRequest request)
    {
        if (request.ContentType is not { Length: > 0 } contentType
            || !MediaTypeHeaderValue.TryParse(contentType, out var media) || !media.Charset.HasValue) return null;
        var charset = media.Charset.Value!.Trim('"');
        return charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase)
            ? null : charset;
    }

    /// <summary>
    /// <c>charset="utf-8"</c> is the same parameter as <c>charset=utf-8</c> (RFC 9110 §5.6.6), but the framework's JSON
    /// reader looks the quoted text up as an encoding name and throws; the header is rewritten without the quotes.
    /// </summary>
    private static void NormaliseQuotedCharset(HttpRequest request)
    {
        if (request.ContentType is not { Length: > 0 } contentType || !contentType.Contains('"', StringComparison.Ordinal)
            || !MediaTypeHeaderValue.TryParse(contentType, out var media) || !media.Charset.HasValue) return;
        var charset = media.Charset.Value!;
        if (charset.Length < 2 || charset[0] != '"') return;
        media.Charset = charset.Trim('"');
        request.ContentType = media.ToString();
    }

    /// <summary>Hangfire's POST dispatchers and <c>/hangfire/stats</c> read <c>Request.Form</c>.</summary>
    private static bool IsDashboardFormRoute(HttpRequest request) =>
        request.Path.StartsWithSegments("/hangfire", out var rest)
        && (HttpMethods.IsPost(request.Method) || rest.Equals("/stats", StringComparison.OrdinalIgnoreCase));

    private static string Printable(string text)
    {
        var shown = new StringBuilder();
        foreach (var c in text.Take(40)) shown.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '?');
        return shown.ToString();
    }

    private static Task WriteProblemAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        }).AsTask();
    }
}
