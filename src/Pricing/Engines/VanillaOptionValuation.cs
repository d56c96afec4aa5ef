namespace Analytics.Pricing.Engines;

/// <summary>
/// The price and Greeks an engine gives for one set of <see cref="Black.BlackVanillaOptionInputs"/>, per unit of
/// underlying in the quote currency (Greek conventions of <see cref="Pricing.Greeks"/>). An immutable value.
/// </summary>
/// <param name="Price">Present value V per unit of underlying, quote currency.</param>
/// <param name="Greeks">Plain partial derivatives of <paramref name="Price"/>.</param>
/// <param name="GreeksMethod">How <paramref name="Greeks"/> were obtained for these inputs (an American engine
/// prices a call with b ≥ r ≥ 0 as European, in closed form).</param>
/// <param name="Forward">Forward F = S·e^{bT} for delivery at expiry, quote currency (the given forward under Black-76).</param>
/// <param name="DiscountFactor">Discount factor e^{−rT} from expiry to valuation, dimensionless.</param>
/// <param name="EuropeanPrice">American engines: the European price of the same option (Black-Scholes-Merton), so
/// <c>Price − EuropeanPrice</c> is the early-exercise premium; <see langword="null"/> for a European engine.</param>
public readonly record struct VanillaOptionValuation(
    double Price,
    Greeks Greeks,
    GreeksMethod GreeksMethod,
    double Forward,
    double DiscountFactor,
    double? EuropeanPrice);
