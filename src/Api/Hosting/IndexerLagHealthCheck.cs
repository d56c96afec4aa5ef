using Analytics.Data;
using Analytics.Data.Indexing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Analytics.Api.Hosting;

/// <summary>Degraded while an on-chain source lags beyond <c>Indexer:MaxLagBlocks</c> / <c>Indexer:MaxLagSeconds</c>; healthy otherwise (also without sources).</summary>
public sealed class IndexerLagHealthCheck(AnalyticsDbContext db, IOptions<IndexerOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (options.Value.Sources.Count == 0) return HealthCheckResult.Healthy("no on-chain sources configured");
        var statuses = await IndexerStatusQuery.ReadAsync(db, options.Value, cancellationToken);
        var lagging = statuses.Where(s => s.Lagging).ToList();
        return lagging.Count == 0
            ? HealthCheckResult.Healthy($"{statuses.Count} source(s) within the lag limits")
            : HealthCheckResult.Degraded(string.Join("; ", lagging.Select(s =>
                $"{s.Id} is {s.LagBlocks} blocks ({s.LagSeconds:F0} s) behind its head (limits: {options.Value.MaxLagBlocks} blocks beyond {s.Confirmations} confirmations, {options.Value.MaxLagSeconds} s)")));
    }
}
