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
/// <param name="GreeksMethod">How <paramref name="Greeks"/> were obtained.</param>
/// <param name="Regime">Which exercise regime the inputs fall in (priced as European, continuation, or
/// immediate exercise).</param>
public sealed record AmericanOptionResult(
    double Price,
    double EuropeanPrice,
    double Forward,
    double DiscountFactor,
    Greeks Greeks,
    AmericanGreeksMethod GreeksMethod,
    AmericanExerciseRegime Regime);

/// <summary>How the Greeks of an <see cref="AmericanOptionResult"/> were computed.</summary>
public enum AmericanGreeksMethod
{
    /// <summary>
    /// Early exercise is never optimal, the price is the European one and the Greeks are the closed-form
    /// Black-Scholes-Merton Greeks of <see cref="Black.BlackVanillaOptionPricer"/> (Haug 2007, ch. 2).
    /// </summary>
    ClosedFormEuropean = 0,

    /// <summary>
    /// Central finite differences of the engine's own price (bump sizes in
    /// <see cref="BjerksundStensland2002Pricer"/> remarks), as Haug 2007 §2.12 recommends for
    /// closed-form approximations.
    /// </summary>
    CentralFiniteDifference = 1,

    /// <summary>
    /// Delta and gamma from the lattice nodes next to the root, theta from the Black-Scholes PDE
    /// θ = rV − bSΔ − ½σ²S²Γ (zero where the option is exercised), both Richardson-extrapolated; vega,
    /// rho, carry rho, vanna, volga and charm by central differences of whole-lattice revaluations.
    /// </summary>
    Lattice = 2,
}

/// <summary>The exercise regime the inputs of an American option fall in.</summary>
public enum AmericanExerciseRegime
{
    /// <summary>
    /// Early exercise is never optimal (a call with b ≥ r ≥ 0, a put with b ≤ r ≤ 0: Merton 1973; Haug 2007
    /// §3.1), so the American option is priced as the European one.
    /// </summary>
    NeverExerciseEarly = 0,

    /// <summary>The spot lies in the continuation region: holding the option is worth more than exercising it.</summary>
    Continuation = 1,

    /// <summary>The spot lies in the exercise region: the price is the intrinsic value |S − K|.</summary>
    ImmediateExercise = 2,
}
