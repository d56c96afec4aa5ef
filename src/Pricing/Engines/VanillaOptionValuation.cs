namespace Analytics.Pricing.Engines;

/// <summary>
/// The price and Greeks an engine gives for one set of <see cref="Black.BlackVanillaOptionInputs"/>, per unit of
/// underlying in the quote currency (Greek conventions of <see cref="Pricing.Greeks"/>). An immutable value.
/// </summary>
/// <param name="Price">Present value V per unit of underlying, quote currency.</param>
/// <param name="Greeks">Plain partial derivatives of <paramref name="Price"/>.</param>
/// <param name="GreeksMethod">How <paramref name="Greeks"/> were obtained for these inputs (an American engine
/// prices a call with b ≥ r ≥ 0 as European, in closed form).</param>
public readonly record struct VanillaOptionValuation(double Price, Greeks Greeks, GreeksMethod GreeksMethod);
