using System.ComponentModel;
using Analytics.Pricing.L2;

namespace Analytics.Api.Contracts.L2;

/// <summary>How the L2 facts moved the price (API.md, response `l2`).</summary>
public sealed record L2Response(
    [property: Description("Chain id.")] string Chain,
    [property: Description("Cost of carry b used, annualised decimal.")] double CarryRate,
    [property: Description("Where b came from: rates, funding or explicit.")] CarrySource CarrySource,
    [property: Description("Settlement delay δ added to the discounting, years (0 when settling on the L2); the top-level discountFactor is exp(−r·(T + δ)).")] double SettlementDelayYears,
    [property: Description("Gas per contract, USD: the chain's gas per transaction / contracts. Added to the ask, taken from the bid.")] double GasPerContractUsd,
    [property: Description("Round-trip proportional hedging cost k = 2·(takerFeeRate + gasCostUsd / hedgeNotionalUsd); null at spot 0 without `hedgeNotionalUsd` (a hedge notional of 0).")] double? RoundTripCostRate,
    [property: Description("Leland number Le = sqrt(2/π)·k/(σ·sqrt(Δt)); null at vol 0 and spot 0 (`limit` `zero-volatility`, `zero-spot`), where it is undefined: Leland's adjusted variance σ² ± σ·sqrt(2/π)·k/sqrt(Δt) tends to 0 with σ, and at spot 0 nothing is hedged.")] double? LelandNumber,
    [property: Description("Buyer's (bid) vol σ·sqrt(max(0, 1 − Le)); σ when `lelandNumber` is null.")] double VolBid,
    [property: Description("Writer's (ask) vol σ·sqrt(1 + Le); σ when `lelandNumber` is null.")] double VolAsk,
    [property: Description("Bid, USD: V(volBid) − gasPerContractUsd.")] double Bid,
    [property: Description("Ask, USD: V(volAsk) + gasPerContractUsd.")] double Ask,
    [property: Description("Ask − bid, USD.")] double Spread,
    [property: Description("True when Le ≥ 1 floored the bid vol at zero: the bid is then the discounted intrinsic value of the forward.")] bool BidFloorHit,
    [property: Description("Which gas per transaction was used: `configured` (profile or override) or `observed` (median of the indexed trades' gas, last 24 h).")] GasSource Gas = GasSource.Configured,
    [property: Description("The gas per transaction used, USD.")] double? GasCostUsd = null);
