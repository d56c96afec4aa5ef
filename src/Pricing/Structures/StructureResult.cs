using System.Collections.Immutable;

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
/// <param name="Breakevens">Spots where the P&amp;L crosses or touches zero, or where a stretch of zero P&amp;L ends, ascending, USD.</param>
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
