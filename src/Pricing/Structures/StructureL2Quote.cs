using Analytics.Pricing.L2;

namespace Analytics.Pricing.Structures;

/// <summary>
/// The structure's quote under the L2 model (PRODUCT.md §3.4). The Leland side is chosen once by the sign of the
/// structure's net gamma, not leg by leg: for net gamma ≥ 0 the ask side values every leg at its writer's vol
/// σ·sqrt(1 + Le) and the bid side at σ·sqrt(max(0, 1 − Le)); for net gamma &lt; 0 the sides swap. The hedging cost of
/// each side is then applied as a non-negative amount around the mid, and gas is paid once:
/// ask = mid + |Σ qᵢ·(Vᵢ(σ_ask side) − Vᵢ(σ))| + gas, bid = mid − |Σ qᵢ·(Vᵢ(σ_bid side) − Vᵢ(σ))| − gas.
/// A hedging cost is always paid, never earned (Hoggard, Whalley and Wilmott, <i>Advances in Futures and Options
/// Research</i> 7, 1994: transaction costs of discrete hedging add |Γ|-weighted cost whatever the position's sign), so
/// bid ≤ mid ≤ ask for every structure, also one whose net gamma and net vega have opposite signs (a long calendar),
/// where the plain Σ qᵢ·Vᵢ(σ_side) of Leland's one-convexity rule would cross. Position totals in USD
/// (Leland 1985, <i>J. Finance</i> 40(5)). Immutable.
/// </summary>
/// <param name="ChainId">Chain priced on.</param>
/// <param name="Mid">Σ qᵢ·Vᵢ(σ), the net premium at mid, USD.</param>
/// <param name="Bid">Mid − <paramref name="BidHedgingCostUsd"/> − gas once, USD.</param>
/// <param name="Ask">Mid + <paramref name="AskHedgingCostUsd"/> + gas once, USD.</param>
/// <param name="AskHedgingCostUsd">|Σ qᵢ·(Vᵢ(σ_ask side) − Vᵢ(σ))|, USD, ≥ 0.</param>
/// <param name="BidHedgingCostUsd">|Σ qᵢ·(Vᵢ(σ_bid side) − Vᵢ(σ))|, USD, ≥ 0.</param>
/// <param name="NetGamma">Σ qᵢ·Γᵢ of the mid, per 1.00 of spot.</param>
/// <param name="AskAtWriterVol">Whether the ask side is the writer's vol σ·sqrt(1 + Le) (net gamma ≥ 0).</param>
/// <param name="BidFloorHit">Whether any leg's bid-side vol hit zero (Le ≥ 1).</param>
/// <param name="GasUsd">Gas paid once for the structure, USD, ≥ 0.</param>
/// <param name="SettlementDelayYears">δ applied to every leg's discounting, years.</param>
/// <param name="CarryRate">Cost of carry b used, annualised decimal.</param>
/// <param name="CarrySource">Where b came from.</param>
public sealed record StructureL2Quote(
    string ChainId,
    double Mid,
    double Bid,
    double Ask,
    double AskHedgingCostUsd,
    double BidHedgingCostUsd,
    double NetGamma,
    bool AskAtWriterVol,
    bool BidFloorHit,
    double GasUsd,
    double SettlementDelayYears,
    double CarryRate,
    CarrySource CarrySource)
{
    /// <summary>Ask − bid, USD, ≥ 0.</summary>
    public double Spread => Ask - Bid;

    /// <summary>
    /// The quote from the two sides' position values and the mid: the side of the ask chosen by the sign of
    /// <paramref name="netGamma"/> (PRODUCT.md §3.4), each side's hedging cost taken as its absolute value.
    /// </summary>
    /// <param name="chainId">Chain priced on.</param>
    /// <param name="mid">Σ qᵢ·Vᵢ(σ), USD.</param>
    /// <param name="atWriterVols">Σ qᵢ·Vᵢ(σ·sqrt(1 + Le)), USD.</param>
    /// <param name="atBuyerVols">Σ qᵢ·Vᵢ(σ·sqrt(max(0, 1 − Le))), USD.</param>
    /// <param name="netGamma">Σ qᵢ·Γᵢ, per 1.00 of spot.</param>
    /// <param name="bidFloorHit">Whether any leg's buyer vol hit zero.</param>
    /// <param name="gasUsd">Gas of the one transaction, USD, ≥ 0.</param>
    /// <param name="settlementDelayYears">δ, years.</param>
    /// <param name="carry">Cost of carry used.</param>
    /// <returns>The quote, with bid ≤ mid ≤ ask.</returns>
    public static StructureL2Quote FromSides(
        string chainId, double mid, double atWriterVols, double atBuyerVols, double netGamma, bool bidFloorHit,
        double gasUsd, double settlementDelayYears, CarrySpecification carry)
    {
        bool askAtWriterVol = netGamma >= 0.0;
        double askCost = Math.Abs((askAtWriterVol ? atWriterVols : atBuyerVols) - mid);
        double bidCost = Math.Abs((askAtWriterVol ? atBuyerVols : atWriterVols) - mid);
        double gas = Math.Max(0.0, gasUsd);
        return new StructureL2Quote(
            chainId, mid, mid - bidCost - gas, mid + askCost + gas, askCost, bidCost, netGamma, askAtWriterVol, bidFloorHit,
            gasUsd, settlementDelayYears, carry.CostOfCarry, carry.Source);
    }
}
