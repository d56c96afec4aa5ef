namespace Analytics.Pricing.Surfaces;

/// <summary>
/// SSVI with the power-law curvature φ(θ) = η·θ^{−γ}·(1 + θ)^{γ−1} (Gatheral &amp; Jacquier, "Arbitrage-free SVI
/// volatility surfaces", <i>Quantitative Finance</i> 14(1), 2014, eq. 4.1 and §4.3, Remark 4.4):
/// w(k, θ_t) = (θ_t/2)·(1 + ρφ(θ_t)k + √((φ(θ_t)k + ρ)² + 1 − ρ²)), θ_t the ATM total variance.
/// </summary>
/// <remarks>
/// <para>Validated on construction: |ρ| &lt; 1, η &gt; 0, 0 &lt; γ &lt; 1 and η(1 + |ρ|) ≤ 2. Then, for every θ &gt; 0:</para>
/// <para>Calendar (their Theorem 4.1, given θ_t non-decreasing in t): ∂_θ(θφ(θ)) = φ(θ)(1 − γ)/(1 + θ) lies in
/// [0, φ(θ)(1 + √(1 − ρ²))/ρ²] because 0 &lt; (1 − γ)/(1 + θ) &lt; 1 ≤ (1 + √(1 − ρ²))/ρ². This holds for every γ ∈ (0, 1),
/// not only γ ≤ ½.</para>
/// <para>Butterfly (their Theorem 4.2): θφ(θ)(1 + |ρ|) = η(1 + |ρ|)(θ/(1 + θ))^{1−γ} &lt; 2 &lt; 4 always; and
/// θφ(θ)²(1 + |ρ|) = η²(1 + |ρ|)·θ^{1−2γ}(1 + θ)^{2γ−2} ≤ 4 for every θ when γ ≤ ½ (then θ^{1−2γ}(1 + θ)^{2γ−2} ≤ 1), which
/// is Remark 4.4's sufficient region. For γ &gt; ½ the factor θ^{1−2γ}(1 + θ)^{2γ−2} decreases in θ and is unbounded as
/// θ → 0, so that condition holds on θ ≥ θ_min exactly when η ≤ <see cref="MaximumEta"/>(ρ, γ, θ_min):
/// a surface of slices with θ ≥ θ_min is then butterfly-free slice by slice (<see cref="SatisfiesButterflyConditions"/>).
/// Earlier versions held γ ≤ ½ (Remark 4.4's global region), which left the fitted γ on that bound for crypto boards
/// whose short-dated smiles want φ to grow faster than θ^{−½} as θ → 0.</para>
/// <para>Small immutable value.</para>
/// </remarks>
public readonly record struct SsviParameters
{
    private const double Tolerance = 1e-12;

    /// <summary>Creates and validates SSVI power-law parameters.</summary>
    /// <param name="rho">Spot-vol correlation ρ, |ρ| &lt; 1.</param>
    /// <param name="eta">η &gt; 0 with η(1 + |ρ|) ≤ 2.</param>
    /// <param name="gamma">γ ∈ (0, 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside the region above.</exception>
    public SsviParameters(double rho, double eta, double gamma)
    {
        if (!double.IsFinite(rho) || Math.Abs(rho) >= 1.0)
        {
            throw new ArgumentOutOfRangeException(nameof(rho), rho, "SSVI ρ must satisfy |ρ| < 1.");
        }

        Guard.PositiveFinite(eta, nameof(eta));
        if (!(gamma > 0.0 && gamma < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "SSVI γ must lie in (0, 1).");
        }

        if (eta * (1.0 + Math.Abs(rho)) > 2.0 + Tolerance)
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

    /// <summary>
    /// Whether the slice at θ meets Gatheral &amp; Jacquier's (2014) Theorem 4.2 conditions θφ(1 + |ρ|) &lt; 4 and
    /// θφ²(1 + |ρ|) ≤ 4 (to a relative rounding tolerance of 1e-12), sufficient for no butterfly arbitrage.
    /// </summary>
    /// <param name="atmTotalVariance">θ &gt; 0.</param>
    public bool SatisfiesButterflyConditions(double atmTotalVariance)
    {
        double phi = Phi(atmTotalVariance);
        double wing = 1.0 + Math.Abs(Rho);
        return atmTotalVariance * phi * wing < 4.0 && atmTotalVariance * phi * phi * wing <= 4.0 * (1.0 + Tolerance);
    }

    /// <summary>
    /// The largest η for which every slice with θ ≥ <paramref name="minimumAtmTotalVariance"/> meets Theorem 4.2 of
    /// Gatheral &amp; Jacquier (2014) and η(1 + |ρ|) ≤ 2 holds: min(2/(1 + |ρ|), 2/√((1 + |ρ|)·θ_min^{1−2γ}(1 + θ_min)^{2γ−2}))
    /// for γ &gt; ½, and 2/(1 + |ρ|) for γ ≤ ½ (see the remarks).
    /// </summary>
    /// <param name="rho">ρ, |ρ| &lt; 1.</param>
    /// <param name="gamma">γ ∈ (0, 1).</param>
    /// <param name="minimumAtmTotalVariance">θ_min &gt; 0: the smallest ATM total variance of the surface's slices.</param>
    /// <returns>The bound on η.</returns>
    public static double MaximumEta(double rho, double gamma, double minimumAtmTotalVariance)
    {
        double wing = 1.0 + Math.Abs(rho);
        double bound = 2.0 / wing;
        if (gamma <= 0.5)
        {
            return bound;
        }

        double theta = minimumAtmTotalVariance;
        double factor = Math.Pow(theta, 1.0 - 2.0 * gamma) * Math.Pow(1.0 + theta, 2.0 * gamma - 2.0);
        return Math.Min(bound, 2.0 / Math.Sqrt(wing * factor));
    }

    /// <summary>The slice at θ as raw SVI (<see cref="SviParameters.FromSsviSlice"/>).</summary>
    /// <param name="atmTotalVariance">θ &gt; 0.</param>
    public SviParameters ToRawSvi(double atmTotalVariance) =>
        SviParameters.FromSsviSlice(atmTotalVariance, Phi(atmTotalVariance), Rho);

    /// <summary>The slice at θ as an <see cref="EssviSlice"/> (θ, ρ, ψ = θφ(θ)).</summary>
    /// <param name="atmTotalVariance">θ &gt; 0.</param>
    public EssviSlice ToEssviSlice(double atmTotalVariance) =>
        new(atmTotalVariance, Rho, atmTotalVariance * Phi(atmTotalVariance));

    /// <summary>Invariant text "SSVI(ρ=…, η=…, γ=…)".</summary>
    public override string ToString() => FormattableString.Invariant($"SSVI(ρ={Rho:G6}, η={Eta:G6}, γ={Gamma:G6})");
}
