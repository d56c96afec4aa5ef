using Analytics.Pricing.Black;
using Analytics.Pricing.Distributions;
using Analytics.Pricing.Engines;

namespace Analytics.Pricing.American;

/// <summary>
/// Prices American vanilla options with the Bjerksund-Stensland (2002) approximation: the value of exercising
/// at a two-step flat boundary, I₁ on [0, t₁] and I₂ on [t₁, T] with t₁ = ½(√5 − 1)·T (P. Bjerksund and
/// G. Stensland, "Closed form valuation of American options", NHH working paper, 2002; formulas and test
/// values in Haug, <i>The Complete Guide to Option Pricing Formulas</i>, 2nd ed. 2007, §3.3, Table 3-2).
/// Puts use the put-call transformation P(S, K, T, r, b, σ) = C(K, S, T, r − b, −b, σ) (Haug 2007, §3.4).
/// The API's <c>bjerksund-stensland</c> engine (the American default, as API.md names it).
/// </summary>
/// <remarks>
/// <para>The approximation is the value of a feasible exercise policy, so it is a lower bound of the true
/// American price. It is taken with two other lower bounds, the best of the three: the European price (never
/// exercising) and the flat trigger at the perpetual boundary B∞ (Haug 2007, eq. 3.1 with I = B∞), which carries long
/// tenors with negative carry, where the 2002 trigger heuristic h(t) = −(bt + 2σ√t)·K²/((B∞ − B₀)B₀) rises to 0 and pulls
/// the triggers down to B₀ (a five-year put at r = 10 %, σ = 10 % was priced at its European value, 0.0764, against an
/// American value of 1.79). Haug reports the 2002 value within a few 1e-3 of a fine lattice on standard cases; it is more
/// accurate than the 1993 one-step version and than Barone-Adesi-Whaley for long tenors.</para>
/// <para>Where early exercise is never optimal (call with b ≥ r ≥ 0, put with b ≤ r ≤ 0) the European price and
/// closed-form Greeks are returned; where two exercise boundaries can exist (r &lt; 0, see
/// <see cref="EarlyExercise"/>) the option is priced by <see cref="BinomialAmericanPricer.Default"/>.
/// Otherwise the Greeks are central finite differences of this price (bumps: spot and volatility 10⁻³
/// relative, tenor 10⁻³ relative, rate and carry 10⁻⁴ absolute; see
/// <see cref="GreeksMethod.FiniteDifference"/>). Powers such as S^β are evaluated in logarithms,
/// so tiny volatilities (β in the thousands) do not overflow. Stateless and thread-safe: use
/// <see cref="Default"/>.</para>
/// </remarks>
public sealed class BjerksundStensland2002Pricer
{
    /// <summary>The shared stateless instance.</summary>
    public static readonly BjerksundStensland2002Pricer Default = new();

    /// <summary>t₁/T = ½(√5 − 1), the golden-section split of the two-step boundary.</summary>
    private static readonly double SplitRatio = 0.5 * (Math.Sqrt(5.0) - 1.0);

    private BjerksundStensland2002Pricer()
    {
    }

    /// <summary>
    /// Price, European reference, Greeks and exercise regime of an American vanilla option by the
    /// Bjerksund-Stensland (2002) approximation (Haug 2007, §3.3). Greek conventions as in API.md.
    /// </summary>
    /// <param name="inputs">Validated option and market inputs (generalised BSM with cost of carry b).</param>
    /// <returns>The price in the quote currency per unit of underlying and its sensitivities.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> is null.</exception>
    public AmericanOptionResult Price(BlackVanillaOptionInputs inputs) => AmericanApproximation.Price(inputs, Value);

    /// <summary>
    /// The price alone (no Greeks) by the same rules as <see cref="Price"/>: for batch pricing and root finding.
    /// </summary>
    /// <param name="inputs">Validated option and market inputs.</param>
    /// <returns>Present value in the quote currency per unit of underlying.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> is null.</exception>
    public double PresentValue(BlackVanillaOptionInputs inputs) => AmericanApproximation.PresentValue(inputs, Value);

    /// <summary>The approximation on the single-boundary domain, floored at the European price (trusted path).</summary>
    internal static double Value(in AmericanMarket m)
    {
        double european = EuropeanValue(m);
        double american = m.IsCall
            ? CallValue(m.Spot, m.Strike, m.TenorYears, m.Rate, m.Carry, m.Volatility)
            : CallValue(m.Strike, m.Spot, m.TenorYears, m.Rate - m.Carry, -m.Carry, m.Volatility);
        return Math.Max(american, european);
    }

