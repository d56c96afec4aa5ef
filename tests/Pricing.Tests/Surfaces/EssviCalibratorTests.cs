using Analytics.Pricing.Black;
using Analytics.Pricing.Surfaces;

namespace Analytics.Pricing.Tests.Surfaces;

/// <summary>
/// eSSVI end to end on synthetic quotes priced from a known eSSVI surface inside the no-arbitrage region: the slice by
/// slice calibration (Corbetta et al. 2019) recovers each (θ, ρ, ψ) and the fitted surface is arbitrage-free.
/// </summary>
public sealed class EssviCalibratorTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
    private static readonly double[] TenorsDays = [7, 30, 91, 182, 365];

    /// <summary>θ = 0.36·t (60 % ATM vol); ρ from −0.5 to −0.3 with tenor; ψ = θφ with φ = 1.2·θ^{−0.4}(1 + θ)^{−0.6}.</summary>
    private static EssviSlice TrueSlice(int i)
    {
        double theta = 0.36 * TenorsDays[i] / 365.0;
        double phi = 1.2 * Math.Pow(theta, -0.4) * Math.Pow(1 + theta, -0.6);
        return new EssviSlice(theta, -0.5 + 0.05 * i, theta * phi);
    }

    private static List<SurfaceQuote> Quotes()
    {
        var quotes = new List<SurfaceQuote>();
        for (int e = 0; e < TenorsDays.Length; e++)
        {
            double t = TenorsDays[e] / 365.0, forward = 3200.0 * Math.Exp(0.03 * t);
            var slice = TrueSlice(e);
            for (int i = -10; i <= 10; i++)
            {
                double k = 0.08 * i * Math.Sqrt(t / 0.25), strike = forward * Math.Exp(k);
                double vol = Math.Sqrt(slice.TotalVariance(k) / t);
                var right = k >= 0 ? OptionRight.Call : OptionRight.Put;
                double p = BlackScholesMerton.Price(forward, strike, t, vol, 1.0, right == OptionRight.Call);
                quotes.Add(new SurfaceQuote(AsOf.AddDays(TenorsDays[e]), strike, right, p * 0.99, p * 1.01, UnderlyingPrice: forward, VenueMarkVol: vol));
            }
        }

        return quotes;
    }

    [Fact]
    public void Calibrate_EssviQuotes_RecoversEverySliceWithoutArbitrage()
    {
        for (int i = 1; i < TenorsDays.Length; i++)
        {
            Assert.True(EssviSlice.PrecedesWithoutCalendarArbitrage(TrueSlice(i - 1), TrueSlice(i)), "the generating surface is in the region");
        }

        var result = new VolatilitySurfaceCalibrator(new SurfaceCalibrationOptions(SurfaceModel.Essvi)).Calibrate(Quotes(), AsOf, cancellationToken: TestContext.Current.CancellationToken);

        var surface = Assert.IsType<VolatilitySurface>(result.Surface);
        Assert.Equal(SurfaceModel.Essvi, surface.Model);
        Assert.True(surface.Arbitrage.IsArbitrageFree);
        for (int i = 0; i < TenorsDays.Length; i++)
        {
            var fitted = surface.Slices[i].Parameters;
            var expected = TrueSlice(i);
            Assert.Equal(expected.AtmTotalVariance, fitted.TotalVariance(0.0), expected.AtmTotalVariance * 1e-3);
            Assert.Equal(expected.Rho, fitted.Rho, 0.01);
            Assert.Equal(expected.Psi, 2 * fitted.B, expected.Psi * 0.01);
            Assert.True(surface.Slices[i].VenueRmseVolPoints < 0.05, $"{TenorsDays[i]} d: {surface.Slices[i].VenueRmseVolPoints} vp");
        }
    }

    [Fact]
    public void TotalVariance_BetweenEssviSlices_InterpolatesThetaPsiAndRhoPsiLinearlyInTenor()
    {
        var result = new VolatilitySurfaceCalibrator(new SurfaceCalibrationOptions(SurfaceModel.Essvi)).Calibrate(Quotes(), AsOf, cancellationToken: TestContext.Current.CancellationToken);
        var surface = result.Surface!;
        var (lo, hi) = (surface.Slices[1], surface.Slices[2]);
        double t = 0.25 * lo.TenorYears + 0.75 * hi.TenorYears;

        // Corbetta et al. (2019, §4): the slice at t is the eSSVI slice with each of θ, ψ and ρψ a quarter of the way from hi
        // to lo; evaluated here with the SSVI formula (Gatheral & Jacquier 2014, eq. 4.1), not with the surface's code.
        double theta = 0.25 * lo.Parameters.TotalVariance(0) + 0.75 * hi.Parameters.TotalVariance(0);
        double psi = 0.25 * 2 * lo.Parameters.B + 0.75 * 2 * hi.Parameters.B;
        double rho = (0.25 * 2 * lo.Parameters.B * lo.Parameters.Rho + 0.75 * 2 * hi.Parameters.B * hi.Parameters.Rho) / psi;
        foreach (double k in new[] { -0.8, -0.1, 0.0, 0.3, 1.0 })
        {
            double phi = psi / theta;
            double expected = theta / 2 * (1 + rho * phi * k + Math.Sqrt((phi * k + rho) * (phi * k + rho) + 1 - rho * rho));
            Assert.Equal(expected, surface.TotalVariance(k, t), 12);
        }

        // Beyond the last slice: θ grows with T at the last slice's ATM vol, ψ and ρ held.
        var last = surface.Slices[^1].Parameters;
        double theta2 = last.TotalVariance(0) * 2;
        double phi2 = 2 * last.B / theta2;
        double far = theta2 / 2 * (1 + last.Rho * phi2 * 0.5 + Math.Sqrt((phi2 * 0.5 + last.Rho) * (phi2 * 0.5 + last.Rho) + 1 - last.Rho * last.Rho));
        Assert.Equal(far, surface.TotalVariance(0.5, 2 * surface.Slices[^1].TenorYears), 12);
    }
}
