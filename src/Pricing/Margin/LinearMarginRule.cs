namespace Analytics.Pricing.Margin;

/// <summary>
/// A venue's margin rule for perpetual futures: initial and maintenance fractions of the notional |Q|·S, each raised by
/// <see cref="IncreasePerUnit"/> per unit of underlying held (Deribit's size-tiered "increase factor": BTC
/// IM = 2 % + |size in BTC| × 0.005 %), and the initial fraction raised with open interest as dYdX v4 does (its "open
/// interest margin fraction": IMF' = IMF + (1 − IMF)·clamp((OI − lower) / (upper − lower), 0, 1), maintenance unchanged)
/// when an open interest is configured. Immutable and validated on construction.
/// </summary>
public sealed record LinearMarginRule
{
    /// <summary>Creates a validated rule.</summary>
    /// <param name="initialFraction">Base initial margin fraction, in (0, 1].</param>
    /// <param name="maintenanceFraction">Base maintenance margin fraction, in (0, initial].</param>
    /// <param name="increasePerUnit">Fraction added per unit of underlying held (0 for none), in [0, 0.01].</param>
    /// <param name="openInterestUsd">The market's open interest, USD, or null (no open-interest increase).</param>
    /// <param name="openInterestLowerCapUsd">Open interest at and below which the initial fraction is not raised.</param>
    /// <param name="openInterestUpperCapUsd">Open interest at and above which the initial fraction is 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range.</exception>
    public LinearMarginRule(double initialFraction, double maintenanceFraction, double increasePerUnit = 0.0,
        double? openInterestUsd = null, double? openInterestLowerCapUsd = null, double? openInterestUpperCapUsd = null)
    {
        if (!(initialFraction is > 0.0 and <= 1.0)) throw new ArgumentOutOfRangeException(nameof(initialFraction), initialFraction, "Must be in (0, 1].");
        if (!(maintenanceFraction > 0.0 && maintenanceFraction <= initialFraction))
            throw new ArgumentOutOfRangeException(nameof(maintenanceFraction), maintenanceFraction, "Must be in (0, initialFraction].");
        if (!(increasePerUnit is >= 0.0 and <= 0.01)) throw new ArgumentOutOfRangeException(nameof(increasePerUnit), increasePerUnit, "Must be in [0, 0.01].");
        if (openInterestUsd is { } oi && (!(oi >= 0 && double.IsFinite(oi)) || openInterestLowerCapUsd is not { } lo || openInterestUpperCapUsd is not { } hi || !(lo >= 0 && hi > lo && double.IsFinite(hi))))
            throw new ArgumentOutOfRangeException(nameof(openInterestUsd), openInterestUsd, "An open interest needs 0 ≤ lower cap < upper cap, all finite.");
        InitialFraction = initialFraction;
        MaintenanceFraction = maintenanceFraction;
        IncreasePerUnit = increasePerUnit;
        OpenInterestUsd = openInterestUsd;
        OpenInterestLowerCapUsd = openInterestLowerCapUsd;
        OpenInterestUpperCapUsd = openInterestUpperCapUsd;
    }

    /// <summary>Base initial margin fraction.</summary>
    public double InitialFraction { get; }

    /// <summary>Base maintenance margin fraction.</summary>
    public double MaintenanceFraction { get; }

    /// <summary>Fraction added per unit of underlying held.</summary>
    public double IncreasePerUnit { get; }

    /// <summary>The market's open interest, USD, or null.</summary>
    public double? OpenInterestUsd { get; }

    /// <summary>Lower open-interest cap, USD.</summary>
    public double? OpenInterestLowerCapUsd { get; }

    /// <summary>Upper open-interest cap, USD.</summary>
    public double? OpenInterestUpperCapUsd { get; }

    /// <summary>The initial and maintenance fractions for a position of <paramref name="units"/> (absolute) units.</summary>
    /// <param name="units">|Q|, units of underlying.</param>
    /// <returns>(initial, maintenance) fractions of the notional, each at most 1.</returns>
    public (double Initial, double Maintenance) Fractions(double units)
    {
        double increase = IncreasePerUnit * Math.Abs(units);
        double initial = InitialFraction + increase;
        if (OpenInterestUsd is { } oi)
        {
            double lo = OpenInterestLowerCapUsd!.Value, hi = OpenInterestUpperCapUsd!.Value;
            double scale = Math.Clamp((oi - lo) / (hi - lo), 0.0, 1.0);
            initial += (1.0 - initial) * scale;
        }

        return (Math.Min(initial, 1.0), Math.Min(MaintenanceFraction + increase, 1.0));
    }
}
