using Analytics.Pricing.Distributions;
using Analytics.Pricing.Tests.Support;

namespace Analytics.Pricing.Tests.Distributions;

/// <summary><see cref="Exponential.Exp"/> against a 700-digit exp and against the C library's exp.</summary>
public sealed class ExponentialTests
{
    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(1.0, Math.E)] // e correctly rounded (0x4005BF0A8B145769)
    [InlineData(-1.0, 0.36787944117144233)] // 1/e = 0.367879441171442321595… (A&S 4.2, Table 4.4)
    [InlineData(0.6931471805599453, 2.0)] // the double nearest ln 2 maps to 2 within rounding
    [InlineData(10.0, 22026.465794806718)] // e^10 = 22026.4657948067165169…
    public void Exp_KnownValues(double x, double expected)
    {
        Assert.Equal(expected, Exponential.Exp(x));
    }

    [Fact]
    public void Exp_RandomArguments_WithinHalfAnUlpOfTheExactValue()
    {
        var random = new Random(3);
        double worst = 0, worstLibrary = 0;
        for (var i = 0; i < 1_500; i++)
        {
            double x = i % 3 == 0 ? random.NextDouble() * 1400 - 700 : i % 3 == 1 ? random.NextDouble() * 2 - 1 : -random.NextDouble() * 800 / 2;
            worst = Math.Max(worst, Math.Abs(HighPrecision.ExpErrorInUlps(x, Exponential.Exp(x))));
            worstLibrary = Math.Max(worstLibrary, Math.Abs(HighPrecision.ExpErrorInUlps(x, Math.Exp(x))));
        }

        TestContext.Current.SendDiagnosticMessage($"worst error: ours {worst:F3} ulp, Math.Exp {worstLibrary:F3} ulp");
        Assert.True(worst < 0.52, $"worst error {worst} ulp");
    }

    [Fact]
    public void Exp_MillionsOfArguments_WithinOneUlpOfTheLibrary()
    {
        var random = new Random(4);
        var differing = 0;
        const int count = 3_000_000;
        for (var i = 0; i < count; i++)
        {
            double x = (random.NextDouble() - 0.5) * (i % 2 == 0 ? 1416 : 4);
            double ours = Exponential.Exp(x), library = Math.Exp(x);
            if (ours == library) continue;
            differing++;
            Assert.True(Math.Abs(ours - library) <= Math.BitIncrement(library) - library, $"x = {x:R}: {ours:R} vs {library:R}");
        }

        Assert.True(differing < count / 100, $"{differing} of {count} differ in the last bit");
    }

    [Theory]
    [InlineData(709.5)]
    [InlineData(-745.0)]
    [InlineData(-710.0)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(double.NaN)]
    public void Exp_BeyondTheReducedRange_IsTheLibrarys(double x)
    {
        Assert.Equal(Math.Exp(x), Exponential.Exp(x));
    }
}
