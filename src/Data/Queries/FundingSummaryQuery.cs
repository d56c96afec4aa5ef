using Microsoft.EntityFrameworkCore;

namespace Analytics.Data.Queries;

/// <summary>
/// Funding over a window: the input of the pricing model's funding carry (the <c>l2</c> block's
/// <c>fundingVenue</c>/<c>fundingMarket</c>) and of <c>GET /api/v1/funding/{market}/summary</c>.
/// </summary>
public sealed class FundingSummaryQuery(AnalyticsDbContext db)
{
    /// <summary>
    /// Observations of <paramref name="market"/> (one venue, or every venue when null) with timestamps in
    /// (to − window, to]; null when there are none.
    /// </summary>
    public async Task<FundingSummary?> GetAsync(string market, string? venue, DateTime toUtc, double windowHours, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(windowHours);
        var fromUtc = toUtc.AddHours(-windowHours);
        var query = db.FundingObservations.AsNoTracking().Where(f => f.Market == market && f.TimestampUtc > fromUtc && f.TimestampUtc <= toUtc);
        if (venue is not null) query = query.Where(f => f.Venue == venue);
        var rows = await query.Select(f => new { f.RatePerInterval, f.IntervalHours }).ToListAsync(cancellationToken);
        return FundingSummary.Compute(rows.Select(r => (r.RatePerInterval, r.IntervalHours)));
    }
}
