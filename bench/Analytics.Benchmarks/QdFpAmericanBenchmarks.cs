using Analytics.Pricing;
using Analytics.Pricing.American;
using Analytics.Pricing.Black;
using Analytics.Pricing.QuantLib;
using BenchmarkDotNet.Attributes;

namespace Analytics.Benchmarks;

/// <summary>
/// Issue 14 item 2: the fixed-point American engine (<c>qd-fp</c>) per option against the binomial engine and QuantLib's
/// finite differences in the same run, on 16 American puts and calls (S/K 0.8–1.2, σ 20–80 %, r 1–8 %, q 0–6 %, tenors
/// 0.1–10 years). Per-option time = Mean (OperationsPerInvoke = 16); baseline = the (16, 8, 16)-48 scheme that was the
/// default before issue 14 item 2's speed work (the error-against-cost frontier over a wider grid is <see cref="QdFpFrontier"/>). <see cref="Setup"/> prints each engine's largest
/// relative error against <see cref="QdFpAmericanPricer.HighPrecision"/> on the same options, so speed is read next to
/// accuracy ("equal accuracy" as the issue asks: the lattice and the grid are given the sizes that come nearest to
/// qd-fp's accuracy in reasonable time, and their measured errors are printed).
/// </summary>
[MemoryDiagnoser]
public class QdFpAmericanBenchmarks
{
    private const int Options = 16;
    private static readonly BinomialAmericanPricer FineBinomial = new(8000);

    /// <summary>The default scheme before issue 14 item 2's speed work, (l, m, n)-p = (16, 8, 16)-48: the in-run baseline.</summary>
    private static readonly QdFpAmericanPricer OldDefault = new(new QdFpScheme(chebyshevNodes: 16, fixedPointSteps: 8, quadratureOrder: 16, priceQuadratureOrder: 48));
    private BlackVanillaOptionInputs[] _inputs = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        double[] tenors = [0.1, 0.5, 1.0, 3.0, 10.0];
        _inputs = new BlackVanillaOptionInputs[Options];
        for (int i = 0; i < Options; i++)
        {
            var right = i % 2 == 0 ? OptionRight.Put : OptionRight.Call;
            _inputs[i] = BlackVanillaOptionInputs.WithDividendYield(
                right, 100.0 * (0.8 + 0.4 * random.NextDouble()), 100.0, tenors[i % tenors.Length], 0.2 + 0.6 * random.NextDouble(),
                0.01 + 0.07 * random.NextDouble(), 0.06 * random.NextDouble());
        }

        var reference = _inputs.Select(QdFpAmericanPricer.HighPrecision.PresentValue).ToArray();
        Report($"qd-fp default {QdFpScheme.Default}", QdFpAmericanPricer.Default.PresentValue, reference);
        Report("qd-fp old default (16, 8, 16)-48", OldDefault.PresentValue, reference);
        Report("qd-fp QuantLib high-precision scheme", QdFpAmericanPricer.QuantLibHighPrecision.PresentValue, reference);
        Report("binomial 1,000 steps", BinomialAmericanPricer.Default.PresentValue, reference);
        Report("binomial 8,000 steps", FineBinomial.PresentValue, reference);
        if (QuantLibVanillaOptionPricer.Default.IsAvailable)
        {
            // Issue 14's yardstick: QuantLib's QdFpAmericanEngine high precision itself.
            var quantLib = _inputs.Select(x => QuantLibGateway.Instance.PriceAmericanQdFp(x, 10, 30, 1e-10)).ToArray();
            Report("qd-fp default vs QuantLib HP", QdFpAmericanPricer.Default.PresentValue, quantLib, "QuantLib QdFp high precision");
            Report("qd-fp old default vs QuantLib HP", OldDefault.PresentValue, quantLib, "QuantLib QdFp high precision");
            Report("qd-fp QuantLib high-precision scheme vs QuantLib HP", QdFpAmericanPricer.QuantLibHighPrecision.PresentValue, quantLib,
                "QuantLib QdFp high precision");
            Report("binomial 8,000 steps vs QuantLib HP", FineBinomial.PresentValue, quantLib, "QuantLib QdFp high precision");
            Report("QuantLib FD vs QuantLib HP", QuantLibFdChosen, quantLib, "QuantLib QdFp high precision");
            Report("QuantLib FD chosen grid + Richardson", QuantLibFdChosen, reference);
            Report("QuantLib QdFp high precision", x => QuantLibGateway.Instance.PriceAmericanQdFp(x, 10, 30, 1e-10), reference);
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Options, Description = "qd-fp old default (16, 8, 16)-48, price only")]
    public double QdFpOldDefaultPresentValue() => Sum(OldDefault.PresentValue);

    [Benchmark(OperationsPerInvoke = Options, Description = "qd-fp default, price only")]
    public double QdFpPresentValue() => Sum(QdFpAmericanPricer.Default.PresentValue);

    [Benchmark(OperationsPerInvoke = Options, Description = "qd-fp QuantLib high-precision scheme (48, 10, 30)-128, price only")]
    public double QdFpQuantLibHighPrecisionPresentValue() => Sum(QdFpAmericanPricer.QuantLibHighPrecision.PresentValue);

    [Benchmark(OperationsPerInvoke = Options, Description = "qd-fp default, price + 9 Greeks")]
    public double QdFpWithGreeks() => Sum(x => QdFpAmericanPricer.Default.Price(x).Price);

    [Benchmark(OperationsPerInvoke = Options, Description = "binomial (BBSR) 1,000 steps, price only")]
    public double BinomialPresentValue() => Sum(BinomialAmericanPricer.Default.PresentValue);

    [Benchmark(OperationsPerInvoke = Options, Description = "binomial (BBSR) 8,000 steps, price only")]
    public double FineBinomialPresentValue() => Sum(FineBinomial.PresentValue);

    [Benchmark(OperationsPerInvoke = Options, Description = "QuantLib FD (quantlib-fd's grid, Richardson), NPV only")]
    public double QuantLibFdPresentValue() => Sum(QuantLibFdChosen);

    [Benchmark(OperationsPerInvoke = Options, Description = "QuantLib QdFpAmericanEngine high precision, NPV only")]
    public double QuantLibQdFpHighPrecision() => Sum(x => QuantLibGateway.Instance.PriceAmericanQdFp(x, 10, 30, 1e-10));

    private static double QuantLibFdChosen(BlackVanillaOptionInputs x)
    {
        var grid = QuantLibFdGrid.For(x.TenorYears);
        return QuantLibGateway.Instance.PriceAmericanFdOnGrid(x, grid.TimeSteps, grid.SpacePoints, extrapolate: true);
    }

    private double Sum(Func<BlackVanillaOptionInputs, double> price)
    {
        double sum = 0.0;
        foreach (var inputs in _inputs)
        {
            sum += price(inputs);
        }

        return sum;
    }

    private void Report(string engine, Func<BlackVanillaOptionInputs, double> price, double[] reference, string against = "qd-fp high precision")
    {
        double worst = 0.0;
        for (int i = 0; i < Options; i++)
        {
            worst = Math.Max(worst, Math.Abs(price(_inputs[i]) - reference[i]) / reference[i]);
        }

        Console.WriteLine($"// accuracy: {engine}: max relative error vs {against} {worst:E2}");
    }
}
