using Analytics.Api.Contracts.Health;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Analytics.Api.Endpoints;

/// <summary><c>/health/live</c> (the process answers) and <c>/health/ready</c> (database and job server).</summary>
public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/health").WithTags("Health").AllowAnonymous();
        group.MapGet("/live", () => TypedResults.Ok(new HealthResponse("Healthy", new Dictionary<string, HealthCheckResponse>())))
            .WithName("Live")
            .WithSummary("Liveness: the process answers")
            .WithDescription("Checks no dependency; 200 while the process can serve requests.");
        group.MapGet("/ready", ReadyAsync)
            .WithName("Ready")
            .WithSummary("Readiness: database and job server")
            .WithDescription("200 when the database answers and a job server is alive, else 503 with the failing check. " +
                             "On an API-only node (`Jobs:RunServer=false`) no live worker is `Degraded` (200): requests are served, jobs wait in the queue. " +
                             "A missing QuantLib native library reports `Degraded` (200): the QuantLib engines answer 503, the rest works.")
            .Produces<HealthResponse>(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<JsonHttpResult<HealthResponse>> ReadyAsync(HealthCheckService health, CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(c => c.Tags.Contains(ReadyTag), cancellationToken);
        var body = new HealthResponse(
            report.Status.ToString(),
            report.Entries.ToDictionary(e => e.Key, e => new HealthCheckResponse(e.Value.Status.ToString(), e.Value.Description)));
        // Degraded (QuantLib missing: the other engines work) still serves traffic; Unhealthy does not.
        return TypedResults.Json(body, statusCode: report.Status == HealthStatus.Unhealthy ? 503 : 200);
    }
}
