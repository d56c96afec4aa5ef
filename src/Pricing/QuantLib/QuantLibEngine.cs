namespace Analytics.Pricing.QuantLib;

/// <summary>
/// The QuantLib engines selectable per request (PRODUCT.md §3.3; API.md "Pricing" engine ids
/// <c>quantlib-analytic</c>, <c>quantlib-baw</c>, <c>quantlib-bjerksund-stensland</c>, <c>quantlib-fd</c>,
/// <c>quantlib-binomial</c>, <c>quantlib-qd-fp</c>). All price vanilla options under the generalised Black-Scholes-Merton process
/// with flat rate, dividend yield and volatility (QuantLib 1.29, Debian's libquantlib0).
/// </summary>
public enum QuantLibEngine
{
    /// <summary>
    /// <c>AnalyticEuropeanEngine</c>: the Black-Scholes-Merton closed form (Haug 2007, §1.1.6) with
    /// analytic delta, gamma, vega, theta, rho and dividend rho. European exercise only.
    /// </summary>
    QuantLibAnalytic = 0,

    /// <summary>
    /// <c>BaroneAdesiWhaleyApproximationEngine</c>: the quadratic approximation of Barone-Adesi and Whaley,
    /// "Efficient analytic approximation of American option values", <i>J. Finance</i> 42, 1987.
    /// American exercise only; QuantLib gives no Greeks, so all are bumped.
    /// </summary>
    QuantLibBaw = 1,

    /// <summary>
    /// <c>BjerksundStenslandApproximationEngine</c>: Bjerksund and Stensland, "Closed form approximation of
    /// American options", <i>Scand. J. Management</i> 9, 1993, as implemented by QuantLib 1.29.
    /// American exercise only; QuantLib gives no Greeks, so all are bumped.
    /// </summary>
    QuantLibBjerksundStensland = 2,

    /// <summary>
    /// <c>FdBlackScholesVanillaEngine</c>: Douglas finite-difference scheme on a log-spot mesh, 2 implicit damping
    /// steps, grid chosen from the tenor (<see cref="QuantLibFdGrid.For"/>) or given; American exercise is priced at N and
    /// N/2 time steps and Richardson-extrapolated. European or American exercise; QuantLib gives delta, gamma and theta,
    /// the rest are bumped.
    /// </summary>
    QuantLibFd = 3,

    /// <summary>
    /// <c>BinomialVanillaEngine&lt;LeisenReimer&gt;</c> with 401 steps (Leisen and Reimer, "Binomial models
    /// for option valuation — examining and improving convergence", <i>Appl. Math. Finance</i> 3, 1996).
    /// European or American exercise; QuantLib gives delta, gamma and theta, the rest are bumped.
    /// </summary>
    QuantLibBinomial = 4,

    /// <summary>
    /// <c>QdFpAmericanEngine</c> with its accurate scheme (Legendre-tanh-sinh (25, 5, 13)-1e-8): the fixed-point exercise
    /// boundary of Andersen, Lake and Offengenden, "High-performance American option pricing", <i>J. Comput. Finance</i>
    /// 20(1), 2016. American exercise only; QuantLib gives no Greeks, so all are bumped. QuantLib 1.29 rejects the
    /// double-boundary case (a put with q &lt; r &lt; 0, a call with r &lt; q &lt; 0).
    /// </summary>
    QuantLibQdFp = 5,
}