    /// <summary>Black-Scholes-Merton price of the European option (Haug 2007, §1.1.6).</summary>
    internal static double EuropeanValue(in AmericanMarket m)
    {
        double stdDev = m.Volatility * Math.Sqrt(m.TenorYears);
        return BlackScholesKernel.PresentValue(m.Spot, m.Strike, m.TenorYears, stdDev, m.Rate, m.Carry, m.IsCall);
    }

    /// <summary>
    /// The 2002 call approximation for b &lt; r (Haug 2007, eq. 3.2 and the VBA of §3.3), or the flat trigger at the
    /// perpetual boundary B∞ when that is worth more (both are values of feasible exercise policies, so lower bounds).
    /// Trusted path.
    /// </summary>
    internal static double CallValue(double s, double k, double t, double r, double b, double v)
    {
        double variance = v * v;
        double t1 = SplitRatio * t;
        double beta = (0.5 - b / variance) + Math.Sqrt((b / variance - 0.5) * (b / variance - 0.5) + 2.0 * r / variance);
        double bInfinity = beta / (beta - 1.0) * k;
        double b0 = Math.Max(k, r / (r - b) * k);
        double scale = k * k / ((bInfinity - b0) * b0);
        double h1 = -(b * t1 + 2.0 * v * Math.Sqrt(t1)) * scale;
        double h2 = -(b * t + 2.0 * v * Math.Sqrt(t)) * scale;

        // The flat trigger at the perpetual boundary B∞ is a feasible exercise policy too (Haug 2007, eq. 3.1 with I = B∞):
        // the better of the two lower bounds. It carries the long tenors, where the optimal boundary tends to B∞ but the
        // heuristic h(t) rises to 0 once the carry is negative (b·t + 2σ√t → 0 as t → 4σ²/b²), pulling the triggers down to B₀.
        double flatAtPerpetualBoundary = BjerksundStensland1993.FlatBoundaryCallValue(s, k, t, r, b, v, beta, bInfinity);
        if (h2 >= 0.0)
        {
            // Outside the heuristic's domain (h ≥ 0 puts the trigger at or below B₀, below K when B₀ = K): no two-step value.
            return flatAtPerpetualBoundary;
        }

        double i1 = b0 - (bInfinity - b0) * EarlyExercise.ExpMinusOne(h1);
        double i2 = b0 - (bInfinity - b0) * EarlyExercise.ExpMinusOne(h2);
        if (s >= i2)
        {
            return s - k;
        }

        // ln α = ln((I − K)·I^{−β}); α·S^β is evaluated as (I − K)·(S/I)^β.
        double logAlpha1 = Math.Log(i1 - k) - beta * Math.Log(i1);
        double logAlpha2 = Math.Log(i2 - k) - beta * Math.Log(i2);
        double logK = Math.Log(k);
        var p = new Parameters(s, r, b, v);

        double twoStep = (i2 - k) * Math.Exp(beta * Math.Log(s / i2))
               - p.Phi(logAlpha2, t1, beta, i2, i2)
               + p.Phi(0.0, t1, 1.0, i2, i2) - p.Phi(0.0, t1, 1.0, i1, i2)
               - p.Phi(logK, t1, 0.0, i2, i2) + p.Phi(logK, t1, 0.0, i1, i2)
               + p.Phi(logAlpha1, t1, beta, i1, i2) - p.Psi(logAlpha1, t, beta, i1, i2, i1, t1)
               + p.Psi(0.0, t, 1.0, i1, i2, i1, t1) - p.Psi(0.0, t, 1.0, k, i2, i1, t1)
               - p.Psi(logK, t, 0.0, i1, i2, i1, t1) + p.Psi(logK, t, 0.0, k, i2, i1, t1);
        return Math.Max(twoStep, flatAtPerpetualBoundary);
    }

