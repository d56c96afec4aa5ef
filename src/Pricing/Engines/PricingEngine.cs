namespace Analytics.Pricing.Engines;

/// <summary>
/// The vanilla option engines the service offers, one member per engine id of the API (API.md "Pricing",
/// <c>engine</c>), in the spirit of Strata's <c>FxVanillaOptionMethod</c>. What each engine prices, how it
/// computes Greeks and what else it can do is declared once, in <see cref="EngineRegistry"/>; its wire id is
/// <see cref="EngineRegistry.Id(PricingEngine)"/>.
/// </summary>
public enum PricingEngine
{
    /// <summary><c>analytic</c>: generalised Black-Scholes-Merton closed form (Haug 2007, §1.1.6), European exercise.</summary>
    Analytic = 0,

    /// <summary><c>bjerksund-stensland</c>: Bjerksund and Stensland (2002), American exercise.</summary>
    BjerksundStensland = 1,

    /// <summary><c>barone-adesi-whaley</c>: Barone-Adesi and Whaley (1987), American exercise.</summary>
    BaroneAdesiWhaley = 2,

    /// <summary><c>binomial</c>: Richardson-extrapolated binomial lattice (Broadie and Detemple 1996), American exercise.</summary>
    Binomial = 3,

    /// <summary><c>quantlib-analytic</c>: QuantLib's <c>AnalyticEuropeanEngine</c>, European exercise.</summary>
    QuantLibAnalytic = 4,

    /// <summary><c>quantlib-baw</c>: QuantLib's <c>BaroneAdesiWhaleyApproximationEngine</c>, American exercise.</summary>
    QuantLibBaw = 5,

    /// <summary><c>quantlib-fd</c>: QuantLib's <c>FdBlackScholesVanillaEngine</c>, European or American exercise.</summary>
    QuantLibFd = 6,

    /// <summary><c>quantlib-bjerksund-stensland</c>: QuantLib's <c>BjerksundStenslandApproximationEngine</c>, American exercise.</summary>
    QuantLibBjerksundStensland = 7,

    /// <summary><c>quantlib-binomial</c>: QuantLib's Leisen-Reimer <c>BinomialVanillaEngine</c>, European or American exercise.</summary>
    QuantLibBinomial = 8,

    /// <summary><c>qd-fp</c>: Andersen, Lake and Offengenden (2016) fixed-point exercise boundary, American exercise
    /// (<see cref="American.QdFpAmericanPricer"/>); on request (the American default is Bjerksund–Stensland).</summary>
    QdFp = 9,

    /// <summary><c>quantlib-qd-fp</c>: QuantLib's <c>QdFpAmericanEngine</c> (its accurate scheme), American exercise.</summary>
    QuantLibQdFp = 10,
}
