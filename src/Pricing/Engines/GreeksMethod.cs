namespace Analytics.Pricing.Engines;

/// <summary>
/// How an engine obtained the Greeks of one valuation (API.md "Pricing", <c>greeksMethod</c>; the wire ids are
/// <see cref="EngineRegistry.Id(GreeksMethod)"/>). An American engine reports the method it actually used for the
/// option at hand: a call with b ≥ r ≥ 0 is priced as European, in closed form, whichever American engine was asked.
/// </summary>
public enum GreeksMethod
{
    /// <summary>
    /// <c>closed-form</c>: the analytic Black-Scholes-Merton Greeks (Haug 2007, ch. 2), also for an American option
    /// whose early exercise is never optimal (Merton 1973), which is worth the European one.
    /// </summary>
    ClosedForm = 0,

    /// <summary>
    /// <c>finite-difference</c>: central finite differences of the engine's own price, as Haug 2007 §2.12 recommends
    /// for closed-form American approximations.
    /// </summary>
    FiniteDifference = 1,

    /// <summary>
    /// <c>lattice</c>: delta, gamma and theta from the binomial tree's nodes next to the root, the others by
    /// whole-lattice revaluation (<see cref="American.BinomialAmericanPricer"/>).
    /// </summary>
    Lattice = 2,

    /// <summary>
    /// <c>quantlib</c>: QuantLib's own Greeks, those its engine does not give bumped through QuantLib
    /// (<see cref="QuantLib.QuantLibVanillaOptionResult.BumpedGreeks"/>).
    /// </summary>
    QuantLib = 3,

    /// <summary>
    /// <c>boundary-integral</c>: the fixed-point American engine (<see cref="American.QdFpAmericanPricer"/>): delta and
    /// gamma analytic from the early-exercise-premium integral at the solved boundary, theta from the Black-Scholes PDE,
    /// vega, volga, rho and carry rho by central differences of the engine's price, vanna and charm of its analytic delta.
    /// </summary>
    BoundaryIntegral = 4,
}
