namespace Analytics.Pricing.Margin;

/// <summary>
/// A vol shock of a portfolio-margin grid, scaled by the option's time to expiry as the venues publish it:
/// k(d) = <see cref="Size"/>·(<see cref="ReferenceDays"/> / max(d, <see cref="MinimumDays"/>))^<see cref="TenorPower"/>
/// with d the option's days to expiry; the shocked vol is σ·(1 + k) when <see cref="Relative"/>, else σ + k (vol points).
/// A shocked vol at or below zero values the option at its zero-vol limit (the scenario engine's rule).
/// </summary>
/// <param name="Name">Label, e.g. <c>up</c>, <c>unchanged</c>, <c>down</c>.</param>
/// <param name="Size">Signed size at the reference tenor (0.5 = up 50 % relative or +50 vol points).</param>
/// <param name="Relative">Relative (σ·(1 + k)) or absolute (σ + k).</param>
/// <param name="ReferenceDays">Days to expiry at which the shock is <see cref="Size"/>, &gt; 0.</param>
/// <param name="TenorPower">Exponent of the tenor scaling, ≥ 0 (0: the same shock at every tenor).</param>
/// <param name="MinimumDays">Floor on d, &gt; 0, so that expiring options do not get unbounded shocks.</param>
public sealed record VolShock(string Name, double Size, bool Relative, double ReferenceDays = 30, double TenorPower = 0, double MinimumDays = 1)
{
    /// <summary>The shocked vol of an option with vol <paramref name="vol"/> and <paramref name="tenorYears"/> to expiry.</summary>
    /// <param name="vol">Lognormal vol σ, annualised.</param>
    /// <param name="tenorYears">Years to expiry (Act/365F).</param>
    /// <returns>The shocked vol (may be ≤ 0).</returns>
    public double Apply(double vol, double tenorYears)
    {
        if (Size == 0.0) return vol;
        double days = Math.Max(tenorYears * 365.0, MinimumDays);
        double k = Size * (TenorPower == 0.0 ? 1.0 : Math.Pow(ReferenceDays / days, TenorPower));
        return Relative ? vol * (1.0 + k) : vol + k;
    }
}
