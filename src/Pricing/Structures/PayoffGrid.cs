using Analytics.Pricing.L2;

namespace Analytics.Pricing.Structures;

/// <summary>
/// Spots on which the payoff at the first expiry is shown. Immutable value; validated by <see cref="Create"/>.
/// </summary>
/// <param name="LowerSpot">Lowest spot, ≥ 0, USD.</param>
/// <param name="UpperSpot">Highest spot, &gt; <paramref name="LowerSpot"/>, USD.</param>
/// <param name="Points">Evenly spaced points, 2 to <see cref="MaxPoints"/> (the legs' strikes inside the range are added).</param>
public readonly record struct PayoffGrid(double LowerSpot, double UpperSpot, int Points)
{
    /// <summary>Most evenly spaced points a grid may have.</summary>
    public const int MaxPoints = 10_001;

    /// <summary>Points of the default grid.</summary>
    public const int DefaultPoints = 101;

    /// <summary>Creates a validated grid.</summary>
    /// <param name="lowerSpot">Lowest spot, ≥ 0, USD.</param>
    /// <param name="upperSpot">Highest spot, &gt; lower, USD.</param>
    /// <param name="points">2 to <see cref="MaxPoints"/>.</param>
    /// <returns>The grid.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public static PayoffGrid Create(double lowerSpot, double upperSpot, int points)
    {
        L2Guard.NonNegativeFinite(lowerSpot, nameof(lowerSpot));
        Guard.PositiveFinite(upperSpot - lowerSpot, nameof(upperSpot));
        Guard.Finite(upperSpot, nameof(upperSpot));
        ArgumentOutOfRangeException.ThrowIfLessThan(points, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(points, MaxPoints);
        return new PayoffGrid(lowerSpot, upperSpot, points);
    }

    /// <summary>The default grid: 0 to 2·max(spot, highest strike), <see cref="DefaultPoints"/> points.</summary>
    /// <param name="spot">Spot, &gt; 0, USD.</param>
    /// <param name="highestStrike">Highest strike of the structure, &gt; 0, USD.</param>
    /// <returns>The grid.</returns>
    public static PayoffGrid Default(double spot, double highestStrike) =>
        Create(0.0, 2.0 * Math.Max(spot, highestStrike), DefaultPoints);

    /// <summary>The evenly spaced spots, ascending.</summary>
    /// <returns>Spots in USD.</returns>
    public IEnumerable<double> Spots()
    {
        double step = (UpperSpot - LowerSpot) / (Points - 1);
        for (int i = 0; i < Points; i++)
        {
            yield return i == Points - 1 ? UpperSpot : LowerSpot + i * step;
        }
    }
}
