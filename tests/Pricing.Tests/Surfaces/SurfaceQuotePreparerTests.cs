using Analytics.Pricing.Black;
using Analytics.Pricing.Surfaces;

namespace Analytics.Pricing.Tests.Surfaces;

/// <summary>
/// From quotes to smile points: the parity forward (C − P = DF·(F − K), Hull 2012 §11.4) robust to an outlier
/// (Huber 1981; Sen 1968), and typed dropped-quote reasons.
/// </summary>
public sealed class SurfaceQuotePreparerTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 1, 5, 15, 33, 29, TimeSpan.Zero);
    private static readonly DateTimeOffset Expiry = new(2026, 3, 27, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Estimate_ExactParityWithOneBadPair_RecoversForwardAndDiscountFactor()
    {
        const double forward = 3210.0, df = 0.99;
        double[] strikes = [2800, 2900, 3000, 3100, 3200, 3300, 3400, 3500];
        var diff = strikes.Select(k => df * (forward - k)).ToArray();
        diff[3] += 150.0; // a stale call quote: one pair off by 150 USD

        var estimate = PutCallParityForward.Estimate(strikes, diff, PremiumCurrency.Usd);

        Assert.True(estimate.IsEstimated, estimate.Reason);
        Assert.Equal(forward, estimate.Forward, 1e-6);
        Assert.Equal(df, estimate.DiscountFactor, 1e-10);
        Assert.Equal(1, estimate.Downweighted);
        // The same data through ordinary least squares (C − P = DF·F − DF·K, fitted here independently) is pulled
        // tens of dollars off by the one bad pair: the robust estimate above is what keeps the forward exact.
        var meanK = strikes.Average();
        var meanDiff = diff.Average();
        var slope = strikes.Zip(diff).Sum(p => (p.First - meanK) * (p.Second - meanDiff)) / strikes.Sum(k => (k - meanK) * (k - meanK));
        var olsForward = (meanDiff - slope * meanK) / -slope;
        Assert.True(Math.Abs(olsForward - forward) > 10.0, $"OLS forward {olsForward}");
    }

    [Fact]
    public void Estimate_InversePremiums_RecoversForward()
    {
        // Premiums in the underlying: (C − P)/F = DF·(1 − K/F) (Deribit inverse options).
        const double forward = 93_650.0;
        double[] strikes = [85_000, 90_000, 95_000, 100_000, 105_000];
        var diff = strikes.Select(k => 1.0 - k / forward).ToArray();

        var estimate = PutCallParityForward.Estimate(strikes, diff, PremiumCurrency.Underlying);

        Assert.Equal(forward, estimate.Forward, 1e-6);
        Assert.Equal(1.0, estimate.DiscountFactor, 1e-12);
    }

    [Fact]
    public void Prepare_NoVenueForward_UsesParityForwardAndSolvesVols()
    {
        const double forward = 3200.0, vol = 0.6;
        double t = SurfaceQuotePreparer.TenorYears(AsOf, Expiry);
        var quotes = new List<SurfaceQuote>();
        foreach (double k in new[] { 2600.0, 2800, 3000, 3200, 3400, 3600, 3800 })
        {
            foreach (var right in new[] { OptionRight.Call, OptionRight.Put })
            {
                double p = BlackScholesMerton.Price(forward, k, t, vol, 1.0, right == OptionRight.Call);
                quotes.Add(new SurfaceQuote(Expiry, k, right, p * 0.99, p * 1.01));
            }
        }

        var prepared = SurfaceQuotePreparer.Prepare(quotes, AsOf, new QuoteFilterOptions(OutOfTheMoneyOnly: true));

        var smile = Assert.Single(prepared.Smiles);
        Assert.Equal(ForwardSource.PutCallParity, smile.ForwardSource);
        Assert.Equal(forward, smile.Forward, 1e-6);
        Assert.Equal(7, smile.Points.Length); // one out-of-the-money right per strike
        Assert.All(smile.Points, p => Assert.Equal(vol, p.MidVol, 1e-4));
        Assert.All(smile.Points, p => Assert.True(p.BidVol < p.MidVol && p.MidVol < p.AskVol));
        Assert.Equal(7, prepared.DroppedByReason[QuoteDropReason.InTheMoneyDuplicate]);
    }

    [Fact]
    public void Prepare_DiscountedUsdBoardWithoutVenueForward_TakesTheDiscountFactorFromParity()
    {
        // An equity-index board: USD premiums discounted at r = 4 % over two years (DF = e^{−0.08}), no venue forward. Parity
        // fixes F and DF together; solving with DF = 1 (the zero-rate default) would read the at-the-money vol about 8 % low.
        const double forward = 7200.0, vol = 0.18, rate = 0.04;
        var expiry = AsOf.AddDays(730);
        double t = SurfaceQuotePreparer.TenorYears(AsOf, expiry), df = Math.Exp(-rate * t);
        var quotes = new List<SurfaceQuote>();
        foreach (double k in new[] { 5800.0, 6400, 7000, 7200, 7400, 8000, 8600 })
        {
            foreach (var right in new[] { OptionRight.Call, OptionRight.Put })
            {
                double p = BlackScholesMerton.Price(forward, k, t, vol, df, right == OptionRight.Call);
                quotes.Add(new SurfaceQuote(expiry, k, right, p * 0.995, p * 1.005));
            }
        }

        var smile = Assert.Single(SurfaceQuotePreparer.Prepare(quotes, AsOf).Smiles);

        Assert.Equal(ForwardSource.PutCallParity, smile.ForwardSource);
        Assert.Equal(forward, smile.Forward, 1e-6);
        Assert.Equal(df, smile.DiscountFactor, 1e-10);
        Assert.All(smile.Points, p => Assert.Equal(vol, p.MidVol, 1e-4));
    }

    [Fact]
    public void Prepare_BadQuotes_AreDroppedWithTypedReasons()
    {
        const double forward = 3200.0;
        double t = SurfaceQuotePreparer.TenorYears(AsOf, Expiry);
        double Call(double k) => BlackScholesMerton.Price(forward, k, t, 0.6, 1.0, true);
        var good = new[] { 3000.0, 3100, 3200, 3300, 3400, 3500 }
            .Select(k => new SurfaceQuote(Expiry, k, OptionRight.Call, Call(k) * 0.98, Call(k) * 1.02, UnderlyingPrice: forward));
        var bad = new SurfaceQuote[]
        {
            new(AsOf.AddDays(-1), 3200, OptionRight.Call, 10, 11, UnderlyingPrice: forward),           // Expired
            new(Expiry, double.NaN, OptionRight.Call, 10, 11, UnderlyingPrice: forward),              // InvalidField
            new(Expiry, 3600, OptionRight.Call, null, Call(3600), UnderlyingPrice: forward),          // NoBid
            new(Expiry, 3700, OptionRight.Call, Call(3700), 0, UnderlyingPrice: forward),             // NoAsk
            new(Expiry, 3800, OptionRight.Call, Call(3800) * 1.1, Call(3800), UnderlyingPrice: forward), // Crossed
            new(Expiry, 3900, OptionRight.Call, 100, forward, UnderlyingPrice: forward),              // ask ≥ DF·F
            new(Expiry, 2000, OptionRight.Call, 1100, 1300, UnderlyingPrice: forward),                // bid below intrinsic 1200
            new(Expiry, 4000, OptionRight.Call, Call(4000) * 0.1, Call(4000) * 3.0, UnderlyingPrice: forward), // spread 275 % of mid
        };

        var prepared = SurfaceQuotePreparer.Prepare([.. good, .. bad], AsOf);

        Assert.Equal(14, prepared.QuotesIn);
        Assert.Equal(6, prepared.QuotesUsed);
        Assert.Equal(8, prepared.DroppedCount);
        Assert.Equal(1, prepared.DroppedByReason[QuoteDropReason.Expired]);
        Assert.Equal(1, prepared.DroppedByReason[QuoteDropReason.InvalidField]);
        Assert.Equal(1, prepared.DroppedByReason[QuoteDropReason.NoBid]);
        Assert.Equal(1, prepared.DroppedByReason[QuoteDropReason.NoAsk]);
        Assert.Equal(1, prepared.DroppedByReason[QuoteDropReason.Crossed]);
        Assert.Equal(2, prepared.DroppedByReason[QuoteDropReason.OutsideArbitrageBounds]);
        Assert.Equal(1, prepared.DroppedByReason[QuoteDropReason.SpreadTooWide]);
        Assert.Equal(ForwardSource.Venue, prepared.Smiles[0].ForwardSource);
    }

    [Fact]
    public void Prepare_NoForwardAnywhere_DropsSliceOrUsesCarryModel()
    {
        var quotes = Enumerable.Range(0, 6).Select(i => new SurfaceQuote(Expiry, 3000 + 100 * i, OptionRight.Call, 100, 110)).ToList();

        var without = SurfaceQuotePreparer.Prepare(quotes, AsOf);
        var with = SurfaceQuotePreparer.Prepare(quotes, AsOf, new QuoteFilterOptions(CarryFallback: new CarryForwardModel(3150.0, 0.05)));

        Assert.Empty(without.Smiles);
        Assert.Equal(6, without.DroppedByReason[QuoteDropReason.NoForward]);
        var smile = Assert.Single(with.Smiles);
        Assert.Equal(ForwardSource.CarryModel, smile.ForwardSource);
        Assert.Equal(3150.0 * Math.Exp(0.05 * smile.TenorYears), smile.Forward, 1e-9);
    }
}
