using Analytics.Pricing.Engines;

namespace Analytics.Pricing.L2;

/// <summary>
/// An option priced under the L2 cost-of-carry model (PRODUCT.md §3.4), with every adjustment reported so a user
/// sees how the chain moved the number (API.md, the <c>l2</c> response block). Prices are per unit of underlying
/// (one contract), in USD. Immutable.
/// </summary>
/// <param name="ChainId">Id of the chain the option was priced on, e.g. <c>arbitrum-one</c>.</param>
/// <param name="EngineId">Id of the engine that valued the option (API.md <c>engine</c>).</param>
/// <param name="Price">Mid: V(σ) discounted over T + δ, USD.</param>
/// <param name="Bid">V(σ_bid) − gasPerContractUsd, USD (may be negative for a tiny option on an expensive chain).</param>
/// <param name="Ask">V(σ_ask) + gasPerContractUsd, USD.</param>
/// <param name="PriceAtBidVol">V(σ_bid) before gas, discounted over T + δ; the discounted intrinsic value of the
/// forward (best exercise for American) when the floor is hit, USD.</param>
/// <param name="PriceAtAskVol">V(σ_ask) before gas, discounted over T + δ, USD.</param>
/// <param name="Volatility">Mid volatility σ, annualised decimal.</param>
/// <param name="VolBid">σ·sqrt(max(0, 1 − Le)), annualised decimal; σ where Le is null.</param>
/// <param name="VolAsk">σ·sqrt(1 + Le), annualised decimal; σ where Le is null.</param>
/// <param name="LelandNumber">Le = sqrt(2/π)·k/(σ·sqrt(Δt)) (Leland 1985, J. Finance 40(5)); null at the limits σ = 0 and S = 0,
/// where it is undefined and nothing is hedged (see <see cref="L2VanillaOptionPricer"/>).</param>
/// <param name="RoundTripCostRate">k = 2·(takerFeeRate + gasCostUsd / hedgeNotionalUsd), decimal; null at S = 0 when the hedge
/// notional (contracts·S) is 0.</param>
/// <param name="HedgeNotionalUsd">Notional of one re-hedge used in k, USD.</param>
/// <param name="CarryRate">Cost of carry b used, continuously compounded annualised decimal.</param>
/// <param name="CarrySource">Where b came from.</param>
/// <param name="Forward">F = S·e^{bT}, USD (on T, not T + δ).</param>
/// <param name="DiscountFactor">DF = e^{−r(T + δ)}, dimensionless.</param>
/// <param name="SettlementDelayYears">δ: the withdrawal delay in years when settling on L1, else 0.</param>
/// <param name="GasPerContractUsd">gasCostUsd / contracts, USD per contract.</param>
/// <param name="BidFloorHit">Whether Le ≥ 1, so σ_bid = 0 and the bid is floored at the discounted intrinsic value.</param>
/// <param name="Greeks">Greeks of the mid <paramref name="Price"/> (conventions of <see cref="Pricing.Greeks"/>;
/// rho includes the −δ·V of the settlement discount).</param>
/// <param name="GreeksMethod">How the engine obtained <paramref name="Greeks"/> for these inputs (the same as without
/// the L2 model: the settlement discount only scales them).</param>
/// <param name="Limit">The limit of the model the option is at (T = 0, S = 0, K = 0, σ = 0), priced in closed form without the engine, or
/// <see langword="null"/>.</param>
public sealed record L2OptionResult(
    string ChainId,
    string EngineId,
    double Price,
    double Bid,
    double Ask,
    double PriceAtBidVol,
    double PriceAtAskVol,
    double Volatility,
    double VolBid,
    double VolAsk,
    double? LelandNumber,
    double? RoundTripCostRate,
    double HedgeNotionalUsd,
    double CarryRate,
    CarrySource CarrySource,
    double Forward,
    double DiscountFactor,
    double SettlementDelayYears,
    double GasPerContractUsd,
    bool BidFloorHit,
    Greeks Greeks,
    GreeksMethod GreeksMethod,
    Limits.VanillaOptionLimit? Limit = null)
{
    /// <summary>Ask − bid, USD per contract.</summary>
    public double Spread => Ask - Bid;
}
