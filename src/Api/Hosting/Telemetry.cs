using System.Security.Cryptography;
using System.Text;
using Analytics.Api.Auth;
using Analytics.Data.Telemetry;
using Analytics.Pricing.QuantLib;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Analytics.Api.Hosting;

/// <summary>
/// OpenTelemetry (issue 17 item 4): ASP.NET Core request-duration histograms by route, .NET runtime metrics and the
/// service's own meters (<see cref="AnalyticsMetrics"/>, <see cref="QuantLibMetrics"/>, the batch items) served in Prometheus text at
/// <c>GET /metrics</c> to an admin or the configured scrape key (<c>Telemetry:ScrapeKeySha256</c>); metrics and traces
/// also go to an OTLP collector when <c>Telemetry:OtlpEndpoint</c> is set.
/// </summary>
public static class Telemetry
{
    public const string SectionName = "Telemetry";
    public const string MetricsPath = "/metrics";

    public static IServiceCollection AddAnalyticsTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<Options.TelemetryOptions>().BindConfiguration(Options.TelemetryOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var otlp = configuration[$"{SectionName}:OtlpEndpoint"] is { Length: > 0 } endpoint ? new Uri(endpoint) : null;
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("analytics-api"))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddRuntimeInstrumentation()
                    .AddMeter(AnalyticsMetrics.MeterName, QuantLibMetrics.MeterName, Endpoints.Pricing.BatchPricingMetrics.MeterName)
                    .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
                if (otlp is not null) metrics.AddOtlpExporter(o => o.Endpoint = otlp);
            });
        if (otlp is not null)
            telemetry.WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddOtlpExporter(o => o.Endpoint = otlp));
        return services;
    }

    /// <summary><c>GET /metrics</c>: an admin key or the scrape key.</summary>
    public static WebApplication MapAnalyticsMetrics(this WebApplication app)
    {
        // Read (and so validated) here, at start, and decoded once.
        var scrapeKeyHash = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Options.TelemetryOptions>>().Value.ScrapeKeyHash;
        app.MapPrometheusScrapingEndpoint(MetricsPath).AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var isAdmin = Enum.TryParse<ApiRole>(http.User.FindFirst(AuthNames.RoleClaim)?.Value, out var role) && role >= ApiRole.Admin;
            if (isAdmin || IsScrapeKey(http.Request.Headers[AuthNames.ApiKeyHeader], scrapeKeyHash))
                return await next(context);
            var status = http.User.Identity?.IsAuthenticated == true ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
            return TypedResults.Problem(statusCode: status, title: status == 401 ? "Unauthorized" : "Forbidden",
                detail: "GET /metrics needs the admin role or the configured scrape key (Telemetry:ScrapeKeySha256) in X-Api-Key.");
        });
        return app;
    }

    private static bool IsScrapeKey(string? presented, byte[]? expectedHash) =>
        !string.IsNullOrEmpty(presented) && expectedHash is not null
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), expectedHash);
}
