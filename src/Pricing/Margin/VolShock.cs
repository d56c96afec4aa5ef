namespace Analytics.Pricing.Margin;

/// <summary>
/// A vol shock of a portfolio-margin scenario: the option's shocked lognormal vol from its vol, tenor and log-moneyness.
/// Implemented by <see cref="VolShock"/> (by tenor) and <see cref="SkewShock"/> (by log-moneyness).
/// </summary>
public interface IScenarioVolShock
{
    /// <summary>Label, e.g. <c>up</c> or <c>linear-skew</c>.</summary>
    string Name { get; }

    /// <summary>Whether it leaves every vol unchanged (the base valuation can be reused).</summary>
    bool IsNone { get; }

    /// <summary>The shocked vol (may be ≤ 0: the engine then values the option at its zero-vol limit).</summary>
    /// <param name="vol">Lognormal vol σ, annualised.</param>
    /// <param name="tenorYears">Years to expiry (Act/365F).</param>
    /// <param name="logMoneyness">ln(K / F) at the base market.</param>
    double Apply(double vol, double tenorYears, double logMoneyness);
}

/// <summary>
/// A vol shock of a portfolio-margin grid, scaled by the option's time to expiry as the venues publish it:
/// k(d) = <see cref="Size"/>·(<see cref="ReferenceDays"/> / max(d, <see cref="MinimumDays"/>))^p with d the option's days
/// to expiry and p = <see cref="TenorPower"/>, or <see cref="LongTenorPower"/> when given and d &gt; <see cref="ReferenceDays"/>
/// (Derive: 0.3 up to 30 days, 0.13 beyond); the shocked vol is σ·(1 + k) when <see cref="Relative"/>, else σ + k (vol
/// points), and at least <see cref="MinimumVol"/> (Derive's <c>minVolUpShock</c>: max(σ·(1 + k), 0.4) in its up
/// scenarios). A shocked vol at or below zero values the option at its zero-vol limit (the scenario engine's rule).
/// </summary>
/// <param name="Name">Label, e.g. <c>up</c>, <c>unchanged</c>, <c>down</c>.</param>
/// <param name="Size">Signed size at the reference tenor (0.5 = up 50 % relative or +50 vol points).</param>
/// <param name="Relative">Relative (σ·(1 + k)) or absolute (σ + k).</param>
/// <param name="ReferenceDays">Days to expiry at which the shock is <see cref="Size"/>, &gt; 0.</param>
/// <param name="TenorPower">Exponent of the tenor scaling, ≥ 0 (0: the same shock at every tenor).</param>
/// <param name="MinimumDays">Floor on d, &gt; 0, so that expiring options do not get unbounded shocks.</param>
public sealed record VolShock(string Name, double Size, bool Relative, double ReferenceDays = 30, double TenorPower = 0, double MinimumDays = 1)
    : IScenarioVolShock
{
    /// <summary>Exponent used beyond <see cref="ReferenceDays"/> instead of <see cref="TenorPower"/>; null: <see cref="TenorPower"/> at every tenor.</summary>
    public double? LongTenorPower { get; init; }

    /// <summary>Floor on the shocked vol of a non-zero shock (0: none).</summary>
    public double MinimumVol { get; init; }

    /// <inheritdoc/>
    bool IScenarioVolShock.IsNone => Size == 0.0;

    /// <summary>The shocked vol of an option with vol <paramref name="vol"/> and <paramref name="tenorYears"/> to expiry.</summary>
    /// <param name="vol">Lognormal vol σ, annualised.</param>
    /// <param name="tenorYears">Years to expiry (Act/365F).</param>
    /// <returns>The shocked vol (may be ≤ 0).</returns>
    public double Apply(double vol, double tenorYears)
    {
        if (Size == 0.0) return vol;
        double days = Math.Max(tenorYears * 365.0, MinimumDays);
        double power = LongTenorPower is { } longPower && days > ReferenceDays ? longPower : TenorPower;
        double k = Size * (power == 0.0 ? 1.0 : Math.Pow(ReferenceDays / days, power));
        double shocked = Relative ? vol * (1.0 + k) : vol + k;
        return MinimumVol > 0.0 ? Math.Max(shocked, MinimumVol) : shocked;
    }

    /// <inheritdoc/>
    public double Apply(double vol, double tenorYears, double logMoneyness) => Apply(vol, tenorYears);
}
