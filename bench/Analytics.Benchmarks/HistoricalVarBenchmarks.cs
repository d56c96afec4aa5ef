using Analytics.Pricing;
using Analytics.Pricing.Black;
using Analytics.Pricing.Engines;
using Analytics.Pricing.Market;
using Analytics.Pricing.Risk;
using Analytics.Pricing.Risk.Var;
using BenchmarkDotNet.Attributes;

namespace Analytics.Benchmarks;

/// <summary>
/// Issue 15 item 9: historical-simulation VaR with full revaluation of 10,000 European option positions on two
/// underlyings under 500 daily-return scenarios (spot moves only, as historical returns give), the estimate included
/// (<see cref="HistoricalVar.Estimate(ScenarioValuation, IReadOnlyList{MarketScenario}, double, CancellationToken)"/>: sort, quantile, contributions). Baseline: the single-threaded scalar pricer
/// loop over the same 5,000,000 valuations, summing each scenario's P&amp;L (no estimate). Mean is per whole VaR run.
/// </summary>
[MemoryDiagnoser]
public class HistoricalVarBenchmarks
{
    private const int Positions = 10_000;
    private const int Scenarios = 500;
    private static readonly DateTimeOffset Valuation = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    private readonly List<RiskPosition> _book = [];
    private BookMarket _market = null!;
    private List<MarketScenario> _scenarios = [];
    private ScenarioValuation _valuation = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(15);
        var underlyings = new Dictionary<string, UnderlyingMarket> { ["ETH"] = new(3100, 0.0, 0.0), ["BTC"] = new(93_000, 0.0, 0.0) };
        var vols = new Dictionary<OptionContract, double>();
        for (int i = 0; i < Positions; i++)
        {
            string underlying = i % 2 == 0 ? "ETH" : "BTC";
            double strike = Math.Round(underlyings[underlying].Spot * Math.Exp(0.8 * (random.NextDouble() - 0.5)));
            var contract = new OptionContract(underlying, Valuation.AddHours(random.Next(24 * 2, 24 * 400)), strike,
                i % 4 < 2 ? OptionRight.Call : OptionRight.Put, OptionExerciseStyle.European, OptionSettlement.Cash);
            vols[contract] = 0.3 + 0.8 * random.NextDouble();
            _book.Add(RiskPosition.OfOption(contract, Math.Round(20 * random.NextDouble() - 10, 1)));
        }

        _market = new BookMarket(Valuation, underlyings, vols);
        _scenarios = Enumerable.Range(0, Scenarios).Select(_ =>
        {
            double z = 0.03 * (random.NextDouble() - 0.5) * 3.46;
            return new MarketScenario(0.0, new Dictionary<string, UnderlyingShift>
            {
                ["ETH"] = new(Math.Exp(z * 1.2) - 1, 0.0),
                ["BTC"] = new(Math.Exp(z) - 1, 0.0),
            });
        }).ToList();
        _valuation = ScenarioValuation.Of(_book, _market);
    }

    [Benchmark(Baseline = true, Description = "Scalar pricer loop, 10,000 positions × 500 scenarios, 1 thread")]
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

    [Benchmark(Description = "Historical VaR (ScenarioValuation matrix + estimate), 1 thread")]
    public double HistoricalVarOneThread() => HistoricalVar.Estimate(_valuation.Value(_scenarios, maxDegreeOfParallelism: 1), 0.99).Estimate.ValueAtRisk;

    [Benchmark(Description = "Historical VaR, streaming P&L + tail revaluation (the service's path), all cores")]
    public double HistoricalVarAllCores() => HistoricalVar.Estimate(_valuation, _scenarios, 0.99).Estimate.ValueAtRisk;
}
