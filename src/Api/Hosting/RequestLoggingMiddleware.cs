using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace Analytics.Api.Hosting;

/// <summary>
/// One id per request: the caller's <c>X-Request-Id</c> when it is sane, else ASP.NET Core's own. It is the
/// <c>RequestId</c> scope of every log line of the request (the exception handler's too: this middleware runs outside
/// it), echoed in the <c>X-Request-Id</c> response header of every response (500s too: it is set as the response starts,
/// after the exception handler has cleared the headers) and in every problem detail as <c>requestId</c>. Each request
/// ends with one structured line with the status the client received; statuses in
/// <see cref="RequestLoggingOptions.SampledStatuses"/> (429 by default) log one line per client and status per window,
/// the next one saying how many were left out, so a throttled flood cannot fill the disk.
/// </summary>
public sealed class RequestLoggingMiddleware(
    RequestDelegate next, ILogger<RequestLoggingMiddleware> logger, IOptions<RequestLoggingOptions> options, TimeProvider time)
{
    private const string Header = "X-Request-Id";
    private readonly RequestLogSampler _sampler = new(options.Value, time);

    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[Header].ToString();
        if (incoming.Length is > 0 and <= 64 && incoming.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'))
            context.TraceIdentifier = incoming;
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            http.Response.Headers[Header] = http.TraceIdentifier;
            return Task.CompletedTask;
        }, context);

        using (logger.BeginScope("RequestId:{RequestId}", context.TraceIdentifier))
        {
            var started = Stopwatch.GetTimestamp();
            int? failedStatus = null;
            try
            {
                await next(context);
            }
            catch when (!context.Response.HasStarted)
            {
                failedStatus = StatusCodes.Status500InternalServerError; // the host answers 500 to what escapes
                throw;
            }
            finally
            {
                Log(context, failedStatus ?? context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
    }

    private void Log(HttpContext context, int status, double elapsedMs)
    {
        // Load-balancer probes would drown the log at Information.
        var level = context.Request.Path.StartsWithSegments("/health") ? LogLevel.Debug
            : status >= 500 ? LogLevel.Error : LogLevel.Information;
        if (!logger.IsEnabled(level)) return;
        var client = context.User.Identity is { IsAuthenticated: true, Name: { } name } ? "key:" + name : "ip:" + context.Connection.RemoteIpAddress;
        if (!_sampler.ShouldLog(client, status, out var suppressed)) return;
        if (suppressed > 0)
            // Each field once: a structured sink writes each as a property, and a duplicate one makes some stores refuse the line.
            logger.Log(level, "HTTP {Method} {Path} responded {StatusCode} in {ElapsedMs:F3} ms ({Suppressed} similar lines for this client and status left out)",
                context.Request.Method, context.Request.Path.Value, status, elapsedMs, suppressed);
        else
            logger.Log(level, "HTTP {Method} {Path} responded {StatusCode} in {ElapsedMs:F3} ms",
                context.Request.Method, context.Request.Path.Value, status, elapsedMs);
    }
}
