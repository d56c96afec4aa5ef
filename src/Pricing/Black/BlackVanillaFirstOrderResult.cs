namespace Analytics.Pricing.Black;

/// <summary>
/// Result of <see cref="BlackVanillaOptionPricer.PriceFirstOrder"/>: the present value, the forward and discount
/// factor it was computed from, and the first-order Greeks only (Haug, <i>The Complete Guide to Option Pricing
/// Formulas</i>, 2nd ed. 2007, §1.1.6 and ch. 2). Every field equals the corresponding field of
/// <see cref="BlackVanillaOptionPricer.Price"/> bit for bit; units and conventions as <see cref="Pricing.Greeks"/>.
/// An immutable value, so pricing allocates nothing.
/// </summary>
/// <param name="Price">Present value V per unit of underlying, in the quote currency, ≥ 0.</param>
/// <param name="Forward">Forward F = S·e^{bT} of the underlying for delivery at expiry, in the quote currency.</param>
/// <param name="DiscountFactor">Discount factor DF = e^{−rT} from expiry to valuation, dimensionless.</param>
/// <param name="Delta">∂V/∂S.</param>
/// <param name="Gamma">∂²V/∂S² (the only second derivative kept: it costs one division).</param>
/// <param name="Vega">∂V/∂σ per 1.00 of volatility.</param>
/// <param name="Theta">∂V/∂t per year of calendar time (∂/∂t = −∂/∂T).</param>
/// <param name="Rho">∂V/∂r per 1.00 of rate (dividend yield fixed under <see cref="CarryConvention.RateMinusDividendYield"/>).</param>
/// <param name="CarryRho">∂V/∂b per 1.00 of carry.</param>
public readonly record struct BlackVanillaFirstOrderResult(
    double Price,
    double Forward,
    double DiscountFactor,
    double Delta,
    double Gamma,
    double Vega,
    double Theta,
    double Rho,
    double CarryRho);
