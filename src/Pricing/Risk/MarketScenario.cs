namespace Analytics.Pricing.Risk;

/// <summary>
/// One set of market moves for scenario valuation: a time step (the valuation instant moves forward, tenors shorten,
/// rates and carry stay) and a <see cref="UnderlyingShift"/> per underlying (underlyings not listed do not move).
/// Immutable and validated on construction; the dictionary is not copied.
/// </summary>
public sealed record MarketScenario
{
    /// <summary>No move: the base market.</summary>
    public static readonly MarketScenario None = new(0.0, new Dictionary<string, UnderlyingShift>());

    /// <summary>Creates a validated scenario.</summary>
    /// <param name="timeStepYears">Years the valuation instant moves forward, ≥ 0 (Act/365F).</param>
    /// <param name="shifts">Move per underlying symbol.</param>
    /// <exception cref="ArgumentNullException"><paramref name="shifts"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The time step is negative or not finite, or a shift is not finite
    /// or moves a spot to zero or below.</exception>
    public MarketScenario(double timeStepYears, IReadOnlyDictionary<string, UnderlyingShift> shifts)
    {
        ArgumentNullException.ThrowIfNull(shifts);
        ArgumentOutOfRangeException.ThrowIfNegative(Guard.Finite(timeStepYears, nameof(timeStepYears)), nameof(timeStepYears));
        foreach (var (underlying, shift) in shifts)
        {
            Guard.Finite(shift.VolAbsolute, $"{nameof(shifts)}[{underlying}].{nameof(UnderlyingShift.VolAbsolute)}");
            if (!(Guard.Finite(shift.SpotRelative, $"{nameof(shifts)}[{underlying}].{nameof(UnderlyingShift.SpotRelative)}") > -1.0))
            {
                throw new ArgumentOutOfRangeException(nameof(shifts), shift.SpotRelative, $"The spot shift of {underlying} must be above −1.");
            }

            if (shift.IsBucketed)
            {
                CheckBuckets(underlying, shift);
                HasVolBuckets = true;
            }
        }

        TimeStepYears = timeStepYears;
        Shifts = shifts;
    }

    /// <summary>Whether some underlying's vol move is by log-moneyness bucket.</summary>
    public bool HasVolBuckets { get; }

    /// <summary>Years the valuation instant moves forward.</summary>
    public double TimeStepYears { get; }

    /// <summary>Move per underlying symbol.</summary>
    public IReadOnlyDictionary<string, UnderlyingShift> Shifts { get; }

    /// <summary>The shift of <paramref name="underlying"/> (no move when not listed).</summary>
    /// <param name="underlying">Underlying symbol.</param>
    /// <returns>Its shift.</returns>
    public UnderlyingShift ShiftOf(string underlying) => Shifts.TryGetValue(underlying, out var shift) ? shift : default;

    private static void CheckBuckets(string underlying, UnderlyingShift shift)
    {
        var buckets = shift.VolBuckets;
        for (int b = 0; b < buckets.Length; b++)
        {
            Guard.Finite(buckets[b].Shift, $"shifts[{underlying}].VolBuckets[{b}].Shift");
            bool last = b == buckets.Length - 1;
            double bound = buckets[b].MaxLogMoneyness;
            if (last ? !double.IsPositiveInfinity(bound) : !double.IsFinite(bound) || (b > 0 && !(bound > buckets[b - 1].MaxLogMoneyness)))
            {
                throw new ArgumentOutOfRangeException(nameof(shift), bound,
                    $"The vol buckets of {underlying} must have finite, strictly ascending bounds and a last bound of +∞.");
            }
        }
    }
}
