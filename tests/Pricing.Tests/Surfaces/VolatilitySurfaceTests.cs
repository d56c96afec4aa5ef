using System.Collections.Immutable;
using Analytics.Pricing.Black;
using Analytics.Pricing.Surfaces;

namespace Analytics.Pricing.Tests.Surfaces;

/// <summary>
/// Surface queries: total variance linear in tenor at fixed k between slices, constant implied vol outside the slices
/// (documented on <see cref="VolatilitySurface"/>), grid export; end-to-end from synthetic quotes; SSVI under the
/// no-arbitrage conditions of Gatheral &amp; Jacquier (2014), Theorem 4.1, Theorem 4.2 and Remark 4.4.
/// </summary>
public sealed class VolatilitySurfaceTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
    private static readonly SsviParameters TrueSsvi = new(rho: -0.35, eta: 1.2, gamma: 0.4);
    private static readonly double[] TenorsDays = [7, 30, 91, 182, 365];

    /// <summary>θ_t = 0.36·t (60 % ATM vol), forward 3200·e^{0.03t}; quotes priced from SSVI with a ±1 % premium spread.</summary>
    private static List<SurfaceQuote> SsviQuotes()
    {
        var quotes = new List<SurfaceQuote>();
        foreach (double days in TenorsDays)
        {
            var expiry = AsOf.AddDays(days);
            double t = days / 365.0, forward = 3200.0 * Math.Exp(0.03 * t), theta = 0.36 * t;
            for (int i = -10; i <= 10; i++)
            {
                double k = 0.08 * i * Math.Sqrt(t / 0.25);
                double strike = forward * Math.Exp(k);
                double vol = Math.Sqrt(TrueSsvi.TotalVariance(k, theta) / t);
                var right = k >= 0 ? OptionRight.Call : OptionRight.Put;
                double p = BlackScholesMerton.Price(forward, strike, t, vol, 1.0, right == OptionRight.Call);
                quotes.Add(new SurfaceQuote(expiry, strike, right, p * 0.99, p * 1.01, UnderlyingPrice: forward, VenueMarkVol: vol));
            }
        }

        return quotes;
    }

    [Fact]
    public void Calibrate_SviOnSsviQuotes_FitsEverySliceWithoutArbitrage()
    {
        var result = VolatilitySurfaceCalibrator.Default.Calibrate(SsviQuotes(), AsOf, cancellationToken: TestContext.Current.CancellationToken);

        var surface = Assert.IsType<VolatilitySurface>(result.Surface);
        Assert.Equal(5, surface.Slices.Length);
        Assert.All(surface.Slices, s => Assert.True(s.RmseVolPoints < 0.05, $"{s.ExpiryUtc}: {s.RmseVolPoints} vp"));
        Assert.All(surface.Slices, s => Assert.True(s.VenueRmseVolPoints < 0.05));
        Assert.True(surface.Arbitrage.IsArbitrageFree, string.Join("; ", surface.Arbitrage.Calendar));
    }

    [Fact]
    public void Calibrate_SsviModel_RecoversParametersWithinTheNoArbitrageRegion()
    {
        var result = new VolatilitySurfaceCalibrator(new SurfaceCalibrationOptions(SurfaceModel.Ssvi)).Calibrate(SsviQuotes(), AsOf, cancellationToken: TestContext.Current.CancellationToken);

        var surface = result.Surface!;
        var fit = Assert.IsType<SsviFit>(surface.Ssvi);
        var p = fit.Parameters;
        Assert.Equal(TrueSsvi.Rho, p.Rho, 0.01);
        Assert.Equal(TrueSsvi.Eta, p.Eta, 0.02);
        Assert.Equal(TrueSsvi.Gamma, p.Gamma, 0.02);
        // Remark 4.4: η(1 + |ρ|) ≤ 2; Theorem 4.1 for the power law: 0 < γ < 1 and θ_t non-decreasing.
        Assert.True(p.Eta * (1 + Math.Abs(p.Rho)) <= 2.0);
        Assert.InRange(p.Gamma, double.Epsilon, 1.0 - double.Epsilon);
        Assert.True(fit.AtmTotalVariances.Zip(fit.AtmTotalVariances.Skip(1)).All(x => x.First <= x.Second));
        foreach (double theta in fit.AtmTotalVariances)
        {
            // Theorem 4.2: θφ(θ)(1 + |ρ|) < 4 and θφ(θ)²(1 + |ρ|) ≤ 4.
            double phi = p.Phi(theta);
            Assert.True(theta * phi * (1 + Math.Abs(p.Rho)) < 4.0);
            Assert.True(theta * phi * phi * (1 + Math.Abs(p.Rho)) <= 4.0);
        }

        Assert.True(surface.Arbitrage.IsArbitrageFree);
        Assert.True(fit.RmseVolPoints < 0.1, $"{fit.RmseVolPoints} vp");
    }

    [Fact]
    public void Isotonic_DecreasingAtmVariances_AreMadeNonDecreasing()
    {
        Assert.Equal([0.01, 0.025, 0.025, 0.04], SsviCalibrator.Isotonic([0.01, 0.03, 0.02, 0.04]));
    }

    [Fact]
    public void TotalVariance_BetweenAndOutsideSlices_FollowsTheDocumentedRules()
    {
        var near = new SviParameters(0.01, 0.05, -0.3, 0.0, 0.1);
        var far = new SviParameters(0.04, 0.08, -0.3, 0.0, 0.2);
        var surface = Surface((0.25, 3200, near), (1.0, 3300, far));
        const double k = 0.1;

        // Linear in T at fixed k between slices.
        double mid = surface.TotalVariance(k, 0.625);
        Assert.Equal(0.5 * (near.TotalVariance(k) + far.TotalVariance(k)), mid, 15);
        // Before the first slice: constant implied vol at fixed k.
        Assert.Equal(near.LognormalVol(k, 0.25), surface.LognormalVol(k, 0.05), 14);
        // After the last: constant implied vol of the last slice.
        Assert.Equal(far.LognormalVol(k, 1.0), surface.LognormalVol(k, 3.0), 14);
        // At the slices: the slices themselves.
        Assert.Equal(near.TotalVariance(k), surface.TotalVariance(k, 0.25), 15);
        Assert.Equal(far.TotalVariance(k), surface.TotalVariance(k, 1.0), 15);
        // Forward: ln F linear in T.
        Assert.Equal(Math.Sqrt(3200.0 * 3300.0), surface.Forward(0.625), 9);
        Assert.Equal(far.LognormalVol(Math.Log(3500.0 / 3300.0), 1.0), surface.LognormalVolAtStrike(3500.0, 1.0), 14);
    }

    [Fact]
    public void ExportGrid_TwoByThree_IsRowMajorByTenor()
    {
        var near = new SviParameters(0.01, 0.05, -0.3, 0.0, 0.1);
        var surface = Surface((0.25, 3200, near));

        var grid = surface.ExportGrid([-0.2, 0.0, 0.2], [0.1, 0.25]);

        Assert.Equal(6, grid.LognormalVols.Length);
        Assert.Equal(surface.LognormalVol(0.2, 0.1), grid.Vol(0, 2), 15);
        Assert.Equal(near.LognormalVol(-0.2, 0.25), grid.Vol(1, 0), 14);
    }

    private static VolatilitySurface Surface(params (double T, double F, SviParameters P)[] slices)
    {
        var built = slices.Select(s => new SurfaceSlice(AsOf.AddDays(365 * s.T), s.T, s.F, ForwardSource.Venue, 1.0, s.P, 0.0, [],
            ArbitrageDiagnostics.Diagnose(s.P), false, TimeSpan.Zero)).ToImmutableArray();
        var report = ArbitrageDiagnostics.Diagnose(built.Select(s => (s.ExpiryUtc, s.Parameters)).ToArray());
        return new VolatilitySurface(AsOf, SurfaceModel.Svi, built, report, null, 0, ImmutableSortedDictionary<QuoteDropReason, int>.Empty, TimeSpan.Zero);
    }
}
