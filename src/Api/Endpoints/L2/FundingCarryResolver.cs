using Analytics.Api.Contracts.Pricing;
using Analytics.Api.Errors;
using Analytics.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Analytics.Data.Queries;

namespace Analytics.Api.Endpoints.L2;

/// <summary>
/// The funding carry b of PRODUCT.md §3.4: the annualised time-weighted mean funding rate of the named perp over the
/// look-back window ending at the valuation time (not at "now"), read from the indexed funding data. Too little data
/// (none, or observations covering less than half the window) is an error that says what is missing.
/// </summary>
internal sealed class FundingCarryResolver(AnalyticsDbContext db)
{
    /// <summary>The 422 for an item of a batch whose funding carry has too little data.</summary>
    public static BatchItemError TooLittleData(string error) =>
        new(422, "Too little funding data for the funding carry", new Dictionary<string, string[]> { ["l2.fundingMarket"] = [error] });

    /// <summary>The same as an RFC 9457 response.</summary>
    public static ProblemHttpResult TooLittleDataProblem(string error)
    {
        var item = TooLittleData(error);
        return Problems.WithErrors(item.Status, item.Title, error, item.Errors);
    }

    /// <summary>Least share of the look-back window the observations must cover.</summary>
    public const double MinimumCoverage = 0.5;

    public async Task<(double? RateAnnualised, string? Error)> ResolveAsync(FundingSeries series, DateTimeOffset valuationTime, CancellationToken cancellationToken)
    {
        var to = valuationTime.UtcDateTime;
        var summary = await new FundingSummaryQuery(db).GetAsync(series.Market, series.Venue, to, series.LookbackHours, cancellationToken);
        if (summary is null)
            return (null, $"no funding observations of {series.Venue} {series.Market} in the {series.LookbackHours:G} h before {to:O}: " +
                          "ingest them (POST /api/v1/funding) or use carrySource rates or explicit.");
        if (summary.HoursCovered < MinimumCoverage * series.LookbackHours)
            return (null, $"{summary.Observations} funding observation(s) of {series.Venue} {series.Market} cover {summary.HoursCovered:G} h " +
                          $"of the {series.LookbackHours:G} h look-back before {to:O}; at least {MinimumCoverage:P0} is needed.");
        return (summary.AnnualisedRate, null);
    }
}
