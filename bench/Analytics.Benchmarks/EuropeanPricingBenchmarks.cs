using Analytics.Pricing;
using Analytics.Pricing.Black;
using BenchmarkDotNet.Attributes;

namespace Analytics.Benchmarks;

/// <summary>
/// Scalar price + Greeks per option: our <see cref="BlackVanillaOptionPricer"/> (price and all nine Greeks) against
/// the MathNet <c>Normal.CDF</c> textbook formula (price and five first-order Greeks). Per-option time = Mean / 1,000.
/// </summary>
[MemoryDiagnoser]
public class EuropeanPricingBenchmarks
{
    private const int Options = 1_000;
    private BlackVanillaOptionInputs[] _options = [];

    [GlobalSetup]
    public void Setup() => _options = OptionGrid.Create(Options);

    [Benchmark(Baseline = true, OperationsPerInvoke = Options, Description = "MathNet Normal.CDF formula (price + 5 Greeks)")]
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

    [Benchmark(OperationsPerInvoke = Options, Description = "BlackVanillaOptionPricer (price + 9 Greeks)")]
    public double OurScalarPricer()
    {
        var sum = 0.0;
        foreach (var o in _options)
        {
            var r = BlackVanillaOptionPricer.Default.Price(o);
            sum += r.Price + r.Greeks.Delta + r.Greeks.Gamma + r.Greeks.Vega + r.Greeks.Theta + r.Greeks.Rho;
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Options, Description = "BlackVanillaOptionPricer.PriceFirstOrder (price + 5 Greeks + carry rho)")]
    public double OurFirstOrderPricer()
    {
        var sum = 0.0;
        foreach (var o in _options)
        {
            var r = BlackVanillaOptionPricer.Default.PriceFirstOrder(o);
            sum += r.Price + r.Delta + r.Gamma + r.Vega + r.Theta + r.Rho;
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Options, Description = "BlackVanillaOptionPricer.PresentValue (price only)")]
    public double OurPresentValue()
    {
        var sum = 0.0;
        foreach (var o in _options)
        {
            sum += BlackVanillaOptionPricer.Default.PresentValue(o);
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Options, Description = "BlackScholesMerton.Price (price only)")]
    public double OurPriceOnly()
    {
        var sum = 0.0;
        foreach (var o in _options)
        {
            var df = Math.Exp(-o.Rate * o.TenorYears);
            sum += BlackScholesMerton.Price(o.Spot * Math.Exp(o.CostOfCarry * o.TenorYears), o.Strike, o.TenorYears, o.Volatility, df, o.Right == OptionRight.Call);
        }
        return sum;
    }
}
