
namespace Analytics.Pricing.L2;

/// <summary>
/// One row of <see cref="L2ChainComparer.Compare"/>: the API's <c>chain</c>, <c>price</c>, <c>bid</c>, <c>ask</c>,
/// <c>spread</c>, <c>discountFactor</c>, <c>gasPerContractUsd</c> and <c>lelandNumber</c>, plus the full result.
/// Prices per contract in USD. Immutable.
/// </summary>
/// <param name="Chain">The profile priced on.</param>
/// <param name="Result">The full L2 result on that chain.</param>
public sealed record L2ChainQuote(ChainProfile Chain, L2OptionResult Result)
{
    /// <summary>Chain id, e.g. <c>zksync-era</c>.</summary>
    public string ChainId => Chain.Id;

    /// <summary>Mid price, USD.</summary>
    public double Price => Result.Price;

    /// <summary>Bid, USD.</summary>
    public double Bid => Result.Bid;

    /// <summary>Ask, USD.</summary>
    public double Ask => Result.Ask;

    /// <summary>Ask − bid, USD.</summary>
    public double Spread => Result.Spread;

    /// <summary>DF = e^{−r(T + δ)}.</summary>
    public double DiscountFactor => Result.DiscountFactor;

    /// <summary>gasCostUsd / contracts, USD.</summary>
    public double GasPerContractUsd => Result.GasPerContractUsd;

    /// <summary>Leland number Le (Leland 1985).</summary>
    public double? LelandNumber => Result.LelandNumber;
}
