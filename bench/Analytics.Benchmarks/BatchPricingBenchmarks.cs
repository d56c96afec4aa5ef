using Analytics.Pricing;
using Analytics.Pricing.Batch;
using Analytics.Pricing.Black;
using BenchmarkDotNet.Attributes;

namespace Analytics.Benchmarks;

/// <summary>
/// Per-option cost of pricing a batch (price + Greeks): the MathNet textbook baseline and our scalar pricer in a loop,
/// the SIMD batch kernel on one thread, and the same kernel over all cores. Per-option time = Mean / <see cref="Options"/>;
/// per option per core for the parallel row = Mean / Options × cores.
/// </summary>
[MemoryDiagnoser]
public class BatchPricingBenchmarks
{
    private BlackVanillaOptionInputs[] _options = [];
    private BlackScholesBatchInputColumns _columns = null!;
    private BlackScholesBatchResultColumns _results = null!;
    private double[][] _firstOrder = [];

    [Params(100_000)]
    public int Options { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _options = OptionGrid.Create(Options);
        _columns = new BlackScholesBatchInputColumns(
            _options.Select(o => o.Spot).ToArray(),
            _options.Select(o => o.Strike).ToArray(),
            _options.Select(o => o.TenorYears).ToArray(),
            _options.Select(o => o.Volatility).ToArray(),
            _options.Select(o => o.Rate).ToArray(),
            _options.Select(o => o.CostOfCarry).ToArray(),
            _options.Select(o => o.Right == OptionRight.Call).ToArray(),
            CarryConvention.RateMinusDividendYield);
        _results = BlackScholesBatchResultColumns.Allocate(Options);
        _firstOrder = Enumerable.Range(0, 7).Select(_ => new double[Options]).ToArray();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 100_000, Description = "MathNet baseline loop (price + 5 Greeks)")]
    public double MathNetBaseline()
    {
        var sum = 0.0;
        foreach (var o in _options)
        {
            var r = MathNetBlackScholesBaseline.Price(o.Right == OptionRight.Call, o.Spot, o.Strike, o.TenorYears, o.Volatility, o.Rate, o.CostOfCarry);
            sum += r.Price + r.Delta + r.Gamma + r.Vega + r.Theta + r.Rho;
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = 100_000, Description = "Scalar pricer loop (price + 9 Greeks)")]
    public double ScalarLoop()
    {
        var sum = 0.0;
        foreach (var o in _options)
        {
            var r = BlackVanillaOptionPricer.Default.Price(o);
            sum += r.Price + r.Greeks.Delta + r.Greeks.Gamma + r.Greeks.Vega + r.Greeks.Theta + r.Greeks.Rho;
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = 100_000, Description = "BlackScholesBatch.Price, SIMD (Vector512 with AVX-512, else Vector256), 1 thread (price + 9 Greeks)")]
    public double BatchSingleThread()
    {
        BlackScholesBatch.Price(_columns.AsSpans(), _results.AsSpans());
        return _results.Price.Span[^1];
    }

    [Benchmark(OperationsPerInvoke = 100_000, Description = "BlackScholesBatch.PriceFirstOrder, SIMD (Vector512 with AVX-512, else Vector256), 1 thread (price + 5 Greeks + carry rho)")]
    public double BatchFirstOrderSingleThread()
    {
        var c = _firstOrder;
        BlackScholesBatch.PriceFirstOrder(_columns.AsSpans(), new BlackScholesBatchFirstOrderResults(c[0], c[1], c[2], c[3], c[4], c[5], c[6]));
        return c[0][^1];
    }

    [Benchmark(OperationsPerInvoke = 100_000, Description = "BlackScholesBatch.PresentValue, SIMD (Vector512 with AVX-512, else Vector256), 1 thread (price only)")]
    public double BatchPresentValueSingleThread()
    {
        BlackScholesBatch.PresentValue(_columns.AsSpans(), _firstOrder[0]);
        return _firstOrder[0][^1];
    }

    [Benchmark(OperationsPerInvoke = 100_000, Description = "BlackVanillaBatchPricer.Price, SIMD with the scalar exp/log (bit-identical to the scalar pricer), 1 thread (price + 9 Greeks)")]
    public double BitIdenticalBatchSingleThread()
    {
        BlackVanillaBatchPricer.Default.Price(_columns.AsSpans(), _results.AsSpans());
        return _results.Price.Span[0] + _results.Delta.Span[^1];
    }

    [Benchmark(OperationsPerInvoke = 100_000, Description = "BlackVanillaBatchPricer.PresentValue, bit-identical, 1 thread (price only)")]
    public double BitIdenticalPresentValueSingleThread()
    {
        BlackVanillaBatchPricer.Default.PresentValue(_columns.AsSpans(), _firstOrder[0]);
        return _firstOrder[0][0] + _firstOrder[0][^1];
    }

    [Benchmark(OperationsPerInvoke = 100_000, Description = "BlackScholesBatch.PriceParallel, all cores (price + 9 Greeks)")]
    public double BatchParallel()
    {
        BlackScholesBatch.PriceParallel(_columns, _results);
        return _results.Price.Span[^1];
    }
}
