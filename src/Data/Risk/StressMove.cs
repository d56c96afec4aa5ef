using System.Collections.Immutable;
using Analytics.Pricing.Risk;

namespace Analytics.Data.Risk;

/// <summary>One underlying's move in a stress scenario, with where the spot move came from.</summary>
/// <param name="SpotRelative">Relative spot move (−0.3 = down 30 %).</param>
/// <param name="VolAbsolute">Absolute vol shift of every option on it (0.2 = +20 vol points); ignored when <see cref="VolBuckets"/> is given.</param>
/// <param name="Source">Where the spot move comes from: the indexed closes, the catalogue's reference, or the request.</param>
public sealed record StressMove(double SpotRelative, double VolAbsolute, string Source)
{
    /// <summary>Vol shifts by log-moneyness bucket (<see cref="UnderlyingShift.VolBuckets"/>); default or empty for the flat <see cref="VolAbsolute"/>.</summary>
    public ImmutableArray<VolBucketShift> VolBuckets { get; init; }

    /// <summary>The move as the scenario engine takes it.</summary>
    public UnderlyingShift ToShift() => new(SpotRelative, VolAbsolute) { VolBuckets = VolBuckets };
}
