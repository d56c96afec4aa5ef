using System.Collections.Immutable;
using Analytics.Pricing.Surfaces;

namespace Analytics.Pricing.Risk.Var;

/// <summary>
/// A historical vol move between two stored surfaces of one underlying (VaR's <c>volModel: surface-history</c>): the change
/// of the implied vol at a reference tenor, bucketed by log-moneyness k = ln(K / F) so that skew moves as well as level
/// moves reach the options. Bucket b covers (bound<sub>b−1</sub>, bound<sub>b</sub>] of <see cref="BucketBounds"/> (the
/// first is open below, the last open above) and carries σ<sub>end</sub>(k<sub>b</sub>, T) − σ<sub>start</sub>(k<sub>b</sub>, T)
/// at its representative k<sub>b</sub> (<see cref="Representatives"/>: the midpoint, ±0.5 for the open ends), each surface
/// read at its own forward, so a spot move does not pass for a vol move.
/// </summary>
public static class SurfaceVolMoves
{
    /// <summary>Upper bounds of the buckets but the last (whose bound is +∞), in log-moneyness.</summary>
    public static ImmutableArray<double> BucketBounds { get; } = [-0.4, -0.2, -0.1, 0.0, 0.1, 0.2, 0.4];

    /// <summary>The log-moneyness each bucket's move is read at, one per bucket (<see cref="BucketBounds"/> plus one).</summary>
    public static ImmutableArray<double> Representatives { get; } = [-0.5, -0.3, -0.15, -0.05, 0.05, 0.15, 0.3, 0.5];

    /// <summary>The move from <paramref name="start"/> to <paramref name="end"/> at <paramref name="tenorYears"/>, as vol buckets.</summary>
    /// <param name="start">The surface at the start of the return window.</param>
    /// <param name="end">The surface at its end.</param>
    /// <param name="tenorYears">Reference tenor, &gt; 0 (the book's options are shifted by the move read at this tenor).</param>
    /// <returns>The buckets, bounds ascending, the last bound +∞ (as <see cref="UnderlyingShift.VolBuckets"/> wants them).</returns>
    /// <exception cref="ArgumentNullException">A surface is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The tenor is not positive and finite.</exception>
    public static ImmutableArray<VolBucketShift> Between(VolatilitySurface start, VolatilitySurface end, double tenorYears)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(end);
        Guard.PositiveFinite(tenorYears, nameof(tenorYears));
        var buckets = ImmutableArray.CreateBuilder<VolBucketShift>(Representatives.Length);
        for (int b = 0; b < Representatives.Length; b++)
        {
            double k = Representatives[b];
            double move = end.LognormalVol(k, tenorYears) - start.LognormalVol(k, tenorYears);
            buckets.Add(new VolBucketShift(b < BucketBounds.Length ? BucketBounds[b] : double.PositiveInfinity, double.IsFinite(move) ? move : 0.0));
        }

        return buckets.MoveToImmutable();
    }
}
