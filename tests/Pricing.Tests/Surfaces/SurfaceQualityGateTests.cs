using Analytics.Pricing.Black;
using Analytics.Pricing.Surfaces;

namespace Analytics.Pricing.Tests.Surfaces;

/// <summary>
/// The publication gate (issue 13 items 2 and 4): a surface fitted to quotes from a known arbitrage-free SVI passes; one
/// whose slice fails its repair (Vogt's smile with tight quotes, Gatheral &amp; Jacquier 2014 Example 3.1), or whose in-range
/// error exceeds the bound, does not, and the reasons say why.
/// </summary>
public sealed class SurfaceQualityGateTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    /// <summary>One slice of OTM quotes on k ∈ [−1, 1] from raw SVI <paramref name="svi"/> at T = 1 y, F = 100, vol ∓ half-spread, marks at the SVI vol + <paramref name="markOffsetVol"/>.</summary>
    private static VolatilitySurface Fit(SviParameters svi, double halfSpreadVol, double markOffsetVol = 0.0)
    {
        var expiry = AsOf.AddDays(365);
        double t = SurfaceQuotePreparer.TenorYears(AsOf, expiry);
        var quotes = new List<SurfaceQuote>();
        for (int i = 0; i <= 20; i++)
        {
            double k = -1.0 + 0.1 * i, strike = 100 * Math.Exp(k), vol = Math.Sqrt(svi.TotalVariance(k) / t);
            bool call = k >= 0;
            quotes.Add(new SurfaceQuote(expiry, strike, call ? OptionRight.Call : OptionRight.Put,
                BlackScholesMerton.Price(100, strike, t, vol - halfSpreadVol, 1.0, call), BlackScholesMerton.Price(100, strike, t, vol + halfSpreadVol, 1.0, call),
                UnderlyingPrice: 100, VenueMarkVol: vol + markOffsetVol));
        }

        return VolatilitySurfaceCalibrator.Default.Calibrate(quotes, AsOf).Surface!;
    }

    private static readonly SviParameters Smooth = new(0.04, 0.1, -0.3, 0.0, 0.2);

    [Fact]
    public void Evaluate_ArbitrageFreeSurfaceMatchingItsMarks_Passes()
    {
        var verdict = SurfaceQualityGate.Evaluate(Fit(Smooth, 0.005), 0.5);

        Assert.True(verdict.Passed, string.Join("; ", verdict.Reasons));
        Assert.Empty(verdict.Reasons);
        Assert.Equal(SurfaceRmseBasis.VenueMarks, verdict.RmseBasis);
        Assert.True(verdict.MedianRmseVolPoints < 0.1);
    }

    [Fact]
    public void Evaluate_MarksTwoVolPointsAway_FailsTheBoundAgainstTheMarks()
    {
        var verdict = SurfaceQualityGate.Evaluate(Fit(Smooth, 0.005, markOffsetVol: 0.02), 0.5);

        Assert.False(verdict.Passed);
        Assert.Equal(2.0, verdict.MedianRmseVolPoints, 0.1);
        Assert.Contains(verdict.Reasons, r => r.Contains("median in-range slice RMSE", StringComparison.Ordinal) && r.Contains("venue marks", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_SliceFailingItsButterflyRepair_Fails()
    {
        var vogt = new SviParameters(-0.0410, 0.1331, 0.3060, 0.3586, 0.4153);

        var verdict = SurfaceQualityGate.Evaluate(Fit(vogt, 0.0002), 100.0);

        Assert.False(verdict.Passed);
        Assert.Contains(verdict.Reasons, r => r.Contains("fails its arbitrage repair", StringComparison.Ordinal));
    }
}
