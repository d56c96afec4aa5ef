using Analytics.Pricing.Market;
using Analytics.Pricing.Risk;
using Analytics.Pricing.Risk.Var;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Statistics;

namespace Analytics.Pricing.Tests.Risk.Var;

/// <summary>
/// VaR estimators against published worked examples (J. Hull, "Options, Futures, and Other Derivatives", the
/// model-building approach: a $10 million Microsoft position with 2 % daily vol, and with $5 million of AT&amp;T at 1 %
/// and correlation 0.3), closed forms, MathNet's empirical quantile as an independent reference, and invariants
/// (contributions sum to the totals, ES ≥ VaR, doubling the book doubles VaR).
/// </summary>
public sealed class VarEstimatorTests
{
    private static readonly DateTimeOffset Valuation = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    private static ScenarioValues LinearBook(double[] quantities, double[] spots, double[][] returns)
    {
        string[] names = [.. Enumerable.Range(0, spots.Length).Select(i => $"U{i}")];
        var market = new BookMarket(Valuation,
            names.Select((n, i) => (n, new UnderlyingMarket(spots[i], 0.0, 0.0))).ToDictionary(x => x.n, x => x.Item2),
            new Dictionary<OptionContract, double>());
        var book = quantities.Select((q, i) => RiskPosition.OfSpot(names[i % names.Length], q)).ToArray();
        var scenarios = returns.Select(r => new MarketScenario(0.0, names.Select((n, i) => (n, new UnderlyingShift(r[i], 0.0))).ToDictionary(x => x.n, x => x.Item2))).ToArray();
        return ScenarioValuation.Of(book, market).Value(scenarios, 1);
    }

    [Fact]
    public void DeltaNormal_HullSingleAsset_TenDay99PercentVar()
    {
        // Hull: $10m, daily σ 2 % → one-day SD $200,000; 10-day 99 % VaR = 200,000·√10·2.326 ≈ $1,471,300.
        var covariance = Matrix<double>.Build.DenseOfArray(new[,] { { 0.02 * 0.02 } });

        var estimate = DeltaNormalVar.Estimate([(0, 10_000_000.0)], covariance, 10, 0.99);

        Assert.Equal(1_471_300, estimate.ValueAtRisk, 1_471_300 * 1e-3);
        Assert.Equal(estimate.ValueAtRisk, Assert.Single(estimate.VarContributions), 1e-6);
    }

    [Fact]
    public void DeltaNormal_HullTwoAssets_DiversifiedVarAndContributionsSumToIt()
    {
        // Hull: Microsoft $10m (σ 2 %), AT&T $5m (σ 1 %), ρ = 0.3: one-day SD √(200,000² + 50,000² + 2·0.3·200,000·50,000)
        // = $220,227; 10-day 99 % VaR ≈ $1,620,000, against $1,471,300 + $367,800 undiversified.
        var covariance = Matrix<double>.Build.DenseOfArray(new[,] { { 0.0004, 0.3 * 0.02 * 0.01 }, { 0.3 * 0.02 * 0.01, 0.0001 } });

        var estimate = DeltaNormalVar.Estimate([(0, 10_000_000.0), (1, 5_000_000.0)], covariance, 10, 0.99);

        Assert.Equal(1_620_000, estimate.ValueAtRisk, 1_620_000 * 1e-3);
        Assert.Equal(estimate.ValueAtRisk, estimate.VarContributions.Sum(), 1e-6);
        Assert.Equal(estimate.ExpectedShortfall, estimate.ShortfallContributions.Sum(), 1e-6);
        Assert.True(estimate.ValueAtRisk < 1_471_300 + 367_800);
        // ES of a normal at 99 %: σ·φ(2.3263)/0.01 = 2.6652σ (Hull, expected shortfall of a normal distribution).
        Assert.Equal(2.6652 / 2.3263, estimate.ExpectedShortfall / estimate.ValueAtRisk, 1e-3);
    }

