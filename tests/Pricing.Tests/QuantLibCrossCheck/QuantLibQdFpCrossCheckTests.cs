using Analytics.Pricing.American;
using Analytics.Pricing.Black;
using Analytics.Pricing.QuantLib;

namespace Analytics.Pricing.Tests.QuantLibCrossCheck;

/// <summary>
/// <c>qd-fp</c> (<see cref="QdFpAmericanPricer"/>) against QuantLib 1.29's <c>QdFpAmericanEngine</c> with its
/// <c>highPrecisionScheme()</c> (tanh-sinh, m = 10 fixed-point steps, n = 30 Chebyshev nodes, 1e-10), through the binding,
/// over puts and calls with S/K 0.5–2, σ 5 %–150 %, r −2 %–10 %, q 0–10 %, one tenor bucket per case (one day to 30 years).
/// </summary>
/// <remarks>
/// <para>Relative errors are taken where QuantLib's price is at least 1e-6 of the strike (below that both are
/// 1e-6·K-sized numbers whose relative difference says nothing); the absolute error, per unit of strike, is checked
/// everywhere.</para>
/// <para>QuantLib's high-precision scheme is not itself converged to 1e-8 everywhere: at low volatility with r and q far
/// apart it moves by up to ~2e-6 relative when its fixed-point steps and nodes are raised (e.g. call, S = K = 100,
/// σ = 5 %, r = −2 %, q = 10 %, half a year: 0.37628395 at (10, 30, 1e-10), 0.37628328 at (16, 48, 1e-12), 0.37628331 at
/// (20, 64, 1e-13), where our <see cref="QdFpScheme.HighPrecision"/> gives 0.37628331), and for a 30-year call with
/// σ = 150 %, r = −2 %, q = 0 and S = 2K it returns 203.06 above the no-arbitrage bound S = 200. The tolerances below are
/// the measured maxima of each bucket (with a margin), not the 1e-8 the issue asks for: see the report in the commit.</para>
/// </remarks>
public sealed class QuantLibQdFpCrossCheckTests(ITestOutputHelper output)
{
    private const double PriceFloor = 1e-6;

    /// <summary>Tenor (days, priced as days/365) and the relative and absolute (per unit of strike) tolerances of
    /// <see cref="QdFpScheme.Default"/> and of <see cref="QdFpScheme.HighPrecision"/> against QuantLib's high precision.</summary>
    public static TheoryData<int, double, double, double, double> Buckets() => new()
    {
        // Measured (2026-12-01, this grid): default 9.3e-11 / 1.7e-8 / 2.1e-6 / 3.3e-5 / 1.35e-4 relative and
        // 5.7e-13 / 2.5e-9 / 1.7e-8 / 6.9e-7 / 1.3e-5 absolute per unit of strike; high precision 7.1e-13 / 9.0e-10 /
        // 3.6e-7 / 1.2e-6 / 1.4e-5 and 5.8e-15 / 8.0e-10 / 7.9e-9 / 2.0e-7 / 1.3e-5. The large relative figures are
        // σ = 5 % out-of-the-money puts worth ~1e-4 of the strike; the 30-year high-precision one is σ = 150 % (σ²T = 67).
        { 1, 1e-9, 1e-11, 1e-11, 1e-13 },
        { 91, 5e-8, 1e-8, 5e-9, 5e-9 },
        { 365, 5e-6, 5e-8, 1e-6, 2e-8 },
        { 3650, 1e-4, 2e-6, 3e-6, 5e-7 },
        { 10950, 3e-4, 3e-5, 3e-5, 3e-5 },
    };

    [Theory]
    [MemberData(nameof(Buckets))]
    public void QdFp_Grid_IsWithinTheBucketToleranceOfQuantLibHighPrecision(
        int days, double defaultRelative, double defaultAbsolute, double highRelative, double highAbsolute)
    {
        QuantLibRequirement.Require();
        double t = days / 365.0;
        var worst = new Worst[2];
        int skipped = 0;
        foreach (var right in new[] { OptionRight.Put, OptionRight.Call })
        foreach (double moneyness in new[] { 0.5, 0.9, 1.1, 2.0 })
        foreach (double vol in new[] { 0.05, 0.3, 1.5 })
        foreach (double r in new[] { -0.02, 0.03, 0.1 })
        foreach (double q in new[] { 0.0, 0.05, 0.1 })
        {
            var inputs = BlackVanillaOptionInputs.WithDividendYield(right, 100.0 * moneyness, 100.0, t, vol, r, q);
            double reference = QuantLibGateway.Instance.PriceAmericanQdFp(inputs, 10, 30, 1e-10);
            if (reference > UpperBound(inputs))
            {
                skipped++;
                output.WriteLine($"QuantLib above the no-arbitrage bound, skipped: {Describe(inputs)} QuantLib {reference:R}");
                continue;
            }

            worst[0] = worst[0].Add(inputs, reference, QdFpAmericanPricer.Default.PresentValue(inputs));
            worst[1] = worst[1].Add(inputs, reference, QdFpAmericanPricer.HighPrecision.PresentValue(inputs));
        }

        output.WriteLine($"T = {days} d: default {worst[0]}; high precision {worst[1]}; skipped {skipped}");
        Assert.True(worst[0].Relative <= defaultRelative && worst[0].Absolute <= defaultAbsolute, $"default: {worst[0]}");
        Assert.True(worst[1].Relative <= highRelative && worst[1].Absolute <= highAbsolute, $"high precision: {worst[1]}");
        Assert.True(skipped <= 1, $"{skipped} QuantLib prices above the bound");
    }

