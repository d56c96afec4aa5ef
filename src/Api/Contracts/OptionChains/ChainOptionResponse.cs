using System.ComponentModel;
using System.Text.Json.Serialization;
using Analytics.Api.Contracts.Pricing;

namespace Analytics.Api.Contracts.OptionChains;

// "Chain" here is the option chain; the type keeps its name because it is the committed OpenAPI schema id.
/// <summary>One option of a chain row, per unit of underlying, in the chain's `premiumCurrency`.</summary>
public sealed record ChainOptionResponse(
    [property: Description("Mid price (Black-76 on the forward at `vol`), in `premiumCurrency`.")] double Mid,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("With `chain`: bid of the L2 cost model, V(volBid) − gasPerContractUsd (PRODUCT.md §3.4), the same figure POST /options/price gives with that `l2` block. Absent without `chain`.")] double? Bid,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("With `chain`: ask, V(volAsk) + gasPerContractUsd. Absent without `chain`.")] double? Ask,
    [property: Description("Greeks of the mid in the response's `greekUnits`: delta per 1 USD of forward; vega per 1.00 of vol and theta per year (per-unit) or per vol point and per day (per-vol-point-per-day); of the premium in `premiumCurrency` (the Greeks of V/F for `underlying`).")] GreeksResponse Greeks,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("With `chain`: Leland bid vol σ·sqrt(max(0, 1 − Le)), annualised decimal. Absent without `chain`.")] double? VolBid = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("With `chain`: Leland ask vol σ·sqrt(1 + Le), annualised decimal. Absent without `chain`.")] double? VolAsk = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("With `chain`: Le = sqrt(2/π)·k/(σ·sqrt(Δt)). Absent without `chain`.")] double? LelandNumber = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("With `chain`: true when Le ≥ 1, so volBid = 0 and the bid is the discounted intrinsic value of the forward less gas. Absent without `chain`.")] bool? BidFloorHit = null);
