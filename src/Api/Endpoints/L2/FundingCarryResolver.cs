using Analytics.Api.Contracts.Pricing;
using Analytics.Api.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Api.Endpoints.L2;

/// <summary>
/// The funding carry of an <c>l2</c> block's funding series, read by Data's <see cref="FundingCarryReader"/> (PRODUCT.md
/// §3.4: the window ends at the valuation time), and the API's answers when there is too little data.
/// </summary>
internal sealed class FundingCarryResolver(FundingCarryReader reader)
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
        var carry = await reader.ReadAsync(series.Venue, series.Market, series.LookbackHours, valuationTime, cancellationToken);
        return (carry.RateAnnualised, carry.Error);
    }
}
