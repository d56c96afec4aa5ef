using Analytics.Pricing.Black;
using Analytics.Pricing.Engines;

namespace Analytics.Pricing.Tests.QuantLibCrossCheck;

/// <summary>
/// The exercise styles <see cref="EngineRegistry"/> declares for the <c>quantlib-*</c> engines are exactly those the
/// QuantLib gateway accepts: a declared pair prices, any other pair is refused as out of range.
/// </summary>
public sealed class QuantLibEngineStyleTests
{
    public static TheoryData<PricingEngine, OptionExerciseStyle> QuantLibEnginesByStyle()
    {
        var data = new TheoryData<PricingEngine, OptionExerciseStyle>();
        foreach (var engine in EngineRegistry.All.Where(e => e.Has(EngineCapabilities.RequiresQuantLib)))
        foreach (var style in Enum.GetValues<OptionExerciseStyle>())
        {
            data.Add(engine.Engine, style);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(QuantLibEnginesByStyle))]
    public void Price_QuantLibEngineAndStyle_PricesExactlyWhenTheRegistryDeclaresTheStyle(PricingEngine engine, OptionExerciseStyle style)
    {
        QuantLibRequirement.Require();
        var inputs = new BlackVanillaOptionInputs(OptionRight.Put, 100.0, 105.0, 0.5, 0.3, 0.05, 0.05, CarryConvention.RateMinusDividendYield);

        if (EngineRegistry.Of(engine).Prices(style))
            Assert.True(QuantLibRequirement.Pricer.Price(inputs, style, engine).Price > 0.0);
        else
            Assert.Throws<ArgumentOutOfRangeException>(() => QuantLibRequirement.Pricer.Price(inputs, style, engine));
    }

    [Theory]
    [InlineData(PricingEngine.QuantLibBaw, OptionRight.Call, 0.05, 0.0, 0.04)]
    [InlineData(PricingEngine.QuantLibBjerksundStensland, OptionRight.Call, 0.05, 0.0, 0.04)]
    [InlineData(PricingEngine.QuantLibBjerksundStensland, OptionRight.Put, -0.01, 0.05, 0.05)]
    public void Price_ApproximationFirstOnItsEuropeanShortCutThenOffIt_PricesBoth(
        PricingEngine engine, OptionRight right, double firstRate, double secondRate, double dividendYield)
    {
        // QuantLib's approximations give the Black formula and its Greeks when early exercise is never optimal (a call
        // with q ≤ 0, a put with r ≤ 0) and a price alone otherwise; the gateway learnt which Greeks an engine provides on
        // the first call only, so the second, off the short-cut, failed with "delta not provided".
        QuantLibRequirement.Require();
        var first = new BlackVanillaOptionInputs(right, 100.0, 110.0, 0.5, 0.35, firstRate,
            right == OptionRight.Call ? firstRate : firstRate - dividendYield, CarryConvention.RateMinusDividendYield);
        var second = new BlackVanillaOptionInputs(right, 100.0, 110.0, 0.5, 0.35, secondRate, secondRate - dividendYield,
            CarryConvention.RateMinusDividendYield);

        var onShortCut = QuantLibRequirement.Pricer.Price(first, OptionExerciseStyle.American, engine);
        var offShortCut = QuantLibRequirement.Pricer.Price(second, OptionExerciseStyle.American, engine);

        QuantLibRequirement.Close(BlackVanillaOptionPricer.Default.Price(first).Price, onShortCut.Price, 1e-9, 1e-12, "European short-cut");
        Assert.True(offShortCut.Price >= BlackVanillaOptionPricer.Default.Price(second).Price - 1e-12);
    }

    [Theory]
    [InlineData(PricingEngine.Analytic)]
    [InlineData(PricingEngine.Binomial)]
    public void Price_OneOfOurEnginesThroughQuantLib_ThrowsArgumentOutOfRange(PricingEngine engine)
    {
        var inputs = new BlackVanillaOptionInputs(OptionRight.Call, 100.0, 100.0, 0.5, 0.3, 0.05, 0.05, CarryConvention.RateMinusDividendYield);

        Assert.Throws<ArgumentOutOfRangeException>(() => QuantLibRequirement.Pricer.Price(inputs, OptionExerciseStyle.European, engine));
    }
}
