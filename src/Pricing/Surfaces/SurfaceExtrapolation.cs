namespace Analytics.Pricing.Surfaces;

/// <summary>
/// Which rule gave a surface's vol at (k, T), in strike and in tenor: whether T is on a slice, between slices or beyond
/// them, and whether k is inside the range of log-moneyness quoted on both sides (bid and ask) at that tenor.
/// </summary>
/// <remarks>
/// The quoted range of a slice is [min k, max k] over its two-sided points (<see cref="SurfaceSlice.QuotedRangeFrom"/>). Between slices its ends
/// are interpolated linearly in T; before the first slice and after the last they are that slice's (vol is held constant at
/// fixed k there, so a strike quoted in moneyness terms stays quoted). A slice without two-sided points has an empty range,
/// and every k then reads as outside it.
/// </remarks>
/// <param name="Tenor">Where T lies against the slices.</param>
/// <param name="Strike">Where k lies against the quoted range at T.</param>
/// <param name="QuotedLogMoneynessFrom">Lowest quoted k at T; NaN when no point is quoted on both sides.</param>
/// <param name="QuotedLogMoneynessTo">Highest quoted k at T; NaN when no point is quoted on both sides.</param>
public readonly record struct SurfaceExtrapolation(
    TenorRegion Tenor,
    StrikeRegion Strike,
    double QuotedLogMoneynessFrom,
    double QuotedLogMoneynessTo)
{
    /// <summary>Relative tolerance for "on a slice's tenor".</summary>
    private const double OnSliceRelativeTolerance = 1e-9;

    /// <summary>Whether the vol was read inside the quotes in both dimensions (on or between slices, within the quoted range).</summary>
    public bool IsInterpolated => Tenor is TenorRegion.OnSlice or TenorRegion.BetweenSlices && Strike == StrikeRegion.WithinQuotedRange;

    /// <summary>Describes where (k, T) lies on <paramref name="surface"/>.</summary>
    /// <param name="surface">The surface.</param>
    /// <param name="logMoneyness">k = ln(K / F_T).</param>
    /// <param name="tenorYears">T in years, &gt; 0.</param>
    public static SurfaceExtrapolation Describe(VolatilitySurface surface, double logMoneyness, double tenorYears)
    {
        ArgumentNullException.ThrowIfNull(surface);
        Guard.Finite(logMoneyness, nameof(logMoneyness));
        Guard.PositiveFinite(tenorYears, nameof(tenorYears));
        var slices = surface.Slices;
        int on = -1;
        for (int i = 0; i < slices.Length && on < 0; i++)
        {
            if (Math.Abs(slices[i].TenorYears - tenorYears) <= OnSliceRelativeTolerance * slices[i].TenorYears) on = i;
        }

        TenorRegion tenor;
        (double From, double To) range;
        if (on >= 0)
        {
            (tenor, range) = (TenorRegion.OnSlice, QuotedRange(slices[on]));
        }
        else if (tenorYears < slices[0].TenorYears)
        {
            (tenor, range) = (TenorRegion.BeforeFirstSlice, QuotedRange(slices[0]));
        }
        else if (tenorYears > slices[^1].TenorYears)
        {
            (tenor, range) = (TenorRegion.AfterLastSlice, QuotedRange(slices[^1]));
        }
        else
        {
            int hi = 1;
            while (slices[hi].TenorYears < tenorYears) hi++;
            var (a, b) = (QuotedRange(slices[hi - 1]), QuotedRange(slices[hi]));
            double weight = (tenorYears - slices[hi - 1].TenorYears) / (slices[hi].TenorYears - slices[hi - 1].TenorYears);
            (tenor, range) = (TenorRegion.BetweenSlices, (a.From + weight * (b.From - a.From), a.To + weight * (b.To - a.To)));
        }

        var strike = logMoneyness < range.From || double.IsNaN(range.From) ? StrikeRegion.BelowQuotedRange
            : logMoneyness > range.To ? StrikeRegion.AboveQuotedRange
            : StrikeRegion.WithinQuotedRange;
        return new SurfaceExtrapolation(tenor, strike, range.From, range.To);
    }

    private static (double From, double To) QuotedRange(SurfaceSlice slice) => (slice.QuotedRangeFrom, slice.QuotedRangeTo);
}
