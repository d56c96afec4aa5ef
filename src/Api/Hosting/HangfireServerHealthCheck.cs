using Analytics.Jobs;
using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Analytics.Api.Hosting;

/// <summary>
/// Healthy when job storage answers and at least one Hangfire server has sent a heartbeat in the last minute. Without one,
/// a node that runs a job server (<c>Jobs:RunServer</c>) is unhealthy (its own server is dead); an API-only node is
/// degraded, still ready for traffic: it serves requests, and the jobs it enqueues wait in the shared storage for a worker.
/// </summary>
public sealed class HangfireServerHealthCheck(JobStorage storage, JobsOptions jobs, TimeProvider timeProvider) : IHealthCheck
{
    private static readonly TimeSpan MaxHeartbeatAge = TimeSpan.FromMinutes(1);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var now = timeProvider.GetUtcNow().UtcDateTime;
            var servers = storage.GetMonitoringApi().Servers();
            var alive = servers.Count(s => s.Heartbeat is { } beat && now - DateTime.SpecifyKind(beat, DateTimeKind.Utc) < MaxHeartbeatAge);
            if (alive > 0) return Task.FromResult(HealthCheckResult.Healthy($"{alive} job server(s) alive"));
            string none = $"no job server has sent a heartbeat in the last {MaxHeartbeatAge.TotalSeconds:F0} s ({servers.Count} known)";
            return Task.FromResult(jobs.RunServer
                ? HealthCheckResult.Unhealthy(none)
                : HealthCheckResult.Degraded($"{none}; this node runs none (Jobs:RunServer=false), jobs wait in the queue for a worker"));
        }
        catch (Exception e)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("job storage did not answer", e));
        }
    }
}
