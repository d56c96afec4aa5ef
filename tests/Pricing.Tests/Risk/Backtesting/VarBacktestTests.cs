using Analytics.Pricing.Risk.Backtesting;

namespace Analytics.Pricing.Tests.Risk.Backtesting;

/// <summary>
/// Kupiec, Christoffersen and the Basel traffic light against published figures: MathWorks' Risk Management Toolbox
/// documentation (varbacktest <c>pof</c>, <c>cci</c> and <c>cc</c> examples on its VaRBacktestData, and
/// <c>risk.validation.proportionOfFailuresTest</c>), Kupiec's non-rejection regions as tabulated in P. Jorion, "Value at
/// Risk", 3rd ed., Table 6-2, and the Basel Committee's 1996 backtesting framework, Tables 1 and 2.
/// </summary>
public sealed class VarBacktestTests
{
    /// <summary>A series of <paramref name="days"/> with exceptions on the given days (0-based).</summary>
    private static bool[] Series(int days, params int[] exceptionDays)
    {
        var series = new bool[days];
        foreach (int d in exceptionDays) series[d] = true;
        return series;
    }

    [Theory]
    // varbacktest pof, EquityIndex: Normal95 (57 failures in 1043) and Normal99 (17 in 1043).
    [InlineData(1043, 57, 0.95, 0.46147, 0.49694)]
    [InlineData(1043, 17, 0.99, 3.5118, 0.060933)]
    // risk.validation.proportionOfFailuresTest([0.05, 0.01], 3, 250).
    [InlineData(250, 3, 0.95, 10.812, 0.0010083)]
    [InlineData(250, 3, 0.99, 0.09494, 0.75799)]
    public void ProportionOfFailures_MatchesMathWorksExamples(int days, int exceptions, double varConfidence, double lr, double pValue)
    {
        var result = VarBacktest.Evaluate(Series(days, [.. Enumerable.Range(0, exceptions).Select(i => 2 * i)]), varConfidence, 0.95);

        Assert.Equal(lr, result.ProportionOfFailures.Statistic, lr * 5e-4);
        Assert.Equal(pValue, result.ProportionOfFailures.PValue, pValue * 5e-4);
        Assert.Equal(1, result.ProportionOfFailures.DegreesOfFreedom);
    }

    [Fact]
    public void IndependenceAndConditionalCoverage_MatchMathWorksCciAndCcExample()
    {
        // varbacktest cci/cc, EquityIndex vs Normal95: 1043 days, 57 failures, N00 = 932, N10 = 53, N01 = 53, N11 = 4;
        // LRatioCCI 0.25866 (p 0.61104), LRatioCC 0.72013 (p 0.69763). A series with those counts: 53 runs of
        // exceptions (4 of length 2, 49 of length 1) separated by quiet days, starting and ending quiet.
        var days = new List<bool> { false };
        for (int run = 0; run < 53; run++)
        {
            days.AddRange(Enumerable.Repeat(true, run < 4 ? 2 : 1));
            days.AddRange(Enumerable.Repeat(false, run < 52 ? 17 : 1043 - days.Count));
        }

        Assert.Equal(1043, days.Count);
        var result = VarBacktest.Evaluate(days, 0.95, 0.95);

        Assert.Equal(new ExceedanceTransitions(932, 53, 53, 4), result.Transitions);
        Assert.Equal(57, result.Exceptions);
        Assert.Equal(0.25866, result.Independence.Statistic, 5e-5);
        Assert.Equal(0.61104, result.Independence.PValue, 5e-5);
        Assert.Equal(0.72013, result.ConditionalCoverage.Statistic, 5e-5);
        Assert.Equal(0.69763, result.ConditionalCoverage.PValue, 5e-5);
        Assert.False(result.ConditionalCoverage.Rejected);
    }

