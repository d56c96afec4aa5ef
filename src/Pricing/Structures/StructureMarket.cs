using Analytics.Pricing.L2;

namespace Analytics.Pricing.Structures;

/// <summary>
/// The market a structure is priced in: spot, the default vol for legs without their own, the discount rate and
/// the cost of carry (generalised Black-Scholes-Merton, Haug 2007 §1.1.6). Immutable; validated on construction
/// and in <c>with</c> expressions (<see cref="ArgumentOutOfRangeException"/>).
/// </summary>
public sealed record StructureMarket
{
    /// <summary>Creates a validated market.</summary>
    /// <param name="spot">Spot S of the underlying, &gt; 0, USD.</param>
    /// <param name="volatility">Lognormal vol for legs without their own, annualised decimal, &gt; 0.</param>
    /// <param name="rate">Discount rate r, continuously compounded annualised decimal.</param>
    /// <param name="carry">Cost of carry b and its source.</param>
    public StructureMarket(double spot, double volatility, double rate, CarrySpecification carry)
    {
        Spot = spot;
        Volatility = volatility;
        Rate = rate;
        Carry = carry;
    }

    /// <summary>Spot S, &gt; 0, USD.</summary>
    public double Spot { get; init => field = Guard.PositiveFinite(value, nameof(Spot)); }

    /// <summary>Default lognormal vol, annualised decimal, &gt; 0.</summary>
    public double Volatility { get; init => field = Guard.PositiveFinite(value, nameof(Volatility)); }

    /// <summary>Discount rate r, continuously compounded annualised decimal.</summary>
    public double Rate { get; init => field = Guard.Finite(value, nameof(Rate)); }

    /// <summary>Cost of carry b (finite) and its source.</summary>
    public CarrySpecification Carry
    {
        get;
        init
        {
            Guard.Defined(value.Source, nameof(Carry));
            Guard.Finite(value.CostOfCarry, nameof(Carry));
            field = value;
        }
    }
}

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
