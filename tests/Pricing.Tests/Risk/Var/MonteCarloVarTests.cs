using Analytics.Pricing.Market;
using Analytics.Pricing.Risk;
using Analytics.Pricing.Risk.Var;
using MathNet.Numerics.LinearAlgebra;

namespace Analytics.Pricing.Tests.Risk.Var;

/// <summary>
/// Monte Carlo VaR: on a linear book within three standard errors of the delta-normal closed form (issue 15 item 8),
/// reproducible from its seed whatever the thread count, antithetic pairs mirrored, and a covariance that is not
/// positive definite refused with a reason.
/// </summary>
public sealed class MonteCarloVarTests
{
    private static readonly DateTimeOffset Valuation = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
    private static readonly string[] Names = ["BTC", "ETH"];
    private static readonly double[] Spots = [90_000, 3_000];

    // Daily log-return vols 1 % and 1.3 %, correlation 0.8.
    private static readonly Matrix<double> Covariance = Matrix<double>.Build.DenseOfArray(new[,]
    {
        { 0.0001, 0.8 * 0.01 * 0.013 },
        { 0.8 * 0.01 * 0.013, 0.013 * 0.013 },
    });

    private static ScenarioValuation LinearBook(double btc, double eth)
    {
        var market = new BookMarket(Valuation,
            Names.Select((n, i) => (n, new UnderlyingMarket(Spots[i], 0.0, 0.0))).ToDictionary(x => x.n, x => x.Item2),
            new Dictionary<OptionContract, double>());
        return ScenarioValuation.Of([RiskPosition.OfSpot("BTC", btc), RiskPosition.OfPerpetual("ETH", eth)], market);
    }

    [Fact]
    public void LinearBook_IsWithinThreeStandardErrorsOfDeltaNormal()
    {
        var book = LinearBook(2.0, -10.0);
        var scenarios = MonteCarloScenarios.Generate(Names, Covariance, 1, 20_000, seed: 42);

        var values = book.Value(scenarios, cancellationToken: TestContext.Current.CancellationToken);
        var (mc, _) = HistoricalVar.Estimate(values, 0.99);
        var pnl = Enumerable.Range(0, values.ScenarioCount).Select(values.ProfitAndLoss).ToArray();
        var (varError, esError) = SimulationError.BatchMeans(pnl, 0.99);
        var normal = DeltaNormalVar.Estimate([(0, 2.0 * Spots[0]), (1, -10.0 * Spots[1])], Covariance, 1, 0.99);

        Assert.True(Math.Abs(mc.ValueAtRisk - normal.ValueAtRisk) <= 3 * varError,
            $"MC VaR {mc.ValueAtRisk:F2} ± {varError:F2} vs delta-normal {normal.ValueAtRisk:F2}");
        Assert.True(Math.Abs(mc.ExpectedShortfall - normal.ExpectedShortfall) <= 3 * esError,
            $"MC ES {mc.ExpectedShortfall:F2} ± {esError:F2} vs delta-normal {normal.ExpectedShortfall:F2}");
        Assert.InRange(varError, 1e-9, 0.05 * mc.ValueAtRisk);
    }

    [Fact]
    public void FewPaths_StandardErrorsOfVarAndEs_AreNotForcedEqual()
    {
        // 2,000 paths at 99 %: twenty blocks of 100 would each have VaR = ES (one scenario beyond the 99th percentile),
        // so the two errors came out identical; blocks of at least five tail scenarios tell them apart.
        var book = LinearBook(2.0, -10.0);
        var values = book.Value(MonteCarloScenarios.Generate(Names, Covariance, 1, 2_000, seed: 11), cancellationToken: TestContext.Current.CancellationToken);
        var pnl = Enumerable.Range(0, values.ScenarioCount).Select(values.ProfitAndLoss).ToArray();

        var (varError, esError) = SimulationError.BatchMeans(pnl, 0.99);
        var (forcedVar, forcedEs) = SimulationError.BatchMeans(pnl, 0.99, batches: 20);

        Assert.Equal(forcedVar, forcedEs);
        Assert.NotEqual(varError, esError);
        Assert.True(varError > 0 && esError > 0);
    }

    [Fact]
    public void SameSeed_SameNumbers_OnOneAndTwoThreads()
    {
        var book = LinearBook(1.0, 5.0);

        var one = book.Value(MonteCarloScenarios.Generate(Names, Covariance, 5, 2_000, seed: 7), maxDegreeOfParallelism: 1, cancellationToken: TestContext.Current.CancellationToken);
        var two = book.Value(MonteCarloScenarios.Generate(Names, Covariance, 5, 2_000, seed: 7), maxDegreeOfParallelism: 2, cancellationToken: TestContext.Current.CancellationToken);
        var other = book.Value(MonteCarloScenarios.Generate(Names, Covariance, 5, 2_000, seed: 8), maxDegreeOfParallelism: 2, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(HistoricalVar.Estimate(one, 0.99).Estimate.ValueAtRisk, HistoricalVar.Estimate(two, 0.99).Estimate.ValueAtRisk);
        Assert.All(Enumerable.Range(0, 2_000), s => Assert.Equal(one.ProfitAndLoss(s), two.ProfitAndLoss(s)));
        Assert.NotEqual(one.ProfitAndLoss(0), other.ProfitAndLoss(0));
    }

    [Fact]
    public void Antithetic_PairsMirrorTheLogReturns()
    {
        var scenarios = MonteCarloScenarios.Generate(Names, Covariance, 1, 10, seed: 1);

        for (int p = 0; p < 10; p += 2)
        {
            foreach (var name in Names)
            {
                double up = Math.Log(1 + scenarios[p].ShiftOf(name).SpotRelative), down = Math.Log(1 + scenarios[p + 1].ShiftOf(name).SpotRelative);
                Assert.Equal(-up, down, 1e-15);
            }
        }
    }

    [Fact]
    public void Covariance_NotPositiveDefinite_IsRefusedWithAReason()
    {
        var singular = Matrix<double>.Build.DenseOfArray(new[,] { { 0.0001, 0.0001 }, { 0.0001, 0.0001 } });

        var error = Assert.Throws<ArgumentException>(() => MonteCarloScenarios.Generate(Names, singular, 1, 100, seed: 1));

        Assert.Contains("positive definite", error.Message);
    }
}
