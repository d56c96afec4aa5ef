using Analytics.Pricing.Black;
using Analytics.Pricing.QuantLib;

namespace Analytics.Pricing.Tests.QuantLibCrossCheck;

/// <summary>
/// The reused-graph path the benchmark measures (one AnalyticEuropeanEngine graph, quotes changed per option) gives
/// the same prices as our engine to 1e-10 relative: the benchmark compares engines that agree.
/// </summary>
public sealed class QuantLibBestCaseTests
{
    [Theory]
    [InlineData(OptionRight.Call, 100.0, 0.1)]
    [InlineData(OptionRight.Put, 3000.0, 0.75)]
    [InlineData(OptionRight.Call, 50.0, 2.0)]
    public void PriceEuropeanSharingContract_VaryingQuotes_AgreesWithOurAnalyticEngine(OptionRight right, double strike, double tenorYears)
    {
        QuantLibRequirement.Require();
        const int count = 500;
        var random = new Random(7);
        var spots = new double[count];
        var vols = new double[count];
        var rates = new double[count];
        var carries = new double[count];
        for (var i = 0; i < count; i++)
        {
            spots[i] = strike * Math.Exp(0.3 * (random.NextDouble() - 0.5));
            vols[i] = 0.1 + random.NextDouble();
            rates[i] = 0.08 * random.NextDouble();
            carries[i] = rates[i] - 0.04 * random.NextDouble();
        }
        var prices = new double[count];

        QuantLibGateway.Instance.PriceEuropeanSharingContract(right, strike, tenorYears, spots, vols, rates, carries, prices);

        for (var i = 0; i < count; i++)
        {
            var ours = BlackVanillaOptionPricer.Default.Price(new BlackVanillaOptionInputs(
                right, spots[i], strike, tenorYears, vols[i], rates[i], carries[i], CarryConvention.RateMinusDividendYield)).Price;
            Assert.True(Math.Abs(prices[i] - ours) <= 1e-10 * ours + 1e-13, $"option {i}: QuantLib {prices[i]:R}, ours {ours:R}");
        }
    }
}
