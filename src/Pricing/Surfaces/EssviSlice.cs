namespace Analytics.Pricing.Surfaces;

/// <summary>
/// One slice of an extended SSVI (eSSVI) surface (Hendriks &amp; Martini, "The extended SSVI volatility surface",
/// <i>Journal of Computational Finance</i> 22(5), 2019): the SSVI smile of Gatheral &amp; Jacquier (2014, eq. 4.1) with
/// its own correlation, in the parameters (θ, ρ, ψ = θφ) of Corbetta, Cohort, Laachir &amp; Martini, "Robust calibration
/// and arbitrage-free interpolation of SSVI slices", <i>Decisions in Economics and Finance</i> 42, 2019:
/// w(k) = ½(θ + ρψk + √((ψk + ρθ)² + θ²(1 − ρ²))).
/// </summary>
/// <remarks>
/// <para>Validated on construction to the sufficient no-butterfly conditions of Gatheral &amp; Jacquier (2014,
/// Theorem 4.2) for one slice, written in ψ: ψ(1 + |ρ|) ≤ 4 and ψ²(1 + |ρ|) ≤ 4θ (to a relative rounding tolerance of
/// 1e-12; ψ(1 + |ρ|) = 4 is also Lee's bound b(1 + |ρ|) ≤ 2 on the raw form).</para>
/// <para>Calendar order of two slices: <see cref="PrecedesWithoutCalendarArbitrage"/>. Small immutable value.</para>
/// </remarks>
public readonly record struct EssviSlice
{
    private const double Tolerance = 1e-12;

    /// <summary>Creates and validates an eSSVI slice.</summary>
    /// <param name="atmTotalVariance">θ &gt; 0: the total implied variance at k = 0.</param>
    /// <param name="rho">ρ, |ρ| &lt; 1: the skew.</param>
    /// <param name="psi">ψ = θφ &gt; 0: the ATM curvature scale (twice the raw SVI b).</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range or the slice breaks Theorem 4.2's conditions.</exception>
    public EssviSlice(double atmTotalVariance, double rho, double psi)
    {
        Guard.PositiveFinite(atmTotalVariance, nameof(atmTotalVariance));
        Guard.PositiveFinite(psi, nameof(psi));
        if (!double.IsFinite(rho) || Math.Abs(rho) >= 1.0)
        {
            throw new ArgumentOutOfRangeException(nameof(rho), rho, "eSSVI ρ must satisfy |ρ| < 1.");
        }

        double wing = 1.0 + Math.Abs(rho);
        if (psi * wing > 4.0 * (1.0 + Tolerance) || psi * psi * wing > 4.0 * atmTotalVariance * (1.0 + Tolerance))
        {
            throw new ArgumentOutOfRangeException(nameof(psi), psi,
                "eSSVI needs ψ(1 + |ρ|) ≤ 4 and ψ²(1 + |ρ|) ≤ 4θ (Gatheral & Jacquier 2014, Theorem 4.2).");
        }

        AtmTotalVariance = atmTotalVariance;
        Rho = rho;
        Psi = psi;
    }

    /// <summary>θ: total implied variance at k = 0 (dimensionless).</summary>
    public double AtmTotalVariance { get; }

    /// <summary>ρ: the slice's skew.</summary>
    public double Rho { get; }

    /// <summary>ψ = θφ: the curvature scale; the wings of w have slopes ψ(1 ± ρ)/2.</summary>
    public double Psi { get; }

    /// <summary>φ = ψ/θ: SSVI's curvature at this slice.</summary>
    public double Phi => Psi / AtmTotalVariance;

    /// <summary>Total implied variance w(k) = ½(θ + ρψk + √((ψk + ρθ)² + θ²(1 − ρ²))).</summary>
    /// <param name="logMoneyness">k = ln(K / F_T).</param>
    public double TotalVariance(double logMoneyness) =>
        TotalVariance(logMoneyness, AtmTotalVariance, Rho * Psi, Psi);

    /// <summary>
    /// The slice as raw SVI (Gatheral &amp; Jacquier 2014, Lemma 3.2 from the natural to the raw parameters with Δ = μ = 0,
    /// ω = θ, ζ = φ): a = θ(1 − ρ²)/2, b = ψ/2, ρ, m = −ρ/φ, σ = √(1 − ρ²)/φ.
    /// </summary>
    public SviParameters ToRawSvi() => SviParameters.FromSsviSlice(AtmTotalVariance, Phi, Rho);

    /// <summary>
    /// Whether the later slice <paramref name="far"/> lies above <paramref name="near"/> at every k by the sufficient
    /// calendar condition used here: θ₂ ≥ θ₁, ψ₂(1 + ρ₂) ≥ ψ₁(1 + ρ₁), ψ₂(1 − ρ₂) ≥ ψ₁(1 − ρ₁) (the wing slopes grow; with
    /// p = max((1 + ρ₁)/(1 + ρ₂), (1 − ρ₁)/(1 − ρ₂)) this reads ψ₂ ≥ pψ₁) and φ₂ ≤ φ₁ (ψ₂/θ₂ ≤ ψ₁/θ₁). This is the
    /// no-calendar-arbitrage region of Hendriks &amp; Martini (2019, §3) in the form Mingone, "No arbitrage global
    /// parametrization for the eSSVI volatility surface" (arXiv:2204.00312, 2022, §2–3) parameterises; the wing
    /// conditions alone are necessary but not sufficient (θ₁ = θ₂, ρ 0 → ½, ψ 1 → 2 crosses near k = 0⁻). Relative
    /// rounding tolerance 1e-12.
    /// </summary>
    /// <param name="near">The earlier slice.</param>
    /// <param name="far">The later slice.</param>
    public static bool PrecedesWithoutCalendarArbitrage(EssviSlice near, EssviSlice far)
    {
        double slack = 1.0 + Tolerance;
        return far.AtmTotalVariance * slack >= near.AtmTotalVariance
            && far.Psi * (1.0 + far.Rho) * slack >= near.Psi * (1.0 + near.Rho)
            && far.Psi * (1.0 - far.Rho) * slack >= near.Psi * (1.0 - near.Rho)
            && far.Psi * near.AtmTotalVariance <= near.Psi * far.AtmTotalVariance * slack;
    }

    /// <summary>
    /// w(k) in the coordinates (θ, χ = ρψ, ψ), in which Corbetta et al. (2019, §4) interpolate linearly between slices:
    /// ½(θ + χk + √(ψ²k² + 2χθk + θ²)). No validation (trusted internal path).
    /// </summary>
    internal static double TotalVariance(double logMoneyness, double atmTotalVariance, double rhoPsi, double psi)
    {
        double pk = psi * logMoneyness;
        double radicand = pk * pk + 2.0 * rhoPsi * atmTotalVariance * logMoneyness + atmTotalVariance * atmTotalVariance;
        return 0.5 * (atmTotalVariance + rhoPsi * logMoneyness + Math.Sqrt(Math.Max(radicand, 0.0)));
    }

    /// <summary>Invariant text "eSSVI(θ=…, ρ=…, ψ=…)".</summary>
    public override string ToString() => FormattableString.Invariant($"eSSVI(θ={AtmTotalVariance:G6}, ρ={Rho:G6}, ψ={Psi:G6})");
}
