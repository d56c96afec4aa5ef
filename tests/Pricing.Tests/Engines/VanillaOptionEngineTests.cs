using Analytics.Pricing.American;
using Analytics.Pricing.Black;
using Analytics.Pricing.Engines;
using Analytics.Pricing.L2;

namespace Analytics.Pricing.Tests.Engines;

/// <summary>
/// Each of our engines prices the exercise style the registry declares for it, and each valuation carries the Greeks
/// method actually used for that option (the same with and without the L2 model), checked against the pricers called
/// directly.
/// </summary>
public sealed class VanillaOptionEngineTests
{
    private static BlackVanillaOptionInputs Option(OptionRight right, double strike, double rate, double dividendYield) =>
        new(right, 100.0, strike, 0.75, 0.3, rate, rate - dividendYield, CarryConvention.RateMinusDividendYield);

    public static TheoryData<PricingEngine> OwnEngines() =>
        [.. EngineRegistry.All.Where(e => e.Vanilla is not null).Select(e => e.Engine)];

    [Theory]
    [MemberData(nameof(OwnEngines))]
    public void Price_DeepInTheMoneyPutWithPositiveRate_ExercisesEarlyExactlyWhenDeclaredAmerican(PricingEngine engine)
    {
        // Merton 1973 / Hull §9.6: with r > 0 a deep in-the-money European put is worth less than K − S, an American one
        // at least K − S.
        var inputs = Option(OptionRight.Put, 200.0, 0.10, 0.0);
        double intrinsic = 100.0;
        double european = BlackVanillaOptionPricer.Default.Price(inputs).Price;
        Assert.True(european < intrinsic, $"European put {european} is not below intrinsic {intrinsic}");

        double price = EngineRegistry.Of(engine).Vanilla!.Price(inputs).Price;

        if (EngineRegistry.Of(engine).Prices(OptionExerciseStyle.American))
            Assert.True(price >= intrinsic - 1e-9, $"{engine}: {price} < intrinsic {intrinsic}");
        else
            Assert.Equal(european, price);
    }

    [Theory]
    [InlineData(PricingEngine.BjerksundStensland)]
    [InlineData(PricingEngine.BaroneAdesiWhaley)]
    [InlineData(PricingEngine.Binomial)]
    public void Price_AmericanCallWithCarryAtLeastRate_IsTheEuropeanClosedForm(PricingEngine engine)
    {
        // b = r ≥ 0 (no dividend): early exercise is never optimal (Merton 1973; Haug 2007 §3.1).
        var inputs = Option(OptionRight.Call, 110.0, 0.05, 0.0);
        var european = BlackVanillaOptionPricer.Default.Price(inputs);

        var valuation = EngineRegistry.Of(engine).Vanilla!.Price(inputs);

        Assert.Equal(GreeksMethod.ClosedForm, valuation.GreeksMethod);
        Assert.Equal(european.Price, valuation.Price);
        Assert.Equal(european.Greeks, valuation.Greeks);
    }

    [Theory]
    [InlineData(PricingEngine.BjerksundStensland)]
    [InlineData(PricingEngine.BaroneAdesiWhaley)]
    public void Price_ApproximationOnAPutWithNegativeRate_ReportsTheLatticeItHandsOverTo(PricingEngine engine)
    {
        // r < 0 < b: a put can have two exercise boundaries, which the approximations hand to the lattice.
        var inputs = Option(OptionRight.Put, 105.0, -0.02, -0.03);
        var lattice = BinomialAmericanPricer.Default.Price(inputs);

        var valuation = EngineRegistry.Of(engine).Vanilla!.Price(inputs);

        Assert.Equal(GreeksMethod.Lattice, valuation.GreeksMethod);
        Assert.Equal(lattice.Price, valuation.Price);
    }

    [Theory]
    [InlineData(PricingEngine.BjerksundStensland, GreeksMethod.FiniteDifference)]
    [InlineData(PricingEngine.BaroneAdesiWhaley, GreeksMethod.FiniteDifference)]
    [InlineData(PricingEngine.Binomial, GreeksMethod.Lattice)]
    public void Price_AmericanPutWithPositiveRate_ReportsTheEnginesOwnMethod(PricingEngine engine, GreeksMethod expected)
    {
        var inputs = Option(OptionRight.Put, 105.0, 0.05, 0.0);

        Assert.Equal(expected, EngineRegistry.Of(engine).Vanilla!.Price(inputs).GreeksMethod);
    }

    [Theory]
    [InlineData(PricingEngine.Analytic, OptionRight.Call, 0.05, 0.0)]
    [InlineData(PricingEngine.BjerksundStensland, OptionRight.Call, 0.05, 0.0)]
    [InlineData(PricingEngine.BjerksundStensland, OptionRight.Call, 0.05, 0.04)]
    [InlineData(PricingEngine.BaroneAdesiWhaley, OptionRight.Put, -0.02, -0.03)]
    [InlineData(PricingEngine.Binomial, OptionRight.Put, 0.05, 0.0)]
    [InlineData(PricingEngine.Binomial, OptionRight.Call, 0.05, 0.0)]
    public void Price_ThroughTheL2ModelWithoutCosts_ReportsTheEnginesMethodAndPrice(
        PricingEngine engine, OptionRight right, double rate, double dividendYield)
    {
        var vanilla = EngineRegistry.Of(engine).Vanilla!;
        var plain = vanilla.Price(Option(right, 105.0, rate, dividendYield));
        var chain = new ChainProfile("test", "Test", RollupKind.L1, 0.0, 0.0, 0.0, 0.0, "test");
        var inputs = new L2OptionInputs(right, 100.0, 105.0, 0.75, 0.3, rate,
            CarrySpecification.FromRates(rate, dividendYield), L2TradeTerms.Frictionless(chain));

        var l2 = new L2VanillaOptionPricer(vanilla).Price(inputs);

        Assert.Equal(plain.GreeksMethod, l2.GreeksMethod);
        Assert.Equal(plain.Price, l2.Price);
    }
}
