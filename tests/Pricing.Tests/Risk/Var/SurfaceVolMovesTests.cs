using Analytics.Pricing.Black;
using Analytics.Pricing.Market;
using Analytics.Pricing.Risk.Var;
using Analytics.Pricing.Surfaces;

namespace Analytics.Pricing.Tests.Risk.Var;

/// <summary>
/// Vol moves between two surfaces (<c>volModel: surface-history</c>): surfaces fitted to quotes priced from known raw SVI
/// slices, so the expected move at each bucket's log-moneyness is the SVI formula's, not the code's (Gatheral 2004,
/// w(k) = a + b(ρ(k − m) + √((k − m)² + σ²))).
/// </summary>
public sealed class SurfaceVolMovesTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    private static double SviVol((double A, double B, double Rho, double M, double Sigma) p, double k, double t) =>
        Math.Sqrt((p.A + p.B * (p.Rho * (k - p.M) + Math.Sqrt((k - p.M) * (k - p.M) + p.Sigma * p.Sigma))) / t);

    /// <summary>One 91-day slice of the SVI smile <paramref name="p"/> (total variance) around <paramref name="forward"/>.</summary>
    private static VolatilitySurface Surface((double A, double B, double Rho, double M, double Sigma) p, double forward)
    {
        var expiry = AsOf.AddDays(91);
        double t = YearFraction.Act365F(AsOf, expiry);
        var quotes = new List<SurfaceQuote>();
        for (double k = -0.8; k <= 0.8001; k += 0.05)
        {
            double strike = forward * Math.Exp(k);
            bool isCall = k >= 0;
            double price = BlackScholesMerton.Price(forward, strike, t, SviVol(p, k, t), 1.0, isCall);
            quotes.Add(new SurfaceQuote(expiry, strike, isCall ? OptionRight.Call : OptionRight.Put, price * 0.9998, price * 1.0002, UnderlyingPrice: forward));
        }

        return new VolatilitySurfaceCalibrator(new SurfaceCalibrationOptions(SurfaceModel.Svi)).Calibrate(quotes, AsOf).Surface
            ?? throw new InvalidOperationException("did not fit");
    }

    [Fact]
    public void Between_IsTheSmilesChangeAtEachBucketsLogMoneyness_WhateverTheForward()
    {
        var before = (A: 0.04, B: 0.12, Rho: -0.3, M: 0.0, Sigma: 0.2);
        var after = (A: 0.06, B: 0.16, Rho: -0.5, M: 0.02, Sigma: 0.2); // level, skew and wings all move
        double t = YearFraction.Act365F(AsOf, AsOf.AddDays(91));

        // The spot fell 20 % between the surfaces: the move is read at each one's own forward, so it is the smile's alone.
        var buckets = SurfaceVolMoves.Between(Surface(before, 3000), Surface(after, 2400), t);

        Assert.Equal(SurfaceVolMoves.Representatives.Length, buckets.Length);
        Assert.Equal(double.PositiveInfinity, buckets[^1].MaxLogMoneyness);
        for (int b = 0; b < buckets.Length; b++)
        {
            double k = SurfaceVolMoves.Representatives[b];
            Assert.True(k <= buckets[b].MaxLogMoneyness && (b == 0 || k > buckets[b - 1].MaxLogMoneyness), $"k = {k} outside bucket {b}");
            Assert.Equal(SviVol(after, k, t) - SviVol(before, k, t), buckets[b].Shift, 2e-4);
        }
    }

    [Fact]
    public void Between_TheSameSmile_IsNoMove()
    {
        var smile = (A: 0.04, B: 0.12, Rho: -0.3, M: 0.0, Sigma: 0.2);
        var surface = Surface(smile, 3000);

        var buckets = SurfaceVolMoves.Between(surface, surface, 0.25);

        Assert.All(buckets, b => Assert.Equal(0.0, b.Shift));
    }
}
