namespace Analytics.Pricing.QuantLib;

/// <summary>
/// A vanilla option priced by one of QuantLib's engines, with Greeks in the conventions of our own
/// engines (<see cref="Pricing.Greeks"/>; API.md "Pricing"): vega per 1.00 of volatility, theta and charm
/// per year of calendar time, rho per 1.00 of rate with the dividend yield held fixed (b moves with r
/// under <see cref="Black.CarryConvention.RateMinusDividendYield"/>), carry rho = ∂V/∂b.
/// Immutable.
/// </summary>
/// <param name="Price">Present value V per unit of underlying, in the quote currency (QuantLib's <c>NPV()</c>).</param>
/// <param name="Forward">Forward F = S·e^{bT}, in the quote currency.</param>
/// <param name="DiscountFactor">Discount factor e^{−rT}, dimensionless.</param>
/// <param name="Greeks">Sensitivities of <paramref name="Price"/>, converted from QuantLib's or bumped.</param>
/// <param name="BumpedGreeks">The Greeks QuantLib's engine does not provide, computed by central finite
/// differences of QuantLib prices under the gateway's lock (spot, volatility, tenor, rate and carry bumps).</param>
/// <param name="Engine">The engine that priced the option.</param>
/// <param name="QuantLibVersion">The QuantLib version the binding was built against, e.g. <c>1.29</c>.</param>
/// <param name="PricedAsEuropean">True when an American option was priced as the European one because early exercise is
/// never optimal for its inputs (<c>quantlib-baw</c> for a put with r ≤ 0 and q ≥ r, or a call with q ≤ 0 and r ≥ q, where
/// QuantLib 1.29's engine would fail): the price and Greeks are then <c>AnalyticEuropeanEngine</c>'s.</param>
public sealed record QuantLibVanillaOptionResult(
    double Price,
    double Forward,
    double DiscountFactor,
    Greeks Greeks,
    QuantLibGreeks BumpedGreeks,
    QuantLibEngine Engine,
    string QuantLibVersion,
    bool PricedAsEuropean = false);