    [Theory]
    [InlineData(OptionRight.Put, 100.0, 0.25, 0.05, 0.05, 1.0)]
    [InlineData(OptionRight.Put, 95.0, 0.25, 0.075, 0.05, 1.0)]
    [InlineData(OptionRight.Call, 110.0, 0.6, 0.03, 0.08, 5.0)]
    public void QdFp_HighPrecision_MatchesQuantLibAtAConvergedScheme(OptionRight right, double spot, double vol, double r, double q, double t)
    {
        QuantLibRequirement.Require();
        var inputs = BlackVanillaOptionInputs.WithDividendYield(right, spot, 100.0, t, vol, r, q);
        double reference = QuantLibGateway.Instance.PriceAmericanQdFp(inputs, 16, 48, 1e-12);

        QuantLibRequirement.Close(reference, QdFpAmericanPricer.HighPrecision.PresentValue(inputs), 2e-9, 0.0, "qd-fp high precision");
        QuantLibRequirement.Close(reference, QdFpAmericanPricer.Default.PresentValue(inputs), 1e-7, 0.0, "qd-fp default");
    }

    [Fact]
    public void QuantLibQdFp_ThroughThePricer_MatchesOurEngine()
    {
        QuantLibRequirement.Require();
        var inputs = BlackVanillaOptionInputs.WithDividendYield(OptionRight.Put, 95.0, 100.0, 1.0, 0.3, 0.05, 0.01);
        var quantLib = QuantLibRequirement.Pricer.Price(inputs, QuantLibExerciseStyle.American, QuantLibEngine.QuantLibQdFp);
        var ours = QdFpAmericanPricer.Default.Price(inputs);

        // quantlib-qd-fp runs QuantLib's accurate scheme (Legendre-tanh-sinh (25, 5, 13)-1e-8), good to a few 1e-6 here.
        QuantLibRequirement.Close(quantLib.Price, ours.Price, 1e-5, 0.0, "price");
        QuantLibRequirement.Close(quantLib.Greeks.Delta, ours.Greeks.Delta, 1e-4, 0.0, "delta");
        QuantLibRequirement.Close(quantLib.Greeks.Vega, ours.Greeks.Vega, 1e-3, 0.0, "vega");
        Assert.Equal(QuantLibGreeks.All, quantLib.BumpedGreeks);
    }

    private static double UpperBound(BlackVanillaOptionInputs inputs)
    {
        double q = inputs.Rate - inputs.CostOfCarry;
        return inputs.Right == OptionRight.Call
            ? inputs.Spot * Math.Max(1.0, Math.Exp(-q * inputs.TenorYears))
            : inputs.Strike * Math.Max(1.0, Math.Exp(-inputs.Rate * inputs.TenorYears));
    }

    private static string Describe(BlackVanillaOptionInputs x) =>
        $"{x.Right} S={x.Spot} σ={x.Volatility} r={x.Rate} q={x.Rate - x.CostOfCarry:0.###}";

    /// <summary>The largest relative (prices ≥ 1e-6·K) and absolute (per unit of strike) differences seen.</summary>
    private readonly record struct Worst(double Relative, double Absolute, string? Where)
    {
        internal Worst Add(BlackVanillaOptionInputs inputs, double reference, double ours)
        {
            double absolute = Math.Abs(ours - reference) / inputs.Strike;
            double relative = reference >= PriceFloor * inputs.Strike ? Math.Abs(ours - reference) / reference : 0.0;
            if (!double.IsFinite(ours))
            {
                relative = absolute = double.PositiveInfinity;
            }

            return new Worst(
                Math.Max(Relative, relative),
                Math.Max(Absolute, absolute),
                relative > Relative ? $"{Describe(inputs)} QuantLib {reference:R} ours {ours:R}" : Where);
        }

        public override string ToString() => $"max relative {Relative:E2} ({Where}), max absolute/K {Absolute:E2}";
    }
}
