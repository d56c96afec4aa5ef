using Analytics.Pricing.Surfaces;

namespace Analytics.Pricing.Tests.Surfaces;

/// <summary>
/// Raw SVI calibration by the quasi-explicit method (Zeliade Systems 2009, "Quasi-explicit calibration of Gatheral's SVI
/// model"): synthetic round trips from known parameters and constraint enforcement.
/// </summary>
public sealed class RawSviCalibratorTests
{
    /// <summary>(a, b, ρ, m, σ, T): arbitrage-free slices of different shapes.</summary>
    public static TheoryData<double, double, double, double, double, double> KnownSlices() => new()
    {
        // Gatheral & Jacquier (2014), §5 style SPX-like 1y slice: negative skew.
        { 0.04, 0.1, -0.5, 0.05, 0.2, 1.0 },
        // Crypto-like short slice: small total variance, mild call skew.
        { 0.001, 0.02, 0.2, 0.0, 0.05, 0.05 },
        // Negative level with a wide vertex (a < 0 allowed while a + bσ√(1−ρ²) ≥ 0).
        { -0.01, 0.2, -0.3, 0.1, 0.3, 0.5 },
    };

    [Theory]
    [MemberData(nameof(KnownSlices))]
    public void Calibrate_ExactSviTotalVariance_RecoversParameters(double a, double b, double rho, double m, double sigma, double t)
    {
        var truth = new SviParameters(a, b, rho, m, sigma);
        var k = Enumerable.Range(0, 41).Select(i => -0.8 + 1.6 * i / 40.0).ToArray();
        var w = k.Select(truth.TotalVariance).ToArray();
        var weights = Enumerable.Repeat(1.0, k.Length).ToArray();

        var fit = RawSviCalibrator.Default.Calibrate(k, w, weights, t);

        Assert.True(fit.IsCalibrated, fit.Reason);
        Assert.True(fit.RmseVolPoints < 1e-6, $"RMSE {fit.RmseVolPoints} vol points; {fit.Parameters}");
        Assert.Equal(a, fit.Parameters.A, 1e-5);
        Assert.Equal(b, fit.Parameters.B, 1e-5);
        Assert.Equal(rho, fit.Parameters.Rho, 1e-4);
        Assert.Equal(m, fit.Parameters.M, 1e-4);
        Assert.Equal(sigma, fit.Parameters.Sigma, 1e-4);
    }

    [Fact]
    public void Calibrate_DataBeyondTheConstraints_ReturnsParametersOnTheFeasibleBoundary()
    {
        // Total variance rising with slope 3 on the right (beyond Lee's bound 2), flat on the left (ρ would want +1),
        // and dipping to −0.01 near k = 0 (a negative minimum): every constraint of Zeliade (2009) must bind, not break.
        var k = Enumerable.Range(0, 31).Select(i => -0.6 + 0.04 * i).ToArray();
        var w = k.Select(x => Math.Max(0.02, 0.02 + 3.0 * x) - (Math.Abs(x) < 0.05 ? 0.03 : 0.0)).Select(x => Math.Max(x, 1e-4)).ToArray();
        var weights = Enumerable.Repeat(1.0, k.Length).ToArray();

        var fit = new RawSviCalibrator(new RawSviCalibrationOptions(RepairButterfly: false)).Calibrate(k, w, weights, 1.0);

        var p = fit.Parameters;
        Assert.True(fit.IsCalibrated);
        Assert.True(p.B >= 0.0);
        Assert.True(Math.Abs(p.Rho) < 1.0);
        Assert.True(p.Sigma > 0.0);
        Assert.True(p.MinimumTotalVariance >= -1e-12, p.ToString());
        Assert.True(p.RightWingSlope <= 2.0 + 1e-9 && p.LeftWingSlope <= 2.0 + 1e-9, p.ToString());
        Assert.True(p.RightWingSlope > 1.9, "the wing constraint should bind: " + p);
    }

    [Fact]
    public void Calibrate_FewerThanFivePoints_ReturnsTooFewPoints()
    {
        var fit = RawSviCalibrator.Default.Calibrate([0.0, 0.1, 0.2, 0.3], [0.04, 0.041, 0.043, 0.046], [1.0, 1, 1, 1], 1.0);

        Assert.Equal(SviFitStatus.TooFewPoints, fit.Status);
        Assert.False(fit.IsCalibrated);
    }
}
