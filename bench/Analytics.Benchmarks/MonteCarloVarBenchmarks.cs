using Analytics.Pricing;
using Analytics.Pricing.Black;
using Analytics.Pricing.Engines;
using Analytics.Pricing.Market;
using Analytics.Pricing.Risk;
using Analytics.Pricing.Risk.Var;
using BenchmarkDotNet.Attributes;
using MathNet.Numerics.LinearAlgebra;

namespace Analytics.Benchmarks;

/// <summary>
/// Issue 15 item 9: Monte Carlo VaR with full revaluation of 10,000 European option positions on two correlated
/// underlyings under 10,000 antithetic one-day paths (goal ≤ 2 s on 2 cores): path generation
/// (<see cref="MonteCarloScenarios.Generate"/>, Cholesky and Xoshiro256** from MathNet), revaluation
/// (<see cref="ScenarioValuation"/>) and the estimate (<see cref="HistoricalVar.Estimate(ScenarioValuation, IReadOnlyList{MarketScenario}, double, CancellationToken)"/>). Baseline: the single-threaded
/// scalar pricer loop over the same 100,000,000 valuations of the same paths (generated once in setup), keeping the worst
/// P&amp;L. One operation is a whole run (seconds): use few iterations, e.g.
/// <c>--filter '*MonteCarloVarBenchmarks*' --inProcess --warmupCount 1 --iterationCount 3</c>. The run streams the P&amp;L
/// (one row per worker, the tail scenarios valued again for the contributions) instead of holding the 800 MB position ×
/// path matrix.
/// </summary>
[MemoryDiagnoser]
public class MonteCarloVarBenchmarks
{
    private const int Positions = 10_000;
    private const int Paths = 10_000;
    private static readonly DateTimeOffset Valuation = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
    private static readonly string[] Underlyings = ["ETH", "BTC"];

    private readonly List<RiskPosition> _book = [];
    private BookMarket _market = null!;
    private Matrix<double> _covariance = null!;
    private IReadOnlyList<MarketScenario> _scenarios = [];
    private ScenarioValuation _valuation = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(16);
        var underlyings = new Dictionary<string, UnderlyingMarket> { ["ETH"] = new(3100, 0.0, 0.0), ["BTC"] = new(93_000, 0.0, 0.0) };
        var vols = new Dictionary<OptionContract, double>();
        for (int i = 0; i < Positions; i++)
        {
            string underlying = Underlyings[i % 2];
            double strike = Math.Round(underlyings[underlying].Spot * Math.Exp(0.8 * (random.NextDouble() - 0.5)));
            var contract = new OptionContract(underlying, Valuation.AddHours(random.Next(24 * 2, 24 * 400)), strike,
                i % 4 < 2 ? OptionRight.Call : OptionRight.Put, OptionExerciseStyle.European, OptionSettlement.Cash);
            vols[contract] = 0.3 + 0.8 * random.NextDouble();
            _book.Add(RiskPosition.OfOption(contract, Math.Round(20 * random.NextDouble() - 10, 1)));
        }

        _market = new BookMarket(Valuation, underlyings, vols);
        // Daily log-return covariance: ETH 4 %, BTC 3 %, correlation 0.8.
        _covariance = Matrix<double>.Build.DenseOfArray(new[,] { { 0.04 * 0.04, 0.8 * 0.04 * 0.03 }, { 0.8 * 0.04 * 0.03, 0.03 * 0.03 } });
        _scenarios = MonteCarloScenarios.Generate(Underlyings, _covariance, 1, Paths, seed: 1);
        _valuation = ScenarioValuation.Of(_book, _market);
    }

    [Benchmark(Baseline = true, Description = "Scalar pricer loop, 10,000 positions × 10,000 paths, 1 thread")]
    public double ScalarLoop()
    {
        double worst = double.PositiveInfinity;
        foreach (var scenario in _scenarios)
        {
            double total = 0.0;
            foreach (var position in _book)
            {
                var option = position.Option!;
                var underlying = _market.Underlyings[position.Underlying];
                var inputs = new BlackVanillaOptionInputs(option.Right, underlying.Spot * (1.0 + scenario.ShiftOf(position.Underlying).SpotRelative), option.Strike,
                    option.TenorYears(Valuation), _market.LognormalVols[option], underlying.Rate, underlying.CostOfCarry, CarryConvention.Fixed);
                total += position.Quantity * BlackVanillaOptionPricer.Default.PresentValue(inputs);
            }

            worst = Math.Min(worst, total);
        }

        return worst;
    }

    [Benchmark(Description = "Monte Carlo VaR (paths + streaming valuation + estimate), all cores")]
    public double MonteCarloVarAllCores()
    {
        var scenarios = MonteCarloScenarios.Generate(Underlyings, _covariance, 1, Paths, seed: 1);
        return HistoricalVar.Estimate(_valuation, scenarios, 0.99).Estimate.ValueAtRisk;
    }
}
