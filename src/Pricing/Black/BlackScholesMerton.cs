
namespace Analytics.Pricing.Black;

/// <summary>
/// The Black (1976) formula on a forward, which is the generalised Black-Scholes-Merton formula with a
/// cost of carry b once the forward F = S·e^{bT} and the discount factor DF = e^{−rT} are formed
/// (Haug, <i>The Complete Guide to Option Pricing Formulas</i>, 2nd ed. 2007, §1.1.6;
/// Black, "The pricing of commodity contracts", <i>J. Financial Economics</i> 3, 1976):
/// call = DF·[F·Φ(d₁) − K·Φ(d₂)], put = DF·[K·Φ(−d₂) − F·Φ(−d₁)],
/// d₁ = ln(F/K)/(σ√T) + σ√T/2, d₂ = d₁ − σ√T.
/// </summary>
/// <remarks>
/// Static and pure. Out-of-the-money values are computed without the catastrophic cancellation of the
/// textbook form, so prices far below 1e-100 keep their relative accuracy (to the conditioning of the
/// inputs, ≈ (1 + d₂²)·ε relative): an in-the-money option is priced as intrinsic plus the
/// out-of-the-money option of the other right (put-call symmetry C(F, K) = P(K, F)), and an
/// out-of-the-money call with a = −d₂ ≥ 4 and σ√T ≤ a/4 is K·φ(a)·∫₀^∞ (e^{σ√T·u} − 1)·e^{−au−u²/2} du,
/// whose integrand is positive, summed as a series in σ√T with coefficients
/// J_k(a) = ∫₀^∞ u^k e^{−au−u²/2} du from Miller's backward recurrence J_{k−1} = (J_{k+1} + a·J_k)/k
/// normalised by the Mills ratio J₀ = (1 − Φ(a))/φ(a). Compare Jäckel, "Let's Be Rational",
/// <i>Wilmott</i> 2015, §2–3, which attacks the same cancellation with erfcx and asymptotic expansions.
/// </remarks>
public static class BlackScholesMerton
{
    /// <summary>
    /// Present value of a European option from its forward (Black 1976; Haug 2007, §1.1.6 with
    /// F = S·e^{bT} and DF = e^{−rT}).
    /// </summary>
    /// <param name="forward">Forward price F of the underlying for delivery at expiry, &gt; 0, in the quote currency.</param>
    /// <param name="strike">Strike K, &gt; 0, in the quote currency.</param>
    /// <param name="tenorYears">Time to expiry T in years (Act/365F), &gt; 0.</param>
    /// <param name="volatility">Lognormal (Black) volatility σ, annualised decimal (0.2 = 20 %), &gt; 0.</param>
    /// <param name="discountFactor">Discount factor DF from expiry to valuation (e^{−rT}), &gt; 0.</param>
    /// <param name="isCall"><see langword="true"/> for a call, <see langword="false"/> for a put.</param>
    /// <returns>Present value in the quote currency per unit of underlying, ≥ 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is not finite or not strictly positive.</exception>
    public static double Price(
        double forward, double strike, double tenorYears, double volatility, double discountFactor, bool isCall)
    {
        Guard.PositiveFinite(forward, nameof(forward));
        Guard.PositiveFinite(strike, nameof(strike));
        Guard.PositiveFinite(tenorYears, nameof(tenorYears));
        Guard.PositiveFinite(volatility, nameof(volatility));
        Guard.PositiveFinite(discountFactor, nameof(discountFactor));
        return discountFactor * UndiscountedPrice(forward, strike, volatility * Math.Sqrt(tenorYears), isCall);
    }

    /// <summary>
    /// Undiscounted Black value E[(F·e^{sZ−s²/2} − K)⁺] (call) or E[(K − F·e^{sZ−s²/2})⁺] (put) for the
    /// total standard deviation s = σ√T. Trusted path: arguments are not re-validated. One logarithm and one
    /// exponential (see <see cref="BlackScholesKernel"/>).
    /// </summary>
    internal static double UndiscountedPrice(double forward, double strike, double stdDev, bool isCall)
    {
        if (stdDev == 0.0)
        {
            return isCall ? Math.Max(forward - strike, 0.0) : Math.Max(strike - forward, 0.0);
        }

        return BlackScholesKernel.UndiscountedPrice(forward, strike, stdDev, isCall);
    }

    /// <summary>ln(numerator/denominator) for 0 &lt; denominator ≤ numerator, with relative accuracy near 1.</summary>
    internal static double LogRatio(double numerator, double denominator)
    {
        if (numerator < 2.0 * denominator)
        {
            // numerator − denominator is exact here (Sterbenz); then an accurate log1p (Goldberg 1991, Thm 4).
            double y = (numerator - denominator) / denominator;
            double u = 1.0 + y;
            return u == 1.0 ? y : Math.Log(u) * y / (u - 1.0);
        }

        return Math.Log(numerator / denominator);
    }
}
