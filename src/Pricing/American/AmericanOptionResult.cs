using Analytics.Pricing.Engines;

namespace Analytics.Pricing.American;

/// <summary>
/// Result of pricing an American vanilla option with one of the engines of this namespace
/// (<see cref="BjerksundStensland2002Pricer"/>, <see cref="BaroneAdesiWhaleyPricer"/>,
/// <see cref="BinomialAmericanPricer"/>). Immutable.
/// </summary>
/// <param name="Price">Present value V of the American option per unit of underlying, in the quote currency,
/// ≥ max(intrinsic, 0) up to the engine's accuracy.</param>
/// <param name="EuropeanPrice">Present value of the European option with the same inputs (Black-Scholes-Merton,
/// Haug 2007 §1.1.6); <c>Price − EuropeanPrice</c> is the early-exercise premium.</param>
/// <param name="Forward">Forward F = S·e^{bT} of the underlying for delivery at expiry, in the quote currency.</param>
/// <param name="DiscountFactor">Discount factor DF = e^{−rT} from expiry to valuation, dimensionless.</param>
/// <param name="Greeks">Plain partial derivatives of <paramref name="Price"/> with the conventions of
/// <see cref="Pricing.Greeks"/> (API.md "Pricing"): vega per 1.00 of volatility, theta and charm per year of
/// calendar time, rho per 1.00 of rate with the dividend yield fixed.</param>
/// <param name="GreeksMethod">How <paramref name="Greeks"/> were obtained: <see cref="Engines.GreeksMethod.ClosedForm"/>
/// where early exercise is never optimal (the European price and Greeks), <see cref="Engines.GreeksMethod.FiniteDifference"/>
/// for the approximations' own formula, <see cref="Engines.GreeksMethod.Lattice"/> for the lattice (also where an
/// approximation hands a two-boundary case to it).</param>
/// <param name="Regime">Which exercise regime the inputs fall in (priced as European, continuation, or
/// immediate exercise).</param>
public sealed record AmericanOptionResult(
    double Price,
    double EuropeanPrice,
    double Forward,
    double DiscountFactor,
    Greeks Greeks,
    GreeksMethod GreeksMethod,
    AmericanExerciseRegime Regime);
