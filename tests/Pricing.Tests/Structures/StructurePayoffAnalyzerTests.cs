using Analytics.Pricing.Black;
using Analytics.Pricing.Structures;
using static Analytics.Pricing.Tests.Structures.StructurePricerTests;

namespace Analytics.Pricing.Tests.Structures;

/// <summary>
/// The MathNet searches behind a calendar's break-evens (Brent) and extremes (golden section) at their edges, against
/// closed forms; and a calendar's results against its P&amp;L written out independently from the Black-Scholes-Merton
/// formula (Haug 2007, §1.1.6): short near call settled at S − K, long far call valued over τ = T₂ − T₁.
/// </summary>
public sealed class StructurePayoffAnalyzerTests
{
    [Fact]
    public void FindRoot_CubicInBracket_ReturnsTheRealCubeRoot()
    {
        double root = StructurePayoffAnalyzer.FindRoot(x => x * x * x - 2.0, 0.0, 2.0);

        Assert.Equal(Math.Cbrt(2.0), root, 1e-14);
    }

    [Fact]
    public void FindRoot_NoSignChange_ReturnsNaN()
    {
        Assert.True(double.IsNaN(StructurePayoffAnalyzer.FindRoot(x => x * x + 1.0, -1.0, 1.0)));
        Assert.True(double.IsNaN(StructurePayoffAnalyzer.FindRoot(_ => 3.0, 0.0, 10.0))); // flat, no root
    }

    [Fact]
    public void FindRoot_ZeroAtAnEnd_ReturnsThatEnd()
    {
        Assert.Equal(1.0, StructurePayoffAnalyzer.FindRoot(x => x - 1.0, 1.0, 3.0));
        Assert.Equal(3.0, StructurePayoffAnalyzer.FindRoot(x => x - 3.0, 1.0, 3.0));
        Assert.Equal(0.0, StructurePayoffAnalyzer.FindRoot(_ => 0.0, 0.0, 1.0)); // flat at zero: the left end
    }

    [Theory]
    [InlineData(1e12, 2e12, 1.234567890123e12)] // large spots: relative accuracy
    [InlineData(1e-12, 1e-10, 3.3e-11)] // tiny spots: absolute accuracy 1e-14 (the tolerance is 1e-14·max(1, |x|))
    [InlineData(1e-3, 1e3, 1.0)] // a bracket six decades wide
    public void FindRoot_ExtremeBrackets_MeetsTheTolerance(double a, double b, double expected)
    {
        // 10⁶·ln(x/expected): one root, at expected; a large scale and a slope far from 1 (1/x) at the root.
        double root = StructurePayoffAnalyzer.FindRoot(x => 1e6 * Math.Log(x / expected), a, b);

        Assert.Equal(expected, root, 1e-14 * Math.Max(1.0, expected) + 4e-16 * expected);
    }

    [Fact]
    public void LocalExtreme_FlatFunction_ReturnsTheConstant()
    {
        Assert.Equal(5.0, StructurePayoffAnalyzer.LocalExtreme(_ => 5.0, 0.0, 1.0, 2.0, 5.0, maximise: true));
        Assert.Equal(5.0, StructurePayoffAnalyzer.LocalExtreme(_ => 5.0, 0.0, 1.0, 2.0, 5.0, maximise: false));
    }

    [Fact]
    public void LocalExtreme_SineOnZeroToPi_IsOne()
    {
        Assert.Equal(1.0, StructurePayoffAnalyzer.LocalExtreme(Math.Sin, 0.0, 1.0, Math.PI, Math.Sin(1.0), maximise: true), 1e-15);
    }

    [Fact]
    public void LocalExtreme_PeakFarFromTheMiddleNode_IsFound()
    {
        // −(x − 3)² on the bracket (0, 1, 10): f(1) = −4 beats both ends, but the peak is at 3, beyond MathNet's first
        // bracket [0, 1 + φ] ⊂ [0, 10]; the search must move right.
        static double F(double x) => -(x - 3.0) * (x - 3.0);

        Assert.Equal(0.0, StructurePayoffAnalyzer.LocalExtreme(F, 0.0, 1.0, 10.0, F(1.0), maximise: true), 1e-15);
    }

