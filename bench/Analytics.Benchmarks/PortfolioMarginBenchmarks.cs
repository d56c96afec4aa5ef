using Analytics.Pricing;
using Analytics.Pricing.Engines;
using Analytics.Pricing.Margin;
using Analytics.Pricing.Market;
using Analytics.Pricing.Risk;
using BenchmarkDotNet.Attributes;

namespace Analytics.Benchmarks;

/// <summary>
/// Issue 16 item 7: Deribit-style portfolio margin of 10,000 European option positions on two underlyings: per underlying
/// the 27-point core grid (9 spot moves × vol up, unchanged, down, the vol shocks scaled by tenor) plus the 8-point
/// extended table, on the shared scenario engine (one valuation per vol shock, built once per book and cached, as a
/// request's book is). Mean is per whole margin evaluation; the first-call cost of building the shocked valuations is
/// measured apart.
/// </summary>
[MemoryDiagnoser]
public class PortfolioMarginBenchmarks
{
    private const int Positions = 10_000;
    private static readonly DateTimeOffset Valuation = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
    private static readonly Dictionary<string, double> None = [];

    private static readonly PortfolioMarginModel Model = new("deribit-portfolio", "deribit", "", "", [], null,
        [-0.16, -0.12, -0.08, -0.04, 0, 0.04, 0.08, 0.12, 0.16],
        [new VolShock("up", 0.38, true, 30, 0.3), new VolShock("unchanged", 0, true), new VolShock("down", -0.38, true, 30, 0.3)],
        [-0.66, -0.33, 0.5, 1, 2, 3, 4, 5], 0.3, 1.2);

    private readonly List<RiskPosition> _book = [];
    private BookMarket _market = null!;
    private MarginBook _warm = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(16);
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
        _warm = MarginBook.Of(_book, _book.Count, _market, new double[_book.Count], 0);
        MarginCalculator.Evaluate(Model, _warm, None);
    }

    [Benchmark(Baseline = true, Description = "Portfolio margin, 10,000 options, 2 × (27 + 8) scenarios, shocked valuations cached")]
    public double Warm() => MarginCalculator.Evaluate(Model, _warm, None).MaintenanceMarginUsd;

    [Benchmark(Description = "Portfolio margin, 10,000 options, including building the book and its shocked valuations")]
    public double Cold() => MarginCalculator.Evaluate(Model, MarginBook.Of(_book, _book.Count, _market, new double[_book.Count], 0), None).MaintenanceMarginUsd;
}
