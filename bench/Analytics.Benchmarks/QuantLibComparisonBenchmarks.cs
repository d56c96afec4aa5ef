using Analytics.Pricing;
using Analytics.Pricing.Batch;
using Analytics.Pricing.Black;
using Analytics.Pricing.QuantLib;
using BenchmarkDotNet.Attributes;

namespace Analytics.Benchmarks;

/// <summary>
/// Issue #4: the same 100,000 European options priced by QuantLib's AnalyticEuropeanEngine through our bindings in its
/// best case (one object graph, quotes changed per option; contract shared so no SWIG object is built per option)
/// and by our scalar and batch engines. Per-option time = Mean / 100,000. Agreement to 1e-10: QuantLibBestCaseTests
/// (QuantLib vs scalar) and tests/Pricing.Tests/Batch (batch vs scalar).
/// </summary>
[MemoryDiagnoser]
public class QuantLibComparisonBenchmarks
{
    private const int Options = 100_000;
    private const OptionRight Right = OptionRight.Call;
    private const double Strike = 100.0;
    private const double TenorYears = 0.5;
    private readonly double[] _spots = new double[Options];
    private readonly double[] _vols = new double[Options];
    private readonly double[] _rates = new double[Options];
    private readonly double[] _carries = new double[Options];
    private readonly double[] _prices = new double[Options];
    private BlackVanillaOptionInputs[] _inputs = [];
    private BlackScholesBatchInputColumns _columns = null!;
    private BlackScholesBatchResultColumns _results = null!;

    [GlobalSetup]
    public void Setup()
    {
        if (!QuantLibVanillaOptionPricer.Default.IsAvailable)
            throw new InvalidOperationException($"QuantLib unavailable: {QuantLibVanillaOptionPricer.Default.UnavailableReason}");
        var random = new Random(42);
        _inputs = new BlackVanillaOptionInputs[Options];
        for (var i = 0; i < Options; i++)
        {
            _spots[i] = Strike * Math.Exp(0.4 * (random.NextDouble() - 0.5));
            _vols[i] = 0.1 + random.NextDouble();
            _rates[i] = 0.08 * random.NextDouble();
            _carries[i] = _rates[i] - 0.04 * random.NextDouble();
            _inputs[i] = new BlackVanillaOptionInputs(Right, _spots[i], Strike, TenorYears, _vols[i], _rates[i], _carries[i], CarryConvention.RateMinusDividendYield);
        }
        _columns = new BlackScholesBatchInputColumns(_spots, Enumerable.Repeat(Strike, Options).ToArray(), Enumerable.Repeat(TenorYears, Options).ToArray(),
            _vols, _rates, _carries, Enumerable.Repeat(Right == OptionRight.Call, Options).ToArray(), CarryConvention.RateMinusDividendYield);
        _results = BlackScholesBatchResultColumns.Allocate(Options);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Options, Description = "QuantLib AnalyticEuropeanEngine via SWIG (reused graph)")]
    public double QuantLibBestCase()
    {
        QuantLibGateway.Instance.PriceEuropeanSharingContract(Right, Strike, TenorYears, _spots, _vols, _rates, _carries, _prices);
        return _prices[Options - 1];
    }

    [Benchmark(OperationsPerInvoke = Options, Description = "Our scalar BlackVanillaOptionPricer (price + 9 Greeks)")]
    public double OurScalar()
    {
        var sum = 0.0;
        foreach (var inputs in _inputs) sum += BlackVanillaOptionPricer.Default.Price(inputs).Price;
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Options, Description = "Our scalar BlackVanillaOptionPricer.PresentValue (price only, like NPV)")]
    public double OurScalarPresentValue()
    {
        var sum = 0.0;
        foreach (var inputs in _inputs) sum += BlackVanillaOptionPricer.Default.PresentValue(inputs);
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Options, Description = "Our batch BlackScholesBatch.PresentValue, SIMD (Vector512 with AVX-512, else Vector256), 1 thread (price only)")]
    public double OurBatchPresentValue()
    {
        BlackScholesBatch.PresentValue(_columns.AsSpans(), _results.Price.Span);
        return _results.Price.Span[Options - 1];
    }

    [Benchmark(OperationsPerInvoke = Options, Description = "Our batch BlackScholesBatch.Price, SIMD (Vector512 with AVX-512, else Vector256), 1 thread (price + 9 Greeks)")]
    public double OurBatch()
    {
        BlackScholesBatch.Price(_columns.AsSpans(), _results.AsSpans());
        return _results.Price.Span[Options - 1];
    }

    [Benchmark(OperationsPerInvoke = Options, Description = "Our batch BlackScholesBatch.PriceParallel, 2 cores (price + 9 Greeks)")]
    public double OurBatchParallel()
    {
        BlackScholesBatch.PriceParallel(_columns, _results);
        return _results.Price.Span[Options - 1];
    }
}