    [Theory]
    // Jorion Table 6-2 (Kupiec's 95 % non-rejection regions): p = 0.01, T = 510: 1 < N < 11; T = 1000: 4 < N < 17;
    // p = 0.05, T = 255: 6 < N < 21; T = 1000: 37 < N < 65.
    [InlineData(0.99, 510, 1, 11)]
    [InlineData(0.99, 1000, 4, 17)]
    [InlineData(0.95, 255, 6, 21)]
    [InlineData(0.95, 1000, 37, 65)]
    public void ProportionOfFailures_RejectsExactlyOutsideKupiecsNonRejectionRegion(double varConfidence, int days, int below, int above)
    {
        bool Rejected(int exceptions) => VarBacktest.Evaluate(Series(days, [.. Enumerable.Range(0, exceptions)]), varConfidence, 0.95).ProportionOfFailures.Rejected;

        Assert.True(Rejected(below));
        Assert.False(Rejected(below + 1));
        Assert.False(Rejected(above - 1));
        Assert.True(Rejected(above));
    }

    [Theory]
    // Basel 1996, Table 2: 99 % VaR over 250 days; zone and plus factor by exception count.
    [InlineData(0, BaselZone.Green, 0.0)]
    [InlineData(4, BaselZone.Green, 0.0)]
    [InlineData(5, BaselZone.Yellow, 0.40)]
    [InlineData(6, BaselZone.Yellow, 0.50)]
    [InlineData(7, BaselZone.Yellow, 0.65)]
    [InlineData(8, BaselZone.Yellow, 0.75)]
    [InlineData(9, BaselZone.Yellow, 0.85)]
    [InlineData(10, BaselZone.Red, 1.00)]
    [InlineData(25, BaselZone.Red, 1.00)]
    public void TrafficLight_99PercentOver250Days_IsBaselTable2(int exceptions, BaselZone zone, double plusFactor)
    {
        var light = VarBacktest.Evaluate(Series(250, [.. Enumerable.Range(0, exceptions)]), 0.99, 0.95).TrafficLight;

        Assert.Equal(zone, light.Zone);
        Assert.Equal(plusFactor, light.PlusFactor);
    }

    [Fact]
    public void TrafficLight_CumulativeProbabilities_AreBaselTable1()
    {
        // Basel 1996, Table 1 (250 observations, 99 % coverage): cumulative probability 89.22 % at 4, 95.88 % at 5, 99.97 % at 9.
        Assert.Equal(0.8922, BaselTrafficLight.Of(4, 250, 0.99).CumulativeProbability, 1e-4);
        Assert.Equal(0.9588, BaselTrafficLight.Of(5, 250, 0.99).CumulativeProbability, 1e-4);
        Assert.Equal(0.9997, BaselTrafficLight.Of(9, 250, 0.99).CumulativeProbability, 1e-4);
        Assert.Null(BaselTrafficLight.Of(4, 500, 0.99).PlusFactor);
    }

    [Fact]
    public void DegenerateSeries_GiveFiniteDocumentedAnswers()
    {
        var none = VarBacktest.Evaluate(new bool[250], 0.99, 0.95);
        var all = VarBacktest.Evaluate(Enumerable.Repeat(true, 250).ToArray(), 0.99, 0.95);
        var single = VarBacktest.Evaluate([true], 0.99, 0.95);

        Assert.Equal(-2 * 250 * Math.Log(0.99), none.ProportionOfFailures.Statistic, 1e-12);
        Assert.Equal(0.0, none.Independence.Statistic);
        Assert.Equal(-2 * 250 * Math.Log(0.01), all.ProportionOfFailures.Statistic, 1e-9);
        Assert.Equal(0.0, all.Independence.Statistic);
        Assert.True(all.ProportionOfFailures.Rejected);
        Assert.Equal(BaselZone.Red, all.TrafficLight.Zone);
        Assert.Equal(0.0, single.Independence.Statistic);
        Assert.All(new[] { none, all, single }, r => Assert.True(double.IsFinite(r.ConditionalCoverage.PValue)));
    }

    [Fact]
    public void Independence_ClusteredExceptions_AreRejectedWhileTheirCountIsNot()
    {
        // 10 exceptions in 250 days at 4 %: the expected count exactly (LR_pof = 0), but in three clusters.
        var clustered = VarBacktest.Evaluate(Series(250, 40, 41, 42, 100, 101, 200, 201, 202, 203, 204), 0.96, 0.95);

        Assert.Equal(0.0, clustered.ProportionOfFailures.Statistic, 1e-12);
        Assert.False(clustered.ProportionOfFailures.Rejected);
        Assert.True(clustered.Independence.Rejected);
    }
}
