namespace Analytics.Pricing.QuantLib;

/// <summary>
/// Prices an exact tenor on QuantLib's whole-day calendar without rounding the problem.
/// </summary>
/// <remarks>
/// Under Black-Scholes-Merton with flat r, q and σ the value of a European or an American vanilla depends on
/// time only through rT, qT and σ²T: substituting τ = c·τ′ in the pricing PDE
/// V_τ = ½σ²S²V_SS + (r − q)S·V_S − rV multiplies every coefficient by c, and the exercise constraint
/// V ≥ payoff does not involve time. QuantLib's approximations (Barone-Adesi-Whaley, Bjerksund-Stensland) and
/// its lattice and finite-difference engines use the parameters only in these combinations too. So a tenor T
/// is priced on the whole-day maturity T′ = N/365 (N = round(365·T) ≥ 1 days after the evaluation date,
/// Actual/365 Fixed) with r′ = r·k, q′ = q·k and σ′ = σ·√k, k = T/T′; then
/// V = V′, Δ = Δ′, Γ = Γ′, vega = √k·vega′, θ = θ′/k, ρ = k·ρ′ (and likewise for the dividend rho).
/// A tenor bump moves k at fixed N, so bumped thetas stay exact as well. Tenors beyond
/// <see cref="MaximumModelTenorYears"/> (QuantLib's dates end in 2199) are priced on that maturity with k &gt; 1, by the same
/// invariance (issue 14 item 1: a 170-year option).
/// </remarks>
/// <param name="Days">Whole days N from the evaluation date to the model maturity, ≥ 1.</param>
/// <param name="ModelTenorYears">T′ = N/365, QuantLib's Actual/365 (Fixed) year fraction of the model maturity.</param>
internal readonly record struct QuantLibTenorScaling(int Days, double ModelTenorYears)
{
    /// <summary>The longest model maturity, in years (QuantLib's dates end in 2199; valuation dates end in 2099).</summary>
    internal const double MaximumModelTenorYears = 100.0;

    /// <summary>The whole-day maturity nearest to <paramref name="tenorYears"/> (at least one day, at most
    /// <see cref="MaximumModelTenorYears"/>).</summary>
    internal static QuantLibTenorScaling Create(double tenorYears)
    {
        if (!(tenorYears > 0.0 && double.IsFinite(tenorYears)))
        {
            throw new ArgumentOutOfRangeException(nameof(tenorYears), tenorYears, "QuantLib engines accept finite tenors > 0 years.");
        }

        int days = (int)Math.Clamp(Math.Round(tenorYears * 365.0, MidpointRounding.AwayFromZero), 1.0, MaximumModelTenorYears * 365.0);
        return new QuantLibTenorScaling(days, days / 365.0);
    }

    /// <summary>k = T/T′, the factor applied to r and q (and √k to σ) for the true tenor T.</summary>
    internal double Ratio(double tenorYears) => tenorYears / ModelTenorYears;
}