    [Fact]
    public void LocalExtreme_Minimum_IsCoshAtItsCentre()
    {
        static double F(double x) => Math.Cosh(x - 0.3);

        Assert.Equal(1.0, StructurePayoffAnalyzer.LocalExtreme(F, -1.0, 0.0, 2.0, F(0.0), maximise: false), 1e-15);
    }

    [Fact]
    public void LocalExtreme_LargeSpots_FindsThePeak()
    {
        // A peak of height 7 at S = 10⁹ in a bracket of 3·10⁸ (tolerance 10⁻¹²·|S| ≈ 10⁻³).
        static double F(double x) => 7.0 - Math.Pow((x - 1e9) / 1e8, 2);

        Assert.Equal(7.0, StructurePayoffAnalyzer.LocalExtreme(F, 0.9e9, 0.95e9, 1.2e9, F(0.95e9), maximise: true), 1e-12);
    }

    [Fact]
    public void Calendar_MaxProfitAndBreakevens_MatchTheBlackScholesPnlWrittenOut()
    {
        // FlatMarket: S = 100, σ = 0.6, r = 0.05, b = 0.05; near call T₁ = 0.25 short, far call T₂ = 0.5 long, K = 100.
        const double k = 100.0, vol = 0.6, r = 0.05, b = 0.05, t1 = 0.25, t2 = 0.5;
        static double Call(double s, double tenor) =>
            BlackScholesMerton.Price(s * Math.Exp(b * tenor), k, tenor, vol, Math.Exp(-r * tenor), isCall: true);
        double premium = Call(100.0, t2) - Call(100.0, t1);
        double Pnl(double s) => Call(s, t2 - t1) - Math.Max(s - k, 0.0) - premium;

        var result = StructurePricer.Default.Price(Template(StructureTemplate.Calendar, [k], right: OptionRight.Call), FlatMarket);

        Assert.Equal(premium, result.Premium, 1e-12);
        // The peak is at the strike (the short call's kink); a dense scan of the P&L around it bounds the maximum.
        double scanned = Enumerable.Range(-20_000, 40_001).Select(i => Pnl(k + i * 1e-3)).Max();
        Assert.Equal(scanned, result.MaxProfit!.Value, 1e-9);
        Assert.Equal(2, result.Breakevens.Length);
        foreach (double s in result.Breakevens)
        {
            Assert.True(Math.Abs(Pnl(s)) <= 1e-10, $"P&L {Pnl(s)} at break-even {s}");
            Assert.True(Math.Sign(Pnl(s - 1e-6)) != Math.Sign(Pnl(s + 1e-6)), $"no sign change at {s}");
        }
    }

    [Fact]
    public void FarStraddleLessNearCall_MaxLossIsTheSmoothMinimumBetweenNodes()
    {
        // Long far straddle K = 100 (T₂ = 0.5), short near call K = 150 (T₁ = 0.25): the P&L at T₁ has its minimum
        // where the far straddle's delta is zero, near 100·e^{−(b + σ²/2)τ} ≈ 94.4, between the analysis nodes.
        const double vol = 0.6, r = 0.05, b = 0.05, tau = 0.25;
        static double Value(double s, double k, double tenor, bool isCall) =>
            BlackScholesMerton.Price(s * Math.Exp(b * tenor), k, tenor, vol, Math.Exp(-r * tenor), isCall);
        double premium = Value(100.0, 100.0, 0.5, true) + Value(100.0, 100.0, 0.5, false) - Value(100.0, 150.0, 0.25, true);
        double Pnl(double s) => Value(s, 100.0, tau, true) + Value(s, 100.0, tau, false) - Math.Max(s - 150.0, 0.0) - premium;
        var structure = StructureBuilder.FromLegs(
        [
            new StructureLeg(OptionRight.Call, 100.0, 0.5, 1.0),
            new StructureLeg(OptionRight.Put, 100.0, 0.5, 1.0),
            new StructureLeg(OptionRight.Call, 150.0, 0.25, -1.0),
        ]).GetValueOrThrow();

        var result = StructurePricer.Default.Price(structure, FlatMarket);

        double scannedMinimum = Enumerable.Range(0, 200_001).Select(i => Pnl(85.0 + i * 1e-4)).Min();
        Assert.Equal(-scannedMinimum, result.MaxLoss!.Value, 1e-9);
    }
}
