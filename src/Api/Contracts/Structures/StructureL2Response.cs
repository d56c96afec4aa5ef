using System.ComponentModel;
using Analytics.Pricing.L2;

namespace Analytics.Api.Contracts.Structures;

/// <summary>
/// The structure's L2 quote: Leland side chosen by the sign of the net gamma (PRODUCT.md §3.4 part 4), each side's hedging
/// cost applied as a non-negative amount (so bid ≤ mid ≤ ask), gas paid once.
/// </summary>
public sealed record StructureL2Response(
    [property: Description("Chain id.")] string Chain,
    [property: Description("Bid = mid − bidHedgingCost − gas, USD (in the underlying with `premiumCurrency: underlying`); never above the mid.")] double Bid,
    [property: Description("Ask = mid + askHedgingCost + gas, USD (in the underlying with `premiumCurrency: underlying`); never below the mid.")] double Ask,
    [property: Description("Ask − bid, USD.")] double Spread,
    [property: Description("Net position gamma that chose the Leland side.")] double NetGamma,
    [property: Description("True when the ask uses the writer's (higher) vol, i.e. the structure is long gamma.")] bool AskAtWriterVol,
    [property: Description("True when Le ≥ 1 floored the bid vol at zero.")] bool BidFloorHit,
    [property: Description("Deprecated: always false. The hedging cost is applied as a non-negative amount on each side, so the quote never crosses (a long calendar crossed before).")] bool Crossed,
    [property: Description("Gas of the one transaction, USD (the same number as `gas.singleTxUsd`).")] double SingleTxUsd,
    [property: Description("Settlement delay, years.")] double SettlementDelayYears,
    [property: Description("Cost of carry used, annualised decimal.")] double CarryRate,
    [property: Description("Where the carry came from.")] CarrySource CarrySource,
    [property: Description("Net premium at the mid vols, Σ qᵢ·Vᵢ(σ), in the premium currency.")] double Mid,
    [property: Description("|Σ qᵢ·(Vᵢ(σ_ask side) − Vᵢ(σ))| ≥ 0, in the premium currency: the Leland hedging cost the ask adds to the mid (a hedging cost is always paid; Hoggard, Whalley and Wilmott 1994).")] double AskHedgingCost,
    [property: Description("|Σ qᵢ·(Vᵢ(σ_bid side) − Vᵢ(σ))| ≥ 0, in the premium currency: the Leland hedging cost the bid takes from the mid.")] double BidHedgingCost,
    [property: Description("Which gas per transaction `singleTxUsd` is: `configured` (profile or `gasCostUsd` override) or `observed` (median of the indexed trades' gas on the chain, last 24 h).")] Analytics.Api.Contracts.L2.GasSource Gas = Analytics.Api.Contracts.L2.GasSource.Configured);