    [Fact]
    public void Historical_500Scenarios_VarIsTheFifthWorstLossAndMatchesMathNetR1()
    {
        var random = new Random(7);
        var returns = Enumerable.Range(0, 500).Select(_ => new[] { 0.03 * (random.NextDouble() - 0.5), 0.05 * (random.NextDouble() - 0.5) }).ToArray();
        var values = LinearBook([2.0, -3.0], [3000, 100], returns);
        var pnl = returns.Select(r => 2.0 * 3000 * r[0] - 3.0 * 100 * r[1]).ToArray();

        var (estimate, tail) = HistoricalVar.Estimate(values, 0.99);

        var losses = pnl.Select(x => -x).OrderDescending().ToArray();
        Assert.Equal(losses[4], estimate.ValueAtRisk, 1e-9); // Hull: with 500 scenarios, the fifth-worst loss
        Assert.Equal(-Statistics.QuantileCustom(pnl, 0.01, QuantileDefinition.R1), estimate.ValueAtRisk, 1e-9);
        Assert.Equal(losses.Take(5).Average(), estimate.ExpectedShortfall, 1e-9);
        Assert.Equal(5, tail.Length);
        Assert.Equal(estimate.ValueAtRisk, estimate.VarContributions.Sum(), 1e-9);
        Assert.Equal(estimate.ExpectedShortfall, estimate.ShortfallContributions.Sum(), 1e-9);
        Assert.True(estimate.ExpectedShortfall >= estimate.ValueAtRisk);
    }

    [Theory]
    [InlineData(250, 0.99, 3)]
    [InlineData(500, 0.99, 5)]
    [InlineData(1000, 0.975, 25)]
    [InlineData(10, 0.99, 1)]
    public void TailCount_IsTheCeilingOfTheTailShare(int scenarios, double confidence, int expected) =>
        Assert.Equal(expected, HistoricalVar.TailCount(scenarios, confidence));

    [Fact]
    public void Historical_DoublingTheBook_DoublesVarAndEs()
    {
        var random = new Random(11);
        var returns = Enumerable.Range(0, 300).Select(_ => new[] { 0.04 * (random.NextDouble() - 0.5) }).ToArray();

        var single = HistoricalVar.Estimate(LinearBook([1.5], [2000], returns), 0.975).Estimate;
        var doubled = HistoricalVar.Estimate(LinearBook([3.0], [2000], returns), 0.975).Estimate;

        Assert.Equal(2 * single.ValueAtRisk, doubled.ValueAtRisk, 1e-9);
        Assert.Equal(2 * single.ExpectedShortfall, doubled.ExpectedShortfall, 1e-9);
    }

    [Fact]
    public void Covariance_SampleAndEwma_OnKnownReturns()
    {
        var returns = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2 }, { 2, 4 }, { 3, 6 } });

        var sample = ReturnCovariance.Sample(returns);
        var constant = ReturnCovariance.Ewma(Matrix<double>.Build.Dense(40, 1, 0.02), 0.94);
        var twoDays = ReturnCovariance.Ewma(Matrix<double>.Build.DenseOfArray(new double[,] { { 0.01 }, { 0.03 } }), 0.9);

        Assert.Equal(1.0, sample[0, 0], 12); // variance of 1, 2, 3 with divisor n − 1
        Assert.Equal(4.0, sample[1, 1], 12);
        Assert.Equal(2.0, sample[0, 1], 12);
        Assert.Equal(0.02 * 0.02, constant[0, 0], 15); // normalised weights: a constant return is its own variance
        // Weights (1 − λ)λ^age / (1 − λ²) with λ = 0.9: 0.1/0.19 on the newest, 0.09/0.19 on the older.
        Assert.Equal((0.1 * 0.0009 + 0.09 * 0.0001) / 0.19, twoDays[0, 0], 15);

        // Two underlyings, three days, λ = 0.5: weights 4/7, 2/7, 1/7 from the newest day back (0.5·0.5^age / (1 − 0.5³)).
        var three = ReturnCovariance.Ewma(Matrix<double>.Build.DenseOfArray(new double[,] { { 0.01, 0.02 }, { -0.02, 0.01 }, { 0.03, -0.01 } }), 0.5);
        Assert.Equal((0.0001 + 2 * 0.0004 + 4 * 0.0009) / 7, three[0, 0], 15);
        Assert.Equal((0.0004 + 2 * 0.0001 + 4 * 0.0001) / 7, three[1, 1], 15);
        Assert.Equal((0.0002 - 2 * 0.0002 - 4 * 0.0003) / 7, three[0, 1], 15);
        Assert.Equal(three[0, 1], three[1, 0]);
    }
}
