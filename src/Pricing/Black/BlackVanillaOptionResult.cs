namespace Analytics.Pricing.Black;

/// <summary>
/// Result of pricing a European vanilla option with <see cref="BlackVanillaOptionPricer"/>: the
/// present value, the forward and discount factor it was computed from (echoed as the API does), and
/// the closed-form Greeks (Haug, <i>The Complete Guide to Option Pricing Formulas</i>, 2nd ed. 2007,
/// §1.1.6 and ch. 2). An immutable value (a <c>readonly record struct</c>, so pricing allocates nothing).
/// </summary>
/// <param name="Price">Present value V per unit of underlying, in the quote currency, ≥ 0.</param>
/// <param name="Forward">Forward F = S·e^{bT} of the underlying for delivery at expiry, in the quote currency.</param>
/// <param name="DiscountFactor">Discount factor DF = e^{−rT} from expiry to valuation, dimensionless.</param>
/// <param name="Greeks">Plain partial derivatives of <paramref name="Price"/> (see <see cref="Pricing.Greeks"/> for units).</param>
public readonly record struct BlackVanillaOptionResult(double Price, double Forward, double DiscountFactor, Greeks Greeks);
