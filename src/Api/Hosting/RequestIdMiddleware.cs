namespace Analytics.Api.Hosting;

/// <summary>
/// One id per request: the caller's <c>X-Request-Id</c> when it is sane, else ASP.NET Core's own. It is the
/// <c>RequestId</c> of every log line of the request (structured logging with scopes), echoed in the
/// <c>X-Request-Id</c> response header and in every problem detail as <c>requestId</c>.
/// </summary>
public sealed class RequestIdMiddleware(RequestDelegate next, ILogger<RequestIdMiddleware> logger)
{
    private const string Header = "X-Request-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[Header].ToString();
        if (incoming.Length is > 0 and <= 64 && incoming.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'))
            context.TraceIdentifier = incoming;
        context.Response.Headers[Header] = context.TraceIdentifier;
        using (logger.BeginScope(new Dictionary<string, object> { ["RequestId"] = context.TraceIdentifier }))
            await next(context);
    }
}
