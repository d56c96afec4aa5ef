using Analytics.Data.Queries;

namespace Analytics.Data.Market;

/// <summary>
/// The funding carry b of PRODUCT.md §3.4: the annualised time-weighted mean funding rate of the named perp over the
/// look-back window ending at the valuation time (not at "now"), read from the indexed funding data. Too little data
/// (none, or observations covering less than half the window) is an error that says what is missing.
/// </summary>
public sealed class FundingCarryReader(AnalyticsDbContext db)
{
    /// <summary>Least share of the look-back window the observations must cover.</summary>
    public const double MinimumCoverage = 0.5;

    /// <summary>The carry of <paramref name="market"/> on <paramref name="venue"/> over the <paramref name="lookbackHours"/> before <paramref name="valuationTime"/>.</summary>
    public async Task<FundingCarry> ReadAsync(string venue, string market, double lookbackHours, DateTimeOffset valuationTime, CancellationToken cancellationToken)
    {
        var to = valuationTime.UtcDateTime;
        (venue, market) = (Identifiers.Venue(venue), Identifiers.Market(market));
        var summary = await new FundingSummaryQuery(db).GetAsync(market, venue, to, lookbackHours, cancellationToken);
        if (summary is null)
            return new FundingCarry(null, $"no funding observations of {venue} {market} in the {lookbackHours:G} h before {to:O}: " +
                                          "ingest them (POST /api/v1/funding) or use carrySource rates or explicit.");
        if (summary.HoursCovered < MinimumCoverage * lookbackHours)
            return new FundingCarry(null, $"{summary.Observations} funding observation(s) of {venue} {market} cover {summary.HoursCovered:G} h " +
                                          $"of the {lookbackHours:G} h look-back before {to:O}; at least {MinimumCoverage:P0} is needed.");
        return new FundingCarry(summary.AnnualisedRate, null);
    }
}
