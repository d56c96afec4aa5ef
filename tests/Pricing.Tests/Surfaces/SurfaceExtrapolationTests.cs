using Analytics.Pricing.Black;
using Analytics.Pricing.Surfaces;

namespace Analytics.Pricing.Tests.Surfaces;

/// <summary>
/// <see cref="SurfaceExtrapolation"/>: the tenor rule against the slices and the strike against the range quoted on both
/// sides, on a surface fitted to quotes whose strikes are known (so the quoted range is known from the inputs).
/// </summary>
public sealed class SurfaceExtrapolationTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
    private const double Forward = 3000;

    /// <summary>Two expiries (30 and 90 days); strikes 2000–4000 on the first and 1500–5000 on the second, step 100, flat-ish smiles.</summary>
    private static VolatilitySurface Surface()
    {
        var quotes = new List<SurfaceQuote>();
        foreach (var (days, lo, hi) in new[] { (30.0, 2000.0, 4000.0), (90.0, 1500.0, 5000.0) })
        {
            double t = days / 365.0;
            for (double strike = lo; strike <= hi; strike += 100)
            {
                double k = Math.Log(strike / Forward), vol = 0.6 + 0.2 * k * k;
                var right = strike >= Forward ? OptionRight.Call : OptionRight.Put;
                double p = BlackScholesMerton.Price(Forward, strike, t, vol, 1.0, right == OptionRight.Call);
                quotes.Add(new SurfaceQuote(AsOf.AddDays(days), strike, right, p * 0.995, p * 1.005, UnderlyingPrice: Forward));
            }
        }

        return VolatilitySurfaceCalibrator.Default.Calibrate(quotes, AsOf).Surface!;
    }

    [Fact]
    public void Describe_OnASlice_UsesThatSlicesQuotedStrikes()
    {
        var surface = Surface();
        double t = surface.Slices[0].TenorYears;

        var inside = SurfaceExtrapolation.Describe(surface, 0.1, t);
        var far = SurfaceExtrapolation.Describe(surface, 10, t);

        Assert.Equal(TenorRegion.OnSlice, inside.Tenor);
        Assert.Equal(StrikeRegion.WithinQuotedRange, inside.Strike);
        Assert.True(inside.IsInterpolated);
        Assert.Equal(Math.Log(2000 / Forward), inside.QuotedLogMoneynessFrom, 12);
        Assert.Equal(Math.Log(4000 / Forward), inside.QuotedLogMoneynessTo, 12);
        Assert.Equal(StrikeRegion.AboveQuotedRange, far.Strike);
        Assert.False(far.IsInterpolated);
    }

    [Fact]
    public void Describe_BetweenAndBeyondSlices_InterpolatesTheRangeInTenorAndHoldsItOutside()
    {
        var surface = Surface();
        var (t1, t2) = (surface.Slices[0].TenorYears, surface.Slices[1].TenorYears);

        var middle = SurfaceExtrapolation.Describe(surface, 0.0, 0.5 * (t1 + t2));
        var early = SurfaceExtrapolation.Describe(surface, -0.45, 0.5 * t1);
        var late = SurfaceExtrapolation.Describe(surface, -0.45, 2 * t2);

        Assert.Equal(TenorRegion.BetweenSlices, middle.Tenor);
        Assert.Equal(0.5 * (Math.Log(2000 / Forward) + Math.Log(1500 / Forward)), middle.QuotedLogMoneynessFrom, 12);
        Assert.Equal(0.5 * (Math.Log(4000 / Forward) + Math.Log(5000 / Forward)), middle.QuotedLogMoneynessTo, 12);
        Assert.Equal(TenorRegion.BeforeFirstSlice, early.Tenor);
        Assert.Equal(StrikeRegion.BelowQuotedRange, early.Strike); // ln(2000/3000) = −0.405 > −0.45
        Assert.Equal(TenorRegion.AfterLastSlice, late.Tenor);
        Assert.Equal(StrikeRegion.WithinQuotedRange, late.Strike); // ln(1500/3000) = −0.693 < −0.45
        Assert.False(early.IsInterpolated);
        Assert.False(late.IsInterpolated);
    }
}
