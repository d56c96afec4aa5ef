using System.Collections.Immutable;

namespace Analytics.Pricing.Risk;

/// <summary>
/// A move of one underlying's market: spot S → S·(1 + <paramref name="SpotRelative"/>) and every option's lognormal
/// vol σ → σ + <paramref name="VolAbsolute"/>, or, when <see cref="VolBuckets"/> is given, σ → σ + the shift of the
/// bucket the option's log-moneyness k = ln(K / F) falls in, F = S'·e^{bT} at the moved spot S' and the option's tenor
/// after the scenario's time step (a vol at or below zero after the shift values the option at its zero-vol limit). The
/// default is no move.
/// </summary>
/// <param name="SpotRelative">Relative spot shift, &gt; −1 (−0.2 = spot down 20 %).</param>
/// <param name="VolAbsolute">Absolute vol shift, annualised decimal (0.05 = +5 vol points); ignored when <see cref="VolBuckets"/> is given.</param>
public readonly record struct UnderlyingShift(double SpotRelative, double VolAbsolute)
{
    /// <summary>
    /// Vol shifts by log-moneyness bucket, bounds strictly ascending, the last bound +∞ (validated by
    /// <see cref="MarketScenario"/>); default or empty for a flat shift.
    /// </summary>
    public ImmutableArray<VolBucketShift> VolBuckets { get; init; }

    /// <summary>Whether the vol move is by bucket.</summary>
    public bool IsBucketed => !VolBuckets.IsDefaultOrEmpty;

    /// <summary>The vol shift of an option at log-moneyness <paramref name="logMoneyness"/>.</summary>
    /// <param name="logMoneyness">k = ln(K / F).</param>
    /// <returns>The bucket's shift, or <see cref="VolAbsolute"/> for a flat move.</returns>
    public double VolShiftAt(double logMoneyness)
    {
        if (!IsBucketed)
        {
            return VolAbsolute;
        }

        foreach (var bucket in VolBuckets)
        {
            if (logMoneyness <= bucket.MaxLogMoneyness)
            {
                return bucket.Shift;
            }
        }

        return VolBuckets[^1].Shift; // k = NaN never happens (K, F > 0); the last bound is +∞
    }
}
