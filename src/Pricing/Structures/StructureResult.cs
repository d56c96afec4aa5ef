using System.Collections.Immutable;
using Analytics.Pricing.L2;

namespace Analytics.Pricing.Structures;

/// <summary>
/// A priced structure (API.md <c>POST /api/v1/structures/price</c>): net premium, position Greeks, each leg, the
/// payoff at the first expiry, its extremes and break-evens, and the gas saved by one transaction. All money is
/// for the whole position (structure quantity included), in USD. Immutable.
/// </summary>
/// <param name="Name">Template id or <c>custom</c>.</param>
/// <param name="Quantity">Signed structure quantity.</param>
/// <param name="Premium">Net premium Σ qᵢ·Vᵢ at mid, positive = paid, USD.</param>
/// <param name="Greeks">Position Greeks Σ qᵢ·Greeksᵢ (per 1.00 of spot, vol, rate; theta per year).</param>
/// <param name="Legs">Each leg priced, in definition order.</param>
/// <param name="FirstExpiryYears">The first expiry (shortest tenor), years: where the payoff is taken.</param>
/// <param name="Payoff">P&amp;L at the first expiry net of <paramref name="Premium"/> on the grid (strikes added).</param>
/// <param name="MaxProfit">Largest P&amp;L over all spots ≥ 0, USD; <see langword="null"/> when unbounded.</param>
/// <param name="MaxLoss">Largest loss (−min P&amp;L, positive when a loss is possible), USD; <see langword="null"/> when unbounded.</param>
/// <param name="Breakevens">Spots where the P&amp;L crosses or touches zero, ascending, USD.</param>
/// <param name="Gas">Gas of one transaction vs one per leg.</param>
/// <param name="L2">The structure's bid and ask under the L2 model, or <see langword="null"/> without an <c>l2</c> block.</param>
public sealed record StructureResult(
    string Name,
    double Quantity,
    double Premium,
    Greeks Greeks,
    ImmutableArray<StructureLegResult> Legs,
    double FirstExpiryYears,
    ImmutableArray<PayoffPoint> Payoff,
    double? MaxProfit,
    double? MaxLoss,
    ImmutableArray<double> Breakevens,
    StructureGas Gas,
    StructureL2Quote? L2);

/// <summary>One leg of a priced structure. Immutable.</summary>
/// <param name="Leg">The leg per structure unit, as defined.</param>
/// <param name="PositionQuantity">Structure quantity × leg quantity (negative = sold).</param>
/// <param name="EngineId">Engine that priced it (API.md <c>engine</c> id).</param>
/// <param name="Volatility">Vol used, annualised decimal (the leg's own or the market's).</param>
/// <param name="Price">Mid price per option, USD (settlement-discounted under the L2 model).</param>
/// <param name="PositionValue">PositionQuantity × Price, USD.</param>
/// <param name="Forward">F = S·e^{bT} for this leg's tenor, USD.</param>
/// <param name="DiscountFactor">e^{−r(T + δ)} for this leg, dimensionless.</param>
/// <param name="Greeks">Greeks per option (not position-weighted).</param>
/// <param name="L2">This leg alone under the L2 model in the structure's size (gas paid for its own transaction),
/// or <see langword="null"/> without an <c>l2</c> block.</param>
public sealed record StructureLegResult(
    StructureLeg Leg,
    double PositionQuantity,
    string EngineId,
    double Volatility,
    double Price,
    double PositionValue,
    double Forward,
    double DiscountFactor,
    Greeks Greeks,
    L2OptionResult? L2);

/// <summary>One point of a payoff diagram.</summary>
/// <param name="Spot">Spot at the first expiry, USD.</param>
/// <param name="Pnl">Position P&amp;L at that spot net of the premium, USD.</param>
public readonly record struct PayoffPoint(double Spot, double Pnl);

/// <summary>
/// Gas of executing the structure in one L2 transaction vs one transaction per leg (PRODUCT.md §3.3, §3.4 part 3).
/// </summary>
/// <param name="SingleTxUsd">One transaction: the chain's gasCostUsd, USD.</param>
/// <param name="PerLegTxUsd">One transaction per leg: legs × gasCostUsd, USD.</param>
/// <param name="SavedUsd">PerLegTxUsd − SingleTxUsd, USD.</param>
public readonly record struct StructureGas(double SingleTxUsd, double PerLegTxUsd, double SavedUsd);

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