    /// <summary>
    /// The building blocks φ and ψ of Bjerksund and Stensland (Haug 2007, §3.2–3.3), each multiplied by a
    /// coefficient e^{logCoefficient} inside the exponent so that large powers cannot overflow.
    /// </summary>
    internal readonly record struct Parameters(double Spot, double Rate, double Carry, double Volatility)
    {
        /// <summary>
        /// e^c·φ(S, T, γ, H, I) = e^c·e^{λT}S^γ[N(−d₁) − (I/S)^κ N(−d₂)] with λ = −r + γb + ½γ(γ − 1)σ²,
        /// κ = 2b/σ² + 2γ − 1, d₁ = [ln(S/H) + μT]/(σ√T), d₂ = [ln(I²/(SH)) + μT]/(σ√T), μ = b + (γ − ½)σ².
        /// </summary>
        internal double Phi(double logCoefficient, double t, double gamma, double h, double i)
        {
            double variance = Volatility * Volatility;
            double stdDev = Volatility * Math.Sqrt(t);
            double drift = (Carry + (gamma - 0.5) * variance) * t;
            double lambda = (-Rate + gamma * Carry + 0.5 * gamma * (gamma - 1.0) * variance) * t;
            double kappa = 2.0 * Carry / variance + 2.0 * gamma - 1.0;
            double logPrefactor = logCoefficient + lambda + gamma * Math.Log(Spot);
            double logIOverS = Math.Log(i / Spot);
            double d1 = (Math.Log(Spot / h) + drift) / stdDev;
            double d2 = (Math.Log(i * i / (Spot * h)) + drift) / stdDev;
            return Scaled(logPrefactor, StandardNormal.Cdf(-d1))
                   - Scaled(logPrefactor + kappa * logIOverS, StandardNormal.Cdf(-d2));
        }

        /// <summary>
        /// e^c·ψ(S, T, γ, H, I₂, I₁, t₁) = e^c·e^{λT}S^γ[M(−e₁, −f₁; ρ) − (I₂/S)^κ M(−e₂, −f₂; ρ)
        /// − (I₁/S)^κ M(−e₃, −f₃; −ρ) + (I₁/I₂)^κ M(−e₄, −f₄; −ρ)], ρ = √(t₁/T) (Haug 2007, §3.3).
        /// </summary>
        internal double Psi(double logCoefficient, double t, double gamma, double h, double i2, double i1, double t1)
        {
            double variance = Volatility * Volatility;
            double mu = Carry + (gamma - 0.5) * variance;
            double stdDev1 = Volatility * Math.Sqrt(t1);
            double stdDev = Volatility * Math.Sqrt(t);
            double lambda = (-Rate + gamma * Carry + 0.5 * gamma * (gamma - 1.0) * variance) * t;
            double kappa = 2.0 * Carry / variance + 2.0 * gamma - 1.0;
            double rho = Math.Sqrt(t1 / t);
            double logPrefactor = logCoefficient + lambda + gamma * Math.Log(Spot);

            double lnSOverI1 = Math.Log(Spot / i1);
            double lnI2SquaredOverSI1 = Math.Log(i2 * i2 / (Spot * i1));
            double e1 = (lnSOverI1 + mu * t1) / stdDev1;
            double e2 = (lnI2SquaredOverSI1 + mu * t1) / stdDev1;
            double e3 = (lnSOverI1 - mu * t1) / stdDev1;
            double e4 = (lnI2SquaredOverSI1 - mu * t1) / stdDev1;
            double f1 = (Math.Log(Spot / h) + mu * t) / stdDev;
            double f2 = (Math.Log(i2 * i2 / (Spot * h)) + mu * t) / stdDev;
            double f3 = (Math.Log(i1 * i1 / (Spot * h)) + mu * t) / stdDev;
            double f4 = (Math.Log(Spot * i1 * i1 / (h * i2 * i2)) + mu * t) / stdDev;

            return Scaled(logPrefactor, BivariateNormal.Cdf(-e1, -f1, rho))
                   - Scaled(logPrefactor + kappa * Math.Log(i2 / Spot), BivariateNormal.Cdf(-e2, -f2, rho))
                   - Scaled(logPrefactor + kappa * Math.Log(i1 / Spot), BivariateNormal.Cdf(-e3, -f3, -rho))
                   + Scaled(logPrefactor + kappa * Math.Log(i1 / i2), BivariateNormal.Cdf(-e4, -f4, -rho));
        }

        /// <summary>e^{logFactor}·p for a probability p ≥ 0, through logarithms when e^{logFactor} would overflow.</summary>
        internal static double Scaled(double logFactor, double probability)
        {
            if (probability <= 0.0)
            {
                return 0.0;
            }

            return Math.Abs(logFactor) < 600.0
                ? Math.Exp(logFactor) * probability
                : Math.Exp(logFactor + Math.Log(probability));
        }
    }
}
