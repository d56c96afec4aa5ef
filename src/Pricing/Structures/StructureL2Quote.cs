using Analytics.Pricing.L2;

namespace Analytics.Pricing.Structures;

/// <summary>
/// The structure's quote under the L2 model (PRODUCT.md §3.4): the Leland side is chosen once by the sign of the
/// structure's net gamma, not leg by leg, and gas is paid once. For net gamma ≥ 0 the ask values every leg at its
/// writer's vol σ·sqrt(1 + Le) and the bid at σ·sqrt(max(0, 1 − Le)); for net gamma &lt; 0 the sides swap.
/// Position totals in USD (Leland 1985, J. Finance 40(5)). Immutable.
/// </summary>
/// <param name="ChainId">Chain priced on.</param>
/// <param name="Bid">Σ qᵢ·Vᵢ(bid-side vol) − gas once, USD.</param>
/// <param name="Ask">Σ qᵢ·Vᵢ(ask-side vol) + gas once, USD.</param>
/// <param name="NetGamma">Σ qᵢ·Γᵢ of the mid, per 1.00 of spot.</param>
/// <param name="AskAtWriterVol">Whether the ask uses the writer's vol σ·sqrt(1 + Le) (net gamma ≥ 0).</param>
/// <param name="BidFloorHit">Whether any leg's bid-side vol hit zero (Le ≥ 1).</param>
/// <param name="GasUsd">Gas paid once for the structure, USD.</param>
/// <param name="SettlementDelayYears">δ applied to every leg's discounting, years.</param>
/// <param name="CarryRate">Cost of carry b used, annualised decimal.</param>
/// <param name="CarrySource">Where b came from.</param>
public sealed record StructureL2Quote(
    string ChainId,
    double Bid,
    double Ask,
    double NetGamma,
    bool AskAtWriterVol,
    bool BidFloorHit,
    double GasUsd,
    double SettlementDelayYears,
    double CarryRate,
    CarrySource CarrySource)
{
    /// <summary>Ask − bid, USD.</summary>
    public double Spread => Ask - Bid;

    /// <summary>
    /// Whether ask &lt; bid. The net-gamma rule of PRODUCT.md §3.4 can cross the quote when the structure's net gamma
    /// and net vega have opposite signs (a long calendar: short gamma, long vega), a known limit of Leland's model,
    /// which is consistent only for payoffs of one convexity (Hoggard, Whalley and Wilmott, <i>Advances in Futures
    /// and Options Research</i> 7, 1994). The quote is reported as the rule gives it and flagged here.
    /// </summary>
    public bool IsCrossed => Ask < Bid;
}
