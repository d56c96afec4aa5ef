namespace Analytics.Pricing.Margin;

/// <summary>
/// A venue's standard (per-position) margin rule for short options, per unit of underlying, quote currency. With spot S,
/// the option's mark m (its value per option) and its out-of-the-money amount OTM (call: max(K − S, 0); put: max(S − K, 0)):
/// <list type="bullet">
/// <item>short call: IM = max(<see cref="InitialMaxSpotFraction"/>·S − OTM, <see cref="InitialMinSpotFraction"/>·S) + m;
/// MM = <see cref="CallMaintenanceSpotFraction"/>·S + m;</item>
/// <item>short put: MM = max(<see cref="PutMaintenanceSpotFraction"/>·S, <see cref="PutMaintenanceMarkFraction"/>·m) + m;
/// IM = max(max(<see cref="InitialMaxSpotFraction"/>·S − OTM, <see cref="InitialMinSpotFraction"/>·S) + <see cref="PutInitialMarkScale"/>·m, MM);</item>
/// <item>long call or put: no margin beyond the premium already paid (0).</item>
/// </list>
/// Deribit's published rule is max(0.15 − OTM/S, 0.1)·S + m, i.e. fractions 0.15 and 0.1 (the same thing written per unit of S).
/// Immutable and validated on construction.
/// </summary>
public sealed record OptionMarginRule
{
    /// <summary>Creates a validated rule; every fraction in [0, 2], the put mark scale in [1, 3].</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range or not finite.</exception>
    public OptionMarginRule(double initialMaxSpotFraction, double initialMinSpotFraction, double callMaintenanceSpotFraction,
        double putMaintenanceSpotFraction, double putMaintenanceMarkFraction, double putInitialMarkScale = 1.0)
    {
        InitialMaxSpotFraction = Fraction(initialMaxSpotFraction, nameof(initialMaxSpotFraction));
        InitialMinSpotFraction = Fraction(initialMinSpotFraction, nameof(initialMinSpotFraction));
        CallMaintenanceSpotFraction = Fraction(callMaintenanceSpotFraction, nameof(callMaintenanceSpotFraction));
        PutMaintenanceSpotFraction = Fraction(putMaintenanceSpotFraction, nameof(putMaintenanceSpotFraction));
        PutMaintenanceMarkFraction = Fraction(putMaintenanceMarkFraction, nameof(putMaintenanceMarkFraction));
        if (!(putInitialMarkScale is >= 1.0 and <= 3.0))
            throw new ArgumentOutOfRangeException(nameof(putInitialMarkScale), putInitialMarkScale, "Must be in [1, 3].");
        PutInitialMarkScale = putInitialMarkScale;
    }

    /// <summary>The larger spot fraction of a short option's initial margin, reduced by the OTM amount (Deribit 0.15).</summary>
    public double InitialMaxSpotFraction { get; }

    /// <summary>The floor spot fraction of a short option's initial margin (Deribit 0.1).</summary>
    public double InitialMinSpotFraction { get; }

    /// <summary>Spot fraction of a short call's maintenance margin (Deribit 0.075).</summary>
    public double CallMaintenanceSpotFraction { get; }

    /// <summary>Spot fraction of a short put's maintenance margin (Deribit 0.075).</summary>
    public double PutMaintenanceSpotFraction { get; }

    /// <summary>Mark fraction a short put's maintenance margin is floored at (Deribit 0.075).</summary>
    public double PutMaintenanceMarkFraction { get; }

    /// <summary>Scale of the put's mark in its initial margin (Derive's <c>mmOffsetScale</c> 1.05; 1 elsewhere).</summary>
    public double PutInitialMarkScale { get; }

    /// <summary>Initial and maintenance margin of one short option (per unit, quote currency); (0, 0) for a long one.</summary>
    /// <param name="isCall">Call or put.</param>
    /// <param name="isShort">Short (sold) or long.</param>
    /// <param name="spot">Spot S, &gt; 0.</param>
    /// <param name="strike">Strike K, &gt; 0.</param>
    /// <param name="mark">The option's value per option, ≥ 0.</param>
    /// <returns>(IM, MM) per option.</returns>
    public (double Initial, double Maintenance) PerOption(bool isCall, bool isShort, double spot, double strike, double mark)
    {
        if (!isShort) return (0.0, 0.0);
        double otm = isCall ? Math.Max(strike - spot, 0.0) : Math.Max(spot - strike, 0.0);
        double spotPart = Math.Max(InitialMaxSpotFraction * spot - otm, InitialMinSpotFraction * spot);
        if (isCall) return (spotPart + mark, CallMaintenanceSpotFraction * spot + mark);
        double maintenance = Math.Max(PutMaintenanceSpotFraction * spot, PutMaintenanceMarkFraction * mark) + mark;
        return (Math.Max(spotPart + PutInitialMarkScale * mark, maintenance), maintenance);
    }

    private static double Fraction(double value, string name) =>
        value is >= 0.0 and <= 2.0 ? value : throw new ArgumentOutOfRangeException(name, value, "Must be in [0, 2].");
}
