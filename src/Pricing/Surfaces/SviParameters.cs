namespace Analytics.Pricing.Surfaces;

/// <summary>
/// Raw SVI parameters of one expiry slice: total implied variance
/// w(k) = a + b·(ρ·(k − m) + √((k − m)² + σ²)) as a function of log-moneyness k = ln(K / F_T)
/// (Gatheral, "A parsimonious arbitrage-free implied volatility parameterization", Global Derivatives 2004;
/// Gatheral &amp; Jacquier, "Arbitrage-free SVI volatility surfaces", <i>Quantitative Finance</i> 14(1), 2014, §3.1).
/// Total variance is σ_BS²·T (dimensionless); the implied lognormal vol is √(w(k)/T).
/// </summary>
/// <remarks>
/// Validated on construction: all finite, b ≥ 0, |ρ| &lt; 1, σ &gt; 0 and a minimum total variance
/// a + b·σ·√(1 − ρ²) ≥ 0 (to a rounding tolerance of 1e-12), which are the conditions of Gatheral &amp; Jacquier (2014),
/// §3.1, for w to be a non-negative function. They do not exclude butterfly arbitrage: see
/// <see cref="DurrlemanG"/> and <see cref="ArbitrageDiagnostics"/>. Small immutable value; every method is pure.
/// </remarks>
public readonly record struct SviParameters
{
    private const double MinimumVarianceTolerance = 1e-12;

    /// <summary>Creates and validates raw SVI parameters.</summary>
    /// <param name="a">Level a (total variance, dimensionless), any finite value with a + b·σ·√(1 − ρ²) ≥ 0.</param>
    /// <param name="b">Wing slope scale b ≥ 0 (total variance per unit of log-moneyness).</param>
    /// <param name="rho">Skew ρ, −1 &lt; ρ &lt; 1.</param>
    /// <param name="m">Horizontal shift m, log-moneyness.</param>
    /// <param name="sigma">ATM curvature σ &gt; 0, log-moneyness.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter violates the conditions above.</exception>
    public SviParameters(double a, double b, double rho, double m, double sigma)
    {
        Guard.Finite(a, nameof(a));
        Guard.Finite(m, nameof(m));
        Guard.PositiveFinite(sigma, nameof(sigma));
        if (!double.IsFinite(b) || b < 0.0)
        {
            throw new ArgumentOutOfRangeException(nameof(b), b, "SVI b must be finite and non-negative.");
        }

        if (!double.IsFinite(rho) || Math.Abs(rho) >= 1.0)
        {
            throw new ArgumentOutOfRangeException(nameof(rho), rho, "SVI ρ must satisfy |ρ| < 1.");
        }

        double minimum = a + b * sigma * Math.Sqrt(1.0 - rho * rho);
        if (minimum < -MinimumVarianceTolerance)
        {
            throw new ArgumentOutOfRangeException(nameof(a), a,
                FormattableString.Invariant($"SVI minimum total variance a + bσ√(1−ρ²) = {minimum:G6} is negative."));
        }

        A = a;
        B = b;
        Rho = rho;
        M = m;
        Sigma = sigma;
    }

    /// <summary>Level a: total variance (dimensionless).</summary>
    public double A { get; }

    /// <summary>Wing slope scale b ≥ 0: the wings of w have slopes b(1 − ρ) (left) and b(1 + ρ) (right).</summary>
    public double B { get; }

    /// <summary>Skew ρ ∈ (−1, 1): rotates the smile.</summary>
    public double Rho { get; }

    /// <summary>Horizontal shift m of the vertex, in log-moneyness.</summary>
    public double M { get; }

    /// <summary>Curvature σ &gt; 0 at the vertex, in log-moneyness.</summary>
    public double Sigma { get; }

    /// <summary>Minimum of w over all k: a + b·σ·√(1 − ρ²), attained at k = m − ρσ/√(1 − ρ²) (Gatheral &amp; Jacquier 2014, §3.1).</summary>
    public double MinimumTotalVariance => A + B * Sigma * Math.Sqrt(1.0 - Rho * Rho);

    /// <summary>Asymptotic slope of w as k → −∞: b(1 − ρ). Lee's moment formula (Lee, <i>Math. Finance</i> 14, 2004) requires ≤ 2.</summary>
    public double LeftWingSlope => B * (1.0 - Rho);

    /// <summary>Asymptotic slope of w as k → +∞: b(1 + ρ). Lee's moment formula requires ≤ 2.</summary>
    public double RightWingSlope => B * (1.0 + Rho);

    /// <summary>Total implied variance w(k) = σ_BS(k)²·T, dimensionless.</summary>
    /// <param name="logMoneyness">k = ln(K / F_T).</param>
    public double TotalVariance(double logMoneyness)
    {
        double u = logMoneyness - M;
        return A + B * (Rho * u + Math.Sqrt(u * u + Sigma * Sigma));
    }

    /// <summary>First derivative ∂w/∂k = b·(ρ + (k − m)/√((k − m)² + σ²)).</summary>
    /// <param name="logMoneyness">k = ln(K / F_T).</param>
    public double TotalVarianceSlope(double logMoneyness)
    {
        double u = logMoneyness - M;
        return B * (Rho + u / Math.Sqrt(u * u + Sigma * Sigma));
    }

    /// <summary>Second derivative ∂²w/∂k² = b·σ² / ((k − m)² + σ²)^{3/2} ≥ 0.</summary>
    /// <param name="logMoneyness">k = ln(K / F_T).</param>
    public double TotalVarianceCurvature(double logMoneyness)
    {
        double u = logMoneyness - M;
        double r2 = u * u + Sigma * Sigma;
        return B * Sigma * Sigma / (r2 * Math.Sqrt(r2));
    }

    /// <summary>
    /// Durrleman's function g(k) = (1 − k·w′/(2w))² − (w′²/4)·(1/w + 1/4) + w″/2, whose non-negativity for all k is
    /// equivalent to a non-negative risk-neutral density, i.e. no butterfly arbitrage (Gatheral &amp; Jacquier 2014,
    /// Lemma 2.2 and eq. 2.1; Durrleman, "From implied to spot volatilities", PhD thesis, Princeton 2004).
    /// </summary>
    /// <param name="logMoneyness">k = ln(K / F_T).</param>
    /// <returns>g(k); −∞ where w(k) ≤ 0 (no density is defined there).</returns>
    public double DurrlemanG(double logMoneyness)
    {
        double w = TotalVariance(logMoneyness);
        if (!(w > 0.0))
        {
            return double.NegativeInfinity;
        }

        double w1 = TotalVarianceSlope(logMoneyness);
        double w2 = TotalVarianceCurvature(logMoneyness);
        double t = 1.0 - logMoneyness * w1 / (2.0 * w);
        return t * t - 0.25 * w1 * w1 * (1.0 / w + 0.25) + 0.5 * w2;
    }

    /// <summary>Implied lognormal (Black) volatility √(w(k)/T), annualised decimal; NaN where w(k) &lt; 0.</summary>
    /// <param name="logMoneyness">k = ln(K / F_T).</param>
    /// <param name="tenorYears">Tenor T in years (Act/365F) of the slice, &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tenorYears"/> is not positive and finite.</exception>
    public double LognormalVol(double logMoneyness, double tenorYears)
    {
        Guard.PositiveFinite(tenorYears, nameof(tenorYears));
        return Math.Sqrt(TotalVariance(logMoneyness) / tenorYears);
    }

    /// <summary>
    /// The raw SVI form of an SSVI slice w(k) = (θ/2)·(1 + ρφk + √((φk + ρ)² + 1 − ρ²)):
    /// a = θ(1 − ρ²)/2, b = θφ/2, m = −ρ/φ, σ = √(1 − ρ²)/φ, same ρ (Gatheral &amp; Jacquier 2014, §3 and Lemma 3.2
    /// applied to the natural parameterisation with Δ = μ = 0, ω = θ, ζ = φ).
    /// </summary>
    /// <param name="atmTotalVariance">θ &gt; 0, ATM total variance.</param>
    /// <param name="phi">φ(θ) &gt; 0.</param>
    /// <param name="rho">ρ, |ρ| &lt; 1.</param>
    /// <returns>The equivalent raw SVI parameters.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public static SviParameters FromSsviSlice(double atmTotalVariance, double phi, double rho)
    {
        Guard.PositiveFinite(atmTotalVariance, nameof(atmTotalVariance));
        Guard.PositiveFinite(phi, nameof(phi));
        double s = Math.Sqrt(1.0 - rho * rho);
        return new SviParameters(0.5 * atmTotalVariance * (1.0 - rho * rho), 0.5 * atmTotalVariance * phi, rho, -rho / phi, s / phi);
    }

    /// <summary>Invariant text "a=…, b=…, ρ=…, m=…, σ=…".</summary>
    public override string ToString() =>
        FormattableString.Invariant($"SVI(a={A:G6}, b={B:G6}, ρ={Rho:G6}, m={M:G6}, σ={Sigma:G6})");
}
