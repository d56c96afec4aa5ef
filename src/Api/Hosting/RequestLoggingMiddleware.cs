using System.Diagnostics;

namespace Analytics.Api.Hosting;

/// <summary>
/// One id per request: the caller's <c>X-Request-Id</c> when it is sane, else ASP.NET Core's own. It is the
/// <c>RequestId</c> scope of every log line of the request, echoed in the <c>X-Request-Id</c> response header and in
/// every problem detail as <c>requestId</c>. Each request ends with one structured line: method, path, status, time.
/// </summary>
public sealed class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    private const string Header = "X-Request-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[Header].ToString();
        if (incoming.Length is > 0 and <= 64 && incoming.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'))
            context.TraceIdentifier = incoming;
        context.Response.Headers[Header] = context.TraceIdentifier;

        using (logger.BeginScope("RequestId:{RequestId}", context.TraceIdentifier))
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                // Load-balancer probes would drown the log at Information.
                var level = context.Request.Path.StartsWithSegments("/health") ? LogLevel.Debug : LogLevel.Information;
                logger.Log(level, "HTTP {Method} {Path} responded {StatusCode} in {ElapsedMs:F1} ms",
                    context.Request.Method, context.Request.Path.Value, context.Response.StatusCode,
                    Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
    }
}
