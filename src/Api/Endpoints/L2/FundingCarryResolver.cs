using Analytics.Api.Contracts.Pricing;
using Analytics.Api.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Api.Endpoints.L2;

/// <summary>
/// The funding carry of an <c>l2</c> block's funding series, taken from the <see cref="MarketSnapshot"/> of the valuation
/// time (PRODUCT.md §3.4: the window ends at the valuation time) that Data's <see cref="MarketSnapshotService"/> builds for
/// requests and jobs alike, and the API's answers when there is too little data.
/// </summary>
internal sealed class FundingCarryResolver(MarketSnapshotService market)
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
    public const double MinimumCoverage = FundingCarryReader.MinimumCoverage;

    public async Task<(double? RateAnnualised, string? Error)> ResolveAsync(FundingSeries series, DateTimeOffset valuationTime, CancellationToken cancellationToken)
    {
        var window = new FundingWindow(series.Venue, series.Market, series.LookbackHours);
        var snapshot = await market.BuildAsync(new MarketSnapshotRequest(valuationTime, [], [window]), cancellationToken);
        return snapshot.FundingCarry.TryGetValue(window, out var rate) ? (rate, null) : (null, snapshot.Missing.Single().Reason);
    }
}
