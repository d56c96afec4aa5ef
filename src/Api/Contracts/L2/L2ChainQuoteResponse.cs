using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Analytics.Api.Contracts.L2;

/// <summary>One chain's quote in POST /api/v1/l2/compare.</summary>
public sealed record L2ChainQuoteResponse(
    [property: Description("Chain id.")] string Chain,
    [property: Description("Rollup kind: l1, optimistic or zk.")] string Rollup,
    [property: Description("Mid price, USD (after settlement discounting).")] double Price,
    [property: Description("Bid, USD.")] double Bid,
    [property: Description("Ask, USD.")] double Ask,
    [property: Description("Ask − bid, USD.")] double Spread,
    [property: Description("Discount factor exp(−r·(T + δ)).")] double DiscountFactor,
    [property: Description("Settlement delay δ, years.")] double SettlementDelayYears,
    [property: Description("Gas per contract, USD.")] double GasPerContractUsd,
    [property: Description("Leland number; null at vol 0 and spot 0, where it is undefined (the hedging cost vanishes; see `limit`).")] double? LelandNumber,
    [property: Description("Which gas per transaction was used: `configured` (profile or `gasCostUsd` override) or `observed` (median of the indexed trades' gas on this chain, last 24 h).")] GasSource Gas = GasSource.Configured,
    [property: Description("The gas per transaction used, USD.")] double? GasCostUsd = null)
{
    /// <summary>The limit of the model the option is at, as on POST /api/v1/options/price.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description(Analytics.Api.Contracts.Pricing.OptionPriceResponse.LimitDescription)]
    public Analytics.Pricing.Limits.VanillaOptionLimit? Limit { get; init; }
}
