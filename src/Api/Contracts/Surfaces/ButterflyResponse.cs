using System.ComponentModel;

namespace Analytics.Api.Contracts.Surfaces;

/// <summary>Durrleman's g(k) on a grid and Lee's wing bound for one slice.</summary>
public sealed record ButterflyResponse(
    [property: Description("Expiry of the slice, UTC.")] DateTimeOffset Expiry,
    [property: Description("No g < 0 on the grid and Lee's bound holds.")] bool ArbitrageFree,
    [property: Description("Smallest g(k) on the grid.")] double MinimumG,
    [property: Description("k where g is smallest.")] double LogMoneynessAtMinimum,
    [property: Description("Grid: lowest k, highest k, number of points.")] double[] Grid,
    [property: Description("Left and right wing slopes of total variance, b(1 − ρ) and b(1 + ρ); Lee requires ≤ 2.")] double[] WingSlopes,
    [property: Description("Intervals of k with g < 0; empty when none.")] IReadOnlyList<ButterflyViolationResponse> Violations,
    [property: Description("Human-readable summary.")] string Reason);
