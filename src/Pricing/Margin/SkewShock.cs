namespace Analytics.Pricing.Margin;

/// <summary>
/// A skew (wing) vol shock at unchanged spot, Derive's <c>Linear</c> and <c>Abs</c> scenarios (v2-core
/// <c>PMRMLib_2._getExpirySkewedShockedMTM</c>): with √τ the root of the option's tenor in years and k = ln(K / F),
/// <list type="bullet">
/// <item>cap c = <see cref="CapPerSqrtYear"/>·√τ + <see cref="BaseCap"/>;</item>
/// <item>k* = max(<see cref="MinKStar"/>, √τ·<see cref="WidthScale"/>·(<see cref="VolParamStatic"/> + √τ·<see cref="VolParamPerSqrtYear"/>)),
/// where the surface is taken to flatten out;</item>
/// <item>x = k when <see cref="Linear"/> (one wing up, the other down: a skew rotation), else |k| (both wings up);</item>
/// <item>σ' = σ·max(0, 1 + clamp(x·c / k*, −c, c)).</item>
/// </list>
/// A portfolio model counts each expiry's P&amp;L under it as a loss whichever its sign (Derive: the negative absolute value
/// approximates rotating the skew the other way). Immutable and validated on construction.
/// </summary>
public sealed record SkewShock : IScenarioVolShock
{
    /// <summary>Creates a validated skew shock.</summary>
    /// <param name="name">Label, e.g. <c>linear-skew</c>.</param>
    /// <param name="linear">x = k (true) or |k| (false).</param>
    /// <param name="baseCap">Cap of the multiplier at τ = 0, in [0, 10].</param>
    /// <param name="capPerSqrtYear">Change of the cap per √year, in [−10, 10].</param>
    /// <param name="minKStar">Floor on k*, in (0, 10].</param>
    /// <param name="widthScale">Scale of k* in √τ·σ units, in [0, 10].</param>
    /// <param name="volParamStatic">The vol level k* assumes, in [0, 10].</param>
    /// <param name="volParamPerSqrtYear">Its change per √year, in [−20, 20].</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range or not finite.</exception>
    public SkewShock(string name, bool linear, double baseCap, double capPerSqrtYear, double minKStar, double widthScale,
        double volParamStatic, double volParamPerSqrtYear)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Linear = linear;
        BaseCap = Bounds.In(baseCap, 0, 10, nameof(baseCap));
        CapPerSqrtYear = Bounds.In(capPerSqrtYear, -10, 10, nameof(capPerSqrtYear));
        MinKStar = Bounds.In(minKStar, double.Epsilon, 10, nameof(minKStar));
        WidthScale = Bounds.In(widthScale, 0, 10, nameof(widthScale));
        VolParamStatic = Bounds.In(volParamStatic, 0, 10, nameof(volParamStatic));
        VolParamPerSqrtYear = Bounds.In(volParamPerSqrtYear, -20, 20, nameof(volParamPerSqrtYear));
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <summary>x = k (a rotation: one wing up, the other down) or |k| (both wings up).</summary>
    public bool Linear { get; }

    /// <summary>Cap of the multiplier's move at τ = 0 (Derive 0.25).</summary>
    public double BaseCap { get; }

    /// <summary>Change of the cap per √year (Derive −0.1).</summary>
    public double CapPerSqrtYear { get; }

    /// <summary>Floor on k* (Derive 0.01).</summary>
    public double MinKStar { get; }

    /// <summary>Scale of k* (Derive 4).</summary>
    public double WidthScale { get; }

    /// <summary>The vol level in k* (Derive 0.6).</summary>
    public double VolParamStatic { get; }

    /// <summary>Change of that vol level per √year (Derive 0).</summary>
    public double VolParamPerSqrtYear { get; }

    /// <summary>The fraction of its loss that counts (Derive's dampening factor of the scenario, 1 on mainnet), in [0, 10].</summary>
    public double LossFraction { get; init => field = Bounds.In(value, 0, 10, nameof(LossFraction)); } = 1.0;

    /// <inheritdoc/>
    bool IScenarioVolShock.IsNone => false;

    /// <summary>The multiplier 1 + clamp(x·c / k*, −c, c) of an option's vol, before the floor at 0.</summary>
    /// <param name="tenorYears">Years to expiry, ≥ 0.</param>
    /// <param name="logMoneyness">k = ln(K / F).</param>
    public double Multiplier(double tenorYears, double logMoneyness)
    {
        double root = Math.Sqrt(Math.Max(tenorYears, 0.0));
        double cap = CapPerSqrtYear * root + BaseCap;
        double kStar = Math.Max(MinKStar, root * WidthScale * (VolParamStatic + root * VolParamPerSqrtYear));
        double x = Linear ? logMoneyness : Math.Abs(logMoneyness);
        double move = x * cap / kStar;
        return 1.0 + (x >= 0 ? Math.Min(cap, move) : Math.Max(-cap, move));
    }

    /// <inheritdoc/>
    public double Apply(double vol, double tenorYears, double logMoneyness) => vol * Math.Max(Multiplier(tenorYears, logMoneyness), 0.0);
}
