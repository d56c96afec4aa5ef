namespace Analytics.Pricing.Margin;

/// <summary>
/// The static discount of a portfolio model's scenario values (Derive v2-core <c>PMRMLib_2._addStaticDiscount</c>): in
/// every scenario each expiry's shocked option value V (all options of one underlying and expiry) is multiplied by
/// <list type="bullet">
/// <item>V ≥ 0: d₊ = <see cref="LongBase"/>·e^{−τ·(r·<see cref="LongRateScale"/> + <see cref="LongAddRate"/>)};</item>
/// <item>V &lt; 0: d₋ = min(e^{rτ}, <see cref="ShortBase"/>·e^{τ·(r·<see cref="ShortRateScale"/> + <see cref="ShortAddRate"/>)}),</item>
/// </list>
/// while the reference (unshocked) value is not, so time value is dampened (d₊ &lt; 1) or marked up (d₋ &gt; 1) by tenor.
/// r is the underlying's discount rate, floored at 0 (Derive assumes a non-negative rate). Immutable and validated.
/// </summary>
public sealed record StaticDiscount
{
    /// <summary>Creates a validated static discount.</summary>
    /// <param name="longBase">Base factor of a positive expiry value, in (0, 4].</param>
    /// <param name="shortBase">Base factor of a negative expiry value, in (0, 4].</param>
    /// <param name="longRateScale">Multiple of r in the positive value's shocked rate, in [0, 10].</param>
    /// <param name="shortRateScale">Multiple of r in the negative value's shocked rate, in [0, 10].</param>
    /// <param name="longAddRate">Rate added for a positive value, in [0, 10].</param>
    /// <param name="shortAddRate">Rate added for a negative value, in [0, 10].</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range or not finite.</exception>
    public StaticDiscount(double longBase, double shortBase, double longRateScale, double shortRateScale, double longAddRate, double shortAddRate)
    {
        LongBase = Bounds.In(longBase, double.Epsilon, 4, nameof(longBase));
        ShortBase = Bounds.In(shortBase, double.Epsilon, 4, nameof(shortBase));
        LongRateScale = Bounds.In(longRateScale, 0, 10, nameof(longRateScale));
        ShortRateScale = Bounds.In(shortRateScale, 0, 10, nameof(shortRateScale));
        LongAddRate = Bounds.In(longAddRate, 0, 10, nameof(longAddRate));
        ShortAddRate = Bounds.In(shortAddRate, 0, 10, nameof(shortAddRate));
    }

    /// <summary>Base factor of a positive expiry value (Derive <c>longBaseStaticDiscount</c>).</summary>
    public double LongBase { get; }

    /// <summary>Base factor of a negative expiry value (Derive <c>shortBaseStaticDiscount</c>).</summary>
    public double ShortBase { get; }

    /// <summary>Multiple of r for a positive value (Derive <c>longRateMultScale</c>).</summary>
    public double LongRateScale { get; }

    /// <summary>Multiple of r for a negative value (Derive <c>shortRateMultScale</c>).</summary>
    public double ShortRateScale { get; }

    /// <summary>Rate added for a positive value (Derive <c>longRateAddScale</c>).</summary>
    public double LongAddRate { get; }

    /// <summary>Rate added for a negative value (Derive <c>shortRateAddScale</c>).</summary>
    public double ShortAddRate { get; }

    /// <summary>The factors (d₊, d₋) of an expiry <paramref name="tenorYears"/> away at discount rate <paramref name="rate"/>.</summary>
    public (double Positive, double Negative) Factors(double tenorYears, double rate)
    {
        double tau = Math.Max(tenorYears, 0.0), r = Math.Max(rate, 0.0);
        double positive = LongBase * Math.Exp(-tau * (r * LongRateScale + LongAddRate));
        double negative = Math.Min(Math.Exp(r * tau), ShortBase * Math.Exp(tau * (r * ShortRateScale + ShortAddRate)));
        return (positive, negative);
    }
}

/// <summary>
/// Derive's basis (forward) contingency (v2-core <c>PMRMLib_2._addBasisContingency</c>): each expiry's options alone are
/// revalued at spot moved by <see cref="UpMove"/> and by <see cref="DownMove"/> (vols unchanged, no static discount); the
/// worse loss of the two (0 if both gain), times <see cref="AddFactor"/> + <see cref="PerYearFactor"/>·τ, summed over
/// expiries, competes with the scenarios' losses for the worst loss. Perpetuals and coin do not offset it. Immutable and validated.
/// </summary>
public sealed record BasisContingency
{
    /// <summary>Creates a validated basis contingency.</summary>
    /// <param name="upMove">Relative up move, in (0, 2) (Derive 0.045).</param>
    /// <param name="downMove">Relative down move, in (−1, 0) (Derive −0.045).</param>
    /// <param name="addFactor">Constant factor, in [0, 20] (Derive 0.5).</param>
    /// <param name="perYearFactor">Factor per year to expiry, in [0, 20] (Derive 2).</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range or not finite.</exception>
    public BasisContingency(double upMove, double downMove, double addFactor, double perYearFactor)
    {
        if (!(upMove > 0 && upMove < 2)) throw new ArgumentOutOfRangeException(nameof(upMove), upMove, "Must be in (0, 2).");
        if (!(downMove > -1 && downMove < 0)) throw new ArgumentOutOfRangeException(nameof(downMove), downMove, "Must be in (−1, 0).");
        UpMove = upMove;
        DownMove = downMove;
        AddFactor = Bounds.In(addFactor, 0, 20, nameof(addFactor));
        PerYearFactor = Bounds.In(perYearFactor, 0, 20, nameof(perYearFactor));
    }

    /// <summary>Relative up move.</summary>
    public double UpMove { get; }

    /// <summary>Relative down move.</summary>
    public double DownMove { get; }

    /// <summary>Constant factor.</summary>
    public double AddFactor { get; }

    /// <summary>Factor per year to expiry.</summary>
    public double PerYearFactor { get; }

    /// <summary>The factor of an expiry <paramref name="tenorYears"/> away.</summary>
    public double Factor(double tenorYears) => AddFactor + PerYearFactor * Math.Max(tenorYears, 0.0);
}

/// <summary>Range checks of the margin records.</summary>
internal static class Bounds
{
    /// <summary>The value when finite and in [min, max], else an <see cref="ArgumentOutOfRangeException"/> naming it.</summary>
    internal static double In(double value, double min, double max, string name) =>
        double.IsFinite(value) && value >= min && value <= max ? value
            : throw new ArgumentOutOfRangeException(name, value, $"Must be in [{min}, {max}].");
}
