using Analytics.Pricing.L2;

namespace Analytics.Pricing.Structures;

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
/// <param name="Limit">The closed-form limit that priced this leg instead of its engine (T = 0, S = 0, K = 0, σ = 0, or inputs the engine
/// could not price: <see cref="Limits.VanillaOptionLimits.PriceWith{TResult}"/>), or <see langword="null"/>.</param>
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
    L2OptionResult? L2,
    Limits.VanillaOptionLimit? Limit = null);
