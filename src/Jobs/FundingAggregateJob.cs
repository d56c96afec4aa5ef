using System.Text.Json;
using Analytics.Data;
using Hangfire;
using Analytics.Data.Queries;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Jobs;

/// <summary>
/// <c>funding-aggregate</c>: per venue and perp market, the indexed funding of each UTC day of the look-back (ending with
/// the run's day) summarised as <see cref="FundingSummary"/> does (observations, hour-weighted mean rate per interval,
/// simple annualised rate 8760 × Σ rate / Σ hours, min, max, hours covered), and the same over the whole look-back. The
/// result is the run's summary (JSON, <c>GET /api/v1/jobs/{jobId}/runs</c>); nothing else is stored, since the figures
/// are a pure function of the indexed rows (<c>GET /funding/{market}/summary</c> answers any other window).
/// </summary>
public sealed class FundingAggregateJob(AnalyticsDbContext db, TimeProvider time)
{
    /// <summary>The name used for this job in <c>Jobs:Recurring</c>.</summary>
    public const string Name = "funding-aggregate";

    /// <summary>Arguments: <c>days</c> (look-back in UTC days including today, 1–366, default 7), <c>venue</c> (optional: one venue).</summary>
    public static JobKind Kind { get; } = new(Name, typeof(FundingAggregateJob), args =>
    {
        var days = args.Number("days", 7, 1, 366);
        if (days != Math.Floor(days)) args.Problem("days", $"{days} is not a whole number of days");
        var venue = args.Text("venue")?.ToLowerInvariant();
        return (manager, id, cron, options) => manager.AddOrUpdate<FundingAggregateJob>(id,
            job => job.RunAsync((int)days, venue, CancellationToken.None), cron, options);
    });

    /// <summary>One run; returns the aggregates (JSON).</summary>
    public async Task<string> RunAsync(int days, string? venue, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var from = now.Date.AddDays(1 - days);
        var query = db.FundingObservations.AsNoTracking().Where(f => f.TimestampUtc >= from && f.TimestampUtc <= now);
        if (venue is not null) query = query.Where(f => f.Venue == venue);
        var rows = await query.Select(f => new { f.Venue, f.Market, f.TimestampUtc, f.RatePerInterval, f.IntervalHours }).ToListAsync(cancellationToken);
        var markets = rows.GroupBy(r => (r.Venue, r.Market)).OrderBy(g => g.Key.Venue, StringComparer.Ordinal).ThenBy(g => g.Key.Market, StringComparer.Ordinal)
            .Select(g => new
            {
                venue = g.Key.Venue,
                market = g.Key.Market,
                window = FundingSummary.Compute(g.Select(r => (r.RatePerInterval, r.IntervalHours))),
                daily = g.GroupBy(r => DateOnly.FromDateTime(r.TimestampUtc)).OrderBy(d => d.Key)
                    .Select(d => new { day = d.Key, summary = FundingSummary.Compute(d.Select(r => (r.RatePerInterval, r.IntervalHours))) }).ToList(),
            }).ToList();
        return JsonSerializer.Serialize(new { fromUtc = from, toUtc = now, days, venue, markets }, MarginMonitorJob.SummaryJson);
    }
}
