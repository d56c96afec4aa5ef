using Analytics.Pricing.Black;
using Analytics.Pricing.Surfaces;

namespace Analytics.Pricing.Tests.Surfaces;

/// <summary>
/// Issue 13 item 4: the butterfly repair may not move a fitted vol outside a quote's bid/ask by more than the quote's own
/// half-width; when it would, the slice says it fails. The market smile is Axel Vogt's raw SVI slice (Gatheral &amp; Jacquier
/// 2014, Example 3.1: (a, b, ρ, m, σ) = (−0.0410, 0.1331, 0.3060, 0.3586, 0.4153) at T = 1), which has a negative density for k
/// in about (0.64, 1.26), so any arbitrage-free fit must bend away from it there.
/// </summary>
public sealed class SliceRepairBoundTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
    private static readonly SviParameters Vogt = new(-0.0410, 0.1331, 0.3060, 0.3586, 0.4153);

    [Fact]
    public void Calibrate_VogtSmileWithTightQuotes_ReportsSliceFailingTheQuoteBound()
    {
        var slice = FitVogt(halfSpreadVol: 0.0002);

        Assert.True(slice.ButterflyRepaired);
        Assert.Equal(RepairOutcome.OutsideQuoteBound, slice.Repair!.Butterfly);
        Assert.True(slice.IsFailing);
        Assert.True(slice.Repair.MaximumExcessVolPoints > 0.0);
        Assert.Contains("further outside", slice.Repair.Reason);
        Assert.True(slice.Butterfly.IsArbitrageFree, slice.Butterfly.Reason);
    }

    [Fact]
    public void Calibrate_VogtSmileWithWideQuotes_RepairsWithinTheQuoteBound()
    {
        var slice = FitVogt(halfSpreadVol: 0.02);

        Assert.True(slice.ButterflyRepaired);
        Assert.Equal(RepairOutcome.Repaired, slice.Repair!.Butterfly);
        Assert.False(slice.IsFailing);
        Assert.All(slice.Points, p => Assert.True(p.ExcessOutsideQuoteBandVol == 0.0, $"k = {p.LogMoneyness:F3}"));
        Assert.True(slice.Butterfly.IsArbitrageFree, slice.Butterfly.Reason);
    }

    /// <summary>
    /// Out-of-the-money quotes on k ∈ [−1.5, 1.5] (31 strikes, F = 100, r = 0, T = 1 y) priced with Black-76 at Vogt's vol
    /// ∓ <paramref name="halfSpreadVol"/> for the bid and ask.
    /// </summary>
    private static SurfaceSlice FitVogt(double halfSpreadVol)
    {
        const double forward = 100.0;
        var expiry = AsOf.AddDays(365);
        double t = SurfaceQuotePreparer.TenorYears(AsOf, expiry);
        var quotes = new List<SurfaceQuote>();
        for (int i = 0; i <= 30; i++)
        {
            double k = -1.5 + 0.1 * i;
            double strike = forward * Math.Exp(k), vol = Math.Sqrt(Vogt.TotalVariance(k) / t);
            bool call = k >= 0.0;
            double bid = BlackScholesMerton.Price(forward, strike, t, vol - halfSpreadVol, 1.0, call);
            double ask = BlackScholesMerton.Price(forward, strike, t, vol + halfSpreadVol, 1.0, call);
            quotes.Add(new SurfaceQuote(expiry, strike, call ? OptionRight.Call : OptionRight.Put, bid, ask, UnderlyingPrice: forward));
        }

        var result = VolatilitySurfaceCalibrator.Default.Calibrate(quotes, AsOf);
        Assert.True(result.IsCalibrated, result.Reason);
        return Assert.Single(result.Surface!.Slices);
    }
}
