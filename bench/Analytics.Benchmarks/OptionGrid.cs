using Analytics.Pricing;
using Analytics.Pricing.Black;

namespace Analytics.Benchmarks;

/// <summary>A fixed, varied set of European options (moneyness, tenors, vols, rates, both rights): the same for every run.</summary>
internal static class OptionGrid
{
    public static BlackVanillaOptionInputs[] Create(int count)
    {
        var random = new Random(42);
        var options = new BlackVanillaOptionInputs[count];
        for (var i = 0; i < count; i++)
        {
            var spot = 100.0;
            var strike = spot * Math.Exp(0.4 * (random.NextDouble() - 0.5));
            var tenorYears = 0.02 + 2.0 * random.NextDouble();
            var vol = 0.1 + 1.0 * random.NextDouble();
            var rate = 0.08 * random.NextDouble();
            var dividendYield = 0.04 * random.NextDouble();
            options[i] = BlackVanillaOptionInputs.WithDividendYield(
                i % 2 == 0 ? OptionRight.Call : OptionRight.Put, spot, strike, tenorYears, vol, rate, dividendYield);
        }
        return options;
    }
}
