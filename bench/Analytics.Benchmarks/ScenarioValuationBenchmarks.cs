using Analytics.Pricing.Black;
using Analytics.Pricing.Engines;
using Analytics.Pricing.Market;
using Analytics.Pricing.Risk;
using Analytics.Pricing;
using BenchmarkDotNet.Attributes;

namespace Analytics.Benchmarks;

/// <summary>
/// Full revaluation of a book of 1,000 European options on two underlyings under 1,000 scenarios (spot ±30 %, vol
/// −10 … +20 points, time steps 0–10 days): the scalar pricer in a loop (baseline, inputs rebuilt per valuation as a
/// caller would) against <see cref="ScenarioValuation"/> on one thread and on every core. Time per valuation = Mean /
/// (positions × scenarios).
/// </summary>
[MemoryDiagnoser]
public class ScenarioValuationBenchmarks
{
    private const int Positions = 1_000;
    private const int Scenarios = 1_000;
    private static readonly DateTimeOffset Valuation = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    private readonly List<RiskPosition> _book = [];
    private BookMarket _market = null!;
    private List<MarketScenario> _scenarios = [];
    private ScenarioValuation _valuation = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var underlyings = new Dictionary<string, UnderlyingMarket>
        {
            ["ETH"] = new(3100, 0.04, 0.01),
            ["BTC"] = new(93_000, 0.035, -0.02),
        };
        var vols = new Dictionary<OptionContract, double>();
        for (int i = 0; i < Positions; i++)
        {
            string underlying = i % 2 == 0 ? "ETH" : "BTC";
            double strike = Math.Round(underlyings[underlying].Spot * Math.Exp(0.8 * (random.NextDouble() - 0.5)));
            var contract = new OptionContract(underlying, Valuation.AddHours(random.Next(24 * 14, 24 * 400)), strike,
                i % 4 < 2 ? OptionRight.Call : OptionRight.Put, OptionExerciseStyle.European, OptionSettlement.Cash);
            vols[contract] = 0.3 + 0.8 * random.NextDouble();
            _book.Add(RiskPosition.OfOption(contract, Math.Round(20 * random.NextDouble() - 10, 1)));
        }

        _market = new BookMarket(Valuation, underlyings, vols);
        _scenarios = Enumerable.Range(0, Scenarios).Select(_ => new MarketScenario(random.Next(0, 11) / 365.0,
            new Dictionary<string, UnderlyingShift>
            {
                ["ETH"] = new(0.6 * random.NextDouble() - 0.3, 0.3 * random.NextDouble() - 0.1),
                ["BTC"] = new(0.6 * random.NextDouble() - 0.3, 0.3 * random.NextDouble() - 0.1),
            })).ToList();
        _valuation = ScenarioValuation.Of(_book, _market);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Positions * Scenarios, Description = "Scalar pricer loop over scenarios × positions")]
    public double ScalarLoop()
    {
        double total = 0.0;
        foreach (var scenario in _scenarios)
        {
            foreach (var position in _book)
            {
                var option = position.Option!;
                var underlying = _market.Underlyings[position.Underlying];
                var shift = scenario.ShiftOf(position.Underlying);
                var inputs = new BlackVanillaOptionInputs(option.Right, underlying.Spot * (1.0 + shift.SpotRelative), option.Strike,
                    option.TenorYears(Valuation) - scenario.TimeStepYears, _market.LognormalVols[option] + shift.VolAbsolute,
                    underlying.Rate, underlying.CostOfCarry, CarryConvention.Fixed);
                total += position.Quantity * BlackVanillaOptionPricer.Default.PresentValue(inputs);
            }
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = Positions * Scenarios, Description = "ScenarioValuation, 1 thread")]
    public double ScenarioValuationOneThread() => _valuation.Value(_scenarios, maxDegreeOfParallelism: 1).ProfitAndLoss(Scenarios - 1);

    [Benchmark(OperationsPerInvoke = Positions * Scenarios, Description = "ScenarioValuation, all cores")]
    public double ScenarioValuationAllCores() => _valuation.Value(_scenarios).ProfitAndLoss(Scenarios - 1);
}
