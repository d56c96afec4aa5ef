using System.Collections.Immutable;

namespace Analytics.Pricing.Surfaces;

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
