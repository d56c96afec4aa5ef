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
            // Chosen now: the dashboard's branch rebases Request.Path before the response starts.
            var policy = ContentSecurityPolicy(context.Request.PathBase.Add(context.Request.Path));
            context.Response.OnStarting(static state =>
            {
                var (http, csp) = ((HttpContext, string))state;
                var headers = http.Response.Headers;
                headers[HeaderNames.XContentTypeOptions] = "nosniff";
                headers[HeaderNames.XFrameOptions] = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                if (!headers.ContainsKey(HeaderNames.ContentSecurityPolicy))
                    headers[HeaderNames.ContentSecurityPolicy] = csp;
                return Task.CompletedTask;
            }, (context, policy));
            return next(context);
        });
        app.Use(static async (context, next) =>
        {
            if (HeaderBytes(context.Request) > MaxHeaderBytes)
            {
                await WriteProblemAsync(context, StatusCodes.Status431RequestHeaderFieldsTooLarge, "Request header fields too large",
                    $"The request's headers take more than {MaxHeaderBytes / 1024} KiB.");
                return;
            }
            if ((context.Request.Path.Value?.Length ?? 0) + (context.Request.QueryString.Value?.Length ?? 0) > MaxTargetChars)
            {
                await WriteProblemAsync(context, StatusCodes.Status414UriTooLong, "URI too long",
                    $"The request's path and query take more than {MaxTargetChars} characters.");
                return;
            }
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

    /// <summary>
    /// What we render ourselves (JSON, problems, the SVG charts, the login form) loads nothing: <c>default-src 'none'</c>,
    /// inline styles only (the login form's), forms posting back here only. Swagger UI loads its own scripts, styles and
    /// the document from this origin (its index page has no inline script since Swashbuckle 6.6). The Hangfire dashboard
    /// is Hangfire's own page (jQuery, its own scripts and styles), not checked under a stricter policy in a browser here,
    /// so it keeps only the framing ban.
    /// <para>
    /// Kestrel's own 400/414/431 rejections (a malformed request line, a URL or header block over its limits) are written
    /// by Kestrel before a request reaches any middleware, with no <see cref="HttpContext"/>: no middleware, status
    /// code page or exception handler sees them, so they keep Kestrel's empty bodies (and get none of these headers).
    /// What can be done is done: Kestrel's limits are set at twice this service's (<see cref="MaxHeaderBytes"/>,
    /// <see cref="MaxTargetChars"/>), so a request over ours but within Kestrel's gets a 431 or 414 problem.
    /// </para>
    /// </summary>
    public const string StrictPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public const string SwaggerPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
                                        "object-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>
    /// Hangfire's dashboard: its own script and style sheets only (its pages have no inline script, style or handler;
    /// checked in Chromium on every page by <c>DashboardBrowserTests</c>), plus the one style element its bundled chart
    /// library inserts, allowed by its hash (a Hangfire upgrade that changes it fails that test, naming the new hash),
    /// images from itself or data URIs, XHR to itself.
    /// </summary>
    public const string DashboardPolicy = "default-src 'none'; script-src 'self'; style-src 'self' 'sha256-z7zcnw/4WalZqx+PrNaRnoeLz/G9WXuFqV1WCJ129sg='; " +
                                          "img-src 'self' data:; connect-src 'self'; font-src 'self'; " +
                                          "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private static string ContentSecurityPolicy(PathString path) =>
        path.StartsWithSegments("/swagger") ? SwaggerPolicy
        : path.StartsWithSegments("/hangfire") ? DashboardPolicy
        : StrictPolicy;

    /// <summary>
    /// Headers over this many bytes are a 431 problem. Kestrel's own limit is set to twice this (see
    /// <see cref="KestrelMaxHeaderBytes"/>), so requests between the two reach this check and get a body; beyond
    /// Kestrel's limit Kestrel answers 431 itself, with an empty body.
    /// </summary>
    public const int MaxHeaderBytes = 32 * 1024;

    /// <summary>Kestrel's <c>MaxRequestHeadersTotalSize</c>.</summary>
    public const int KestrelMaxHeaderBytes = 2 * MaxHeaderBytes;

    /// <summary>A path and query over this many characters is a 414 problem (Kestrel's request line limit is twice it).</summary>
    public const int MaxTargetChars = 8 * 1024;

    /// <summary>Kestrel's <c>MaxRequestLineSize</c>.</summary>
    public const int KestrelMaxRequestLineBytes = 2 * MaxTargetChars + 64;

    /// <summary>The header block's size as Kestrel counts it (name, ": ", value, CRLF per field).</summary>
    private static long HeaderBytes(HttpRequest request)
    {
        long bytes = 0;
        foreach (var (name, values) in request.Headers)
            foreach (var value in values)
                bytes += name.Length + (value?.Length ?? 0) + 4;
        return bytes;
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
