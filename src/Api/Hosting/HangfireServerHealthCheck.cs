using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Analytics.Api.Hosting;

/// <summary>Ready when job storage answers and at least one Hangfire server has sent a heartbeat in the last minute.</summary>
public sealed class HangfireServerHealthCheck(JobStorage storage, TimeProvider timeProvider) : IHealthCheck
{
    private static readonly TimeSpan MaxHeartbeatAge = TimeSpan.FromMinutes(1);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var now = timeProvider.GetUtcNow().UtcDateTime;
            var servers = storage.GetMonitoringApi().Servers();
            var alive = servers.Count(s => s.Heartbeat is { } beat && now - DateTime.SpecifyKind(beat, DateTimeKind.Utc) < MaxHeartbeatAge);
            return Task.FromResult(alive > 0
                ? HealthCheckResult.Healthy($"{alive} job server(s) alive")
                : HealthCheckResult.Unhealthy($"no job server has sent a heartbeat in the last {MaxHeartbeatAge.TotalSeconds:F0} s ({servers.Count} known)"));
        }
        catch (Exception e)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("job storage did not answer", e));
        }
    }
}
