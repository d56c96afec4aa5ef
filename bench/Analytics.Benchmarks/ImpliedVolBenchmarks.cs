using Analytics.Pricing;
using Analytics.Pricing.Black;
using Analytics.Pricing.ImpliedVol;
using BenchmarkDotNet.Attributes;

namespace Analytics.Benchmarks;

/// <summary>
/// Implied vol per inversion on a realistic grid of Black-76 prices (the <see cref="OptionGrid"/> options: strikes within
/// ±20 % of the forward, tenors 1 week–2 years, vols 10–110 %, both rights), priced by our pricer: Jäckel's
/// "Let's Be Rational" (<see cref="ImpliedVolatility.SolveBlack76"/>) against the plain safeguarded Newton baseline
/// (<see cref="NewtonRaphsonImpliedVolatility.SolveBlack76"/>). Per-inversion time = Mean / 1,000.
/// </summary>
[MemoryDiagnoser]
public class ImpliedVolBenchmarks
{
    private const int Inversions = 1_000;
    private (double Price, double Forward, double Strike, double Tenor, double DiscountFactor, OptionRight Right)[] _quotes = [];

    [GlobalSetup]
    public void Setup() => _quotes = OptionGrid.Create(Inversions)
        .Select(o =>
        {
            var r = BlackVanillaOptionPricer.Default.Price(o);
            return (r.Price, r.Forward, o.Strike, o.TenorYears, r.DiscountFactor, o.Right);
        })
        .ToArray();

    [Benchmark(Baseline = true, OperationsPerInvoke = Inversions, Description = "Newton-Raphson baseline")]
    public double Newton()
    {
        var sum = 0.0;
        foreach (var q in _quotes)
        {
            sum += NewtonRaphsonImpliedVolatility.SolveBlack76(q.Price, q.Forward, q.Strike, q.Tenor, q.DiscountFactor, q.Right).LognormalVol;
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Inversions, Description = "ImpliedVolatility.SolveBlack76 (Let's Be Rational)")]
    public double LetsBeRational()
    {
        var sum = 0.0;
        foreach (var q in _quotes)
        {
            sum += ImpliedVolatility.SolveBlack76(q.Price, q.Forward, q.Strike, q.Tenor, q.DiscountFactor, q.Right).LognormalVol;
        }
        return sum;
    }
}
