namespace Analytics.Pricing.Surfaces;

/// <summary>
/// SSVI with the power-law curvature φ(θ) = η·θ^{−γ}·(1 + θ)^{γ−1} (Gatheral &amp; Jacquier, "Arbitrage-free SVI
/// volatility surfaces", <i>Quantitative Finance</i> 14(1), 2014, eq. 4.1 and §4.3):
/// w(k, θ_t) = (θ_t/2)·(1 + ρφ(θ_t)k + √((φ(θ_t)k + ρ)² + 1 − ρ²)), θ_t the ATM total variance.
/// </summary>
/// <remarks>
/// Validated on construction to the sufficient no-arbitrage region of their Remark 4.4 (power law): |ρ| &lt; 1, η &gt; 0,
/// 0 &lt; γ ≤ ½ and η(1 + |ρ|) ≤ 2. Then θφ(θ)(1 + |ρ|) &lt; 4 and θφ(θ)²(1 + |ρ|) ≤ 4 for every θ &gt; 0 (Theorem 4.2:
/// no butterfly arbitrage), and ∂_θ(θφ(θ)) = φ(θ)(1 − γ)/(1 + θ) ∈ [0, φ(θ)(1 + √(1 − ρ²))/ρ²] (Theorem 4.1: no calendar
/// arbitrage given θ_t non-decreasing). Small immutable value.
/// </remarks>
public readonly record struct SsviParameters
{
    /// <summary>Creates and validates SSVI power-law parameters.</summary>
    /// <param name="rho">Spot-vol correlation ρ, |ρ| &lt; 1.</param>
    /// <param name="eta">η &gt; 0 with η(1 + |ρ|) ≤ 2.</param>
    /// <param name="gamma">γ ∈ (0, ½].</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside the no-arbitrage region.</exception>
    public SsviParameters(double rho, double eta, double gamma)
    {
        if (!double.IsFinite(rho) || Math.Abs(rho) >= 1.0)
        {
            throw new ArgumentOutOfRangeException(nameof(rho), rho, "SSVI ρ must satisfy |ρ| < 1.");
        }

        Guard.PositiveFinite(eta, nameof(eta));
        if (!(gamma > 0.0 && gamma <= 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "SSVI γ must lie in (0, 1/2].");
        }

        if (eta * (1.0 + Math.Abs(rho)) > 2.0 + 1e-12)
        {
            throw new ArgumentOutOfRangeException(nameof(eta), eta, "SSVI needs η(1 + |ρ|) ≤ 2 (Gatheral & Jacquier 2014, Remark 4.4).");
        }

        Rho = rho;
        Eta = eta;
        Gamma = gamma;
    }

    /// <summary>Correlation ρ: the skew of every slice.</summary>
    public double Rho { get; }

    /// <summary>Level η of the curvature function.</summary>
    public double Eta { get; }

    /// <summary>Decay γ of the curvature function with θ.</summary>
    public double Gamma { get; }

    /// <summary>φ(θ) = η·θ^{−γ}·(1 + θ)^{γ−1}.</summary>
    /// <param name="atmTotalVariance">θ &gt; 0.</param>
    public double Phi(double atmTotalVariance) =>
        Eta * Math.Pow(atmTotalVariance, -Gamma) * Math.Pow(1.0 + atmTotalVariance, Gamma - 1.0);

    /// <summary>SSVI total variance w(k, θ).</summary>
    /// <param name="logMoneyness">k = ln(K / F_T).</param>
    /// <param name="atmTotalVariance">θ &gt; 0.</param>
    public double TotalVariance(double logMoneyness, double atmTotalVariance)
    {
        double phiK = Phi(atmTotalVariance) * logMoneyness;
        return 0.5 * atmTotalVariance * (1.0 + Rho * phiK + Math.Sqrt((phiK + Rho) * (phiK + Rho) + 1.0 - Rho * Rho));
    }

    /// <summary>The slice at θ as raw SVI (<see cref="SviParameters.FromSsviSlice"/>).</summary>
    /// <param name="atmTotalVariance">θ &gt; 0.</param>
    public SviParameters ToRawSvi(double atmTotalVariance) =>
        SviParameters.FromSsviSlice(atmTotalVariance, Phi(atmTotalVariance), Rho);

    /// <summary>Invariant text "SSVI(ρ=…, η=…, γ=…)".</summary>
    public override string ToString() => FormattableString.Invariant($"SSVI(ρ={Rho:G6}, η={Eta:G6}, γ={Gamma:G6})");
}
