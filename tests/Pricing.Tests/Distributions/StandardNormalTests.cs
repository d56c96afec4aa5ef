using Analytics.Pricing.Distributions;
using Analytics.Pricing.Tests.Support;

namespace Analytics.Pricing.Tests.Distributions;

public sealed class StandardNormalTests
{
    /// <summary>Relative accuracy promised by the XML docs (about 1e-15), with a few ulps of slack.</summary>
    private const double RelativeTolerance = 2e-15;

    // Published values of Φ(x) (x, Φ(x), relative tolerance).
    public static TheoryData<double, double, double> PublishedCdfValues => new()
    {
        // Abramowitz & Stegun (1964), Table 26.1, P(x) to 15 decimals (absolute 5e-16 → relative below).
        { 0.5, 0.691462461274013, 1e-15 },
        { 1.0, 0.841344746068543, 1e-15 },
        { 2.0, 0.977249868051821, 1e-15 },
        { 3.0, 0.998650101968370, 1e-15 },
        // Tail values quoted in the task brief; re-derived with mpmath 1.3 ncdf at 40 significant digits
        // (mp.dps = 40), and independently by HighPrecision in CdfTail_MatchesBigIntegerSeries below.
        { -1.0, 0.15865525393145705, RelativeTolerance },
        { -5.0, 2.866515718791939e-07, RelativeTolerance },
        { -10.0, 7.619853024160527e-24, RelativeTolerance },
        { -20.0, 2.7536241186062336e-89, RelativeTolerance },
        { -30.0, 4.906713927148187e-198, RelativeTolerance },
        { -37.0, 5.725571222524577e-300, RelativeTolerance },
    };

    [Theory]
    [MemberData(nameof(PublishedCdfValues))]
    public void Cdf_PublishedValue_MatchesToRelativeTolerance(double x, double expected, double tolerance)
    {
        AssertRelative(expected, StandardNormal.Cdf(x), tolerance);
        AssertRelative(expected, StandardNormal.ComplementaryCdf(-x), tolerance);
    }

    public static TheoryData<double> Grid()
    {
        var data = new TheoryData<double>();
        double[] points =
        [
            -37.5, -37.0, -36.1, -33.3, -28.7, -25.0, -19.9, -15.5, -12.25, -9.81, -8.0, -6.5, -5.657, -5.6,
            -4.4, -3.3, -2.2, -1.1, -0.8, -0.66291, -0.5, -0.25, -1e-3, -1e-9, 0.0, 1e-9, 0.3, 0.66, 0.67, 0.9,
            1.7, 2.5, 4.1, 5.66, 7.3,
        ];
        foreach (double x in points)
        {
            data.Add(x);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Grid))]
    public void Cdf_AcrossRange_MatchesBigIntegerSeriesToRelative1e15(double x)
    {
        // Reference: Taylor series of Φ in 700-digit fixed point (independent of Cody's approximations).
        AssertRelative(HighPrecision.NormalCdf(x), StandardNormal.Cdf(x), RelativeTolerance);
        AssertRelative(HighPrecision.NormalCdf(-x), StandardNormal.ComplementaryCdf(x), RelativeTolerance);
    }

    [Theory]
    [MemberData(nameof(Grid))]
    public void Pdf_AcrossRange_MatchesBigIntegerExpToRelative1e15(double x)
    {
        AssertRelative(HighPrecision.NormalPdf(x), StandardNormal.Pdf(x), RelativeTolerance);
    }

    [Fact]
    public void CdfTail_MatchesBigIntegerSeries()
    {
        // Cdf(−37) ≈ 5.7e-300 with full relative accuracy, as required for deep out-of-the-money pricing.
        double reference = HighPrecision.NormalCdf(-37.0);
        Assert.InRange(reference, 5.72e-300, 5.73e-300);
        AssertRelative(reference, StandardNormal.Cdf(-37.0), RelativeTolerance);
    }

    [Fact]
    public void Cdf_NonFiniteArguments_HaveLimits()
    {
        Assert.Equal(0.0, StandardNormal.Cdf(double.NegativeInfinity));
        Assert.Equal(1.0, StandardNormal.Cdf(double.PositiveInfinity));
        Assert.Equal(0.0, StandardNormal.ComplementaryCdf(double.PositiveInfinity));
        Assert.Equal(1.0, StandardNormal.ComplementaryCdf(double.NegativeInfinity));
        Assert.Equal(0.0, StandardNormal.Pdf(double.PositiveInfinity));
        Assert.True(double.IsNaN(StandardNormal.Cdf(double.NaN)));
        Assert.True(double.IsNaN(StandardNormal.ComplementaryCdf(double.NaN)));
        Assert.True(double.IsNaN(StandardNormal.Pdf(double.NaN)));
    }

    [Fact]
    public void Cdf_BeyondUnderflow_IsZeroAndComplementIsOne()
    {
        Assert.Equal(0.0, StandardNormal.Cdf(-40.0));
        Assert.Equal(1.0, StandardNormal.Cdf(40.0));
        Assert.Equal(0.0, StandardNormal.ComplementaryCdf(40.0));
    }

    [Fact]
    public void Cdf_IsMonotoneAndSymmetric()
    {
        double previous = 0.0;
        for (double x = -38.0; x <= 9.0; x += 0.01)
        {
            double value = StandardNormal.Cdf(x);
            Assert.True(value >= previous, $"Φ decreased at x = {x}");
            Assert.Equal(1.0, value + StandardNormal.Cdf(-x), 1e-15);
            previous = value;
        }
    }

    [Fact]
    public void MillsRatio_MatchesTailOverDensity()
    {
        foreach (double y in new[] { 0.0, 0.3, 0.66291, 1.0, 3.0, 5.6, 5.7, 10.0, 25.0, 37.0 })
        {
            double reference = HighPrecision.NormalCdf(-y) / HighPrecision.NormalPdf(y);
            AssertRelative(reference, StandardNormal.MillsRatio(y), 4e-15);
        }
    }

    private static void AssertRelative(double expected, double actual, double relativeTolerance)
    {
        double error = Math.Abs(actual - expected) / Math.Abs(expected);
        Assert.True(error <= relativeTolerance, $"expected {expected:R}, actual {actual:R}, relative error {error:E2} > {relativeTolerance:E1}");
    }
}
