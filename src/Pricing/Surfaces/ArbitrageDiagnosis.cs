using System.Collections.Immutable;

namespace Analytics.Pricing.Surfaces;

/// <summary>A log-moneyness interval on which Durrleman's g(k) is negative (butterfly arbitrage: negative density).</summary>
/// <param name="FromLogMoneyness">First grid point of the interval with g &lt; 0.</param>
/// <param name="ToLogMoneyness">Last grid point of the interval with g &lt; 0.</param>
/// <param name="MinimumG">Smallest g on the interval.</param>
/// <param name="LogMoneynessAtMinimum">Grid point where <paramref name="MinimumG"/> is attained.</param>
public sealed record ButterflyViolation(
    double FromLogMoneyness, double ToLogMoneyness, double MinimumG, double LogMoneynessAtMinimum)
{
    /// <summary>Invariant text "SVI butterfly violated at k ∈ [..]: g_min = .. at k = ..".</summary>
    public override string ToString() => FormattableString.Invariant(
        $"butterfly violated for k in [{FromLogMoneyness:F4}, {ToLogMoneyness:F4}]: min g = {MinimumG:G4} at k = {LogMoneynessAtMinimum:F4}");
}

/// <summary>
/// Butterfly-arbitrage diagnosis of one raw SVI slice: Durrleman's g(k) on a grid (Gatheral &amp; Jacquier 2014,
/// Lemma 2.2) and Lee's wing bound, asymptotic total-variance slopes b(1 ± ρ) ≤ 2 (Lee, "The moment formula for implied
/// volatility at extreme strikes", <i>Math. Finance</i> 14, 2004).
/// </summary>
/// <param name="Parameters">The slice diagnosed.</param>
/// <param name="GridFrom">Lowest log-moneyness on the grid.</param>
/// <param name="GridTo">Highest log-moneyness on the grid.</param>
/// <param name="GridPoints">Number of grid points.</param>
/// <param name="MinimumG">Smallest g over the grid.</param>
/// <param name="LogMoneynessAtMinimum">Grid point of <paramref name="MinimumG"/>.</param>
/// <param name="Violations">Intervals with g &lt; 0, ascending; empty when none.</param>
public sealed record ButterflyDiagnosis(
    SviParameters Parameters,
    double GridFrom,
    double GridTo,
    int GridPoints,
    double MinimumG,
    double LogMoneynessAtMinimum,
    ImmutableArray<ButterflyViolation> Violations)
{
    /// <summary>Left wing slope b(1 − ρ) of total variance.</summary>
    public double LeftWingSlope => Parameters.LeftWingSlope;

    /// <summary>Right wing slope b(1 + ρ) of total variance.</summary>
    public double RightWingSlope => Parameters.RightWingSlope;

    /// <summary>Whether both wing slopes are ≤ 2 (Lee 2004), with a 1e-12 rounding tolerance.</summary>
    public bool LeeWingBoundHolds => LeftWingSlope <= 2.0 + 1e-12 && RightWingSlope <= 2.0 + 1e-12;

    /// <summary>No g &lt; 0 on the grid and Lee's bound holds.</summary>
    public bool IsArbitrageFree => Violations.IsEmpty && LeeWingBoundHolds;

    /// <summary>Human-readable summary: "no butterfly arbitrage" or the violated intervals.</summary>
    public string Reason => IsArbitrageFree
        ? "No butterfly arbitrage on the grid; Lee's wing bound holds."
        : string.Join("; ", Violations.Select(v => v.ToString()).Concat(LeeWingBoundHolds
            ? []
            : [FormattableString.Invariant($"Lee wing bound violated: slopes {LeftWingSlope:G4} (left), {RightWingSlope:G4} (right) > 2")]));
}

/// <summary>
/// A log-moneyness interval on which total variance falls from one slice to the next (calendar-spread arbitrage:
/// w(k, T₁) &gt; w(k, T₂) for T₁ &lt; T₂; Gatheral &amp; Jacquier 2014, Lemma 2.1 and Definition 2.1).
/// </summary>
/// <param name="EarlierExpiryUtc">Expiry of the shorter slice.</param>
/// <param name="LaterExpiryUtc">Expiry of the longer slice.</param>
/// <param name="FromLogMoneyness">First grid point with w(k, T₁) &gt; w(k, T₂).</param>
/// <param name="ToLogMoneyness">Last grid point with w(k, T₁) &gt; w(k, T₂).</param>
/// <param name="MaximumDeficit">Largest w(k, T₁) − w(k, T₂) on the interval (total variance, dimensionless).</param>
/// <param name="LogMoneynessAtMaximum">Grid point of <paramref name="MaximumDeficit"/>.</param>
public sealed record CalendarViolation(
    DateTimeOffset EarlierExpiryUtc,
    DateTimeOffset LaterExpiryUtc,
    double FromLogMoneyness,
    double ToLogMoneyness,
    double MaximumDeficit,
    double LogMoneynessAtMaximum)
{
    /// <summary>Invariant text naming the two expiries and the interval.</summary>
    public override string ToString() => FormattableString.Invariant(
        $"calendar violated between {EarlierExpiryUtc:yyyy-MM-dd} and {LaterExpiryUtc:yyyy-MM-dd} for k in [{FromLogMoneyness:F4}, {ToLogMoneyness:F4}]: total variance falls by up to {MaximumDeficit:G4} at k = {LogMoneynessAtMaximum:F4}");
}

/// <summary>The arbitrage report of a whole surface: one butterfly diagnosis per slice and the calendar check.</summary>
/// <param name="Butterfly">Per-slice diagnoses, by ascending expiry.</param>
/// <param name="Calendar">Calendar violations between consecutive slices; empty when none.</param>
/// <param name="CalendarGridFrom">Lowest log-moneyness of the calendar grid.</param>
/// <param name="CalendarGridTo">Highest log-moneyness of the calendar grid.</param>
public sealed record ArbitrageReport(
    ImmutableArray<ButterflyDiagnosis> Butterfly,
    ImmutableArray<CalendarViolation> Calendar,
    double CalendarGridFrom,
    double CalendarGridTo)
{
    /// <summary>No butterfly, Lee or calendar violation anywhere.</summary>
    public bool IsArbitrageFree => Calendar.IsEmpty && Butterfly.All(b => b.IsArbitrageFree);
}
