using Analytics.Pricing.American;
using Analytics.Pricing.Black;
using Analytics.Pricing.Engines;
using Analytics.Pricing.L2;
using static Analytics.Pricing.Tests.L2.L2TestData;

namespace Analytics.Pricing.Tests.L2;

/// <summary>
/// PRODUCT.md §3.4, last paragraph: with zero gas, zero fees, zero delays and <c>rates</c> carry every adjusted
/// price equals the plain Black-Scholes-Merton price (Haug 2007, §1.1.6) — exactly, not to a tolerance — and the
/// same holds over the American engines.
/// </summary>
public sealed class L2VanillaOptionPricerInvariantTests
{
    public static TheoryData<OptionRight, double, double, double, double, double> Grid()
    {
        var data = new TheoryData<OptionRight, double, double, double, double, double>();
        foreach (var right in new[] { OptionRight.Call, OptionRight.Put })
        foreach (double strike in new[] { 50.0, 95.0, 100.0, 130.0, 400.0 })
        foreach (double tenor in new[] { 0.01, 0.5, 3.0 })
        foreach (double vol in new[] { 0.05, 0.8 })
        foreach (double q in new[] { 0.0, 0.03 })
        {
            data.Add(right, strike, tenor, vol, 0.05, q);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Grid))]
    public void Price_ZeroGasFeesDelaysRatesCarry_EqualsPlainBsmExactly(
        OptionRight right, double strike, double tenorYears, double vol, double rate, double dividendYield)
    {
        // An optimistic chain settling on L1, but with its delay and gas overridden to zero.
        var chain = ArbitrumOne.WithOverrides(gasCostUsd: 0.0, withdrawalDelayHours: 0.0);
        var inputs = Option(Terms(chain, SettlementLayer.L1, contracts: 3.0, rehedgeIntervalHours: 0.1),
            right, 100.0, strike, tenorYears, vol, rate, dividendYield);

        var l2 = L2VanillaOptionPricer.Default.Price(inputs);
        var plain = BlackVanillaOptionPricer.Default.Price(
            BlackVanillaOptionInputs.WithDividendYield(right, 100.0, strike, tenorYears, vol, rate, dividendYield));

        Assert.Equal(plain.Price, l2.Price);
        Assert.Equal(plain.Price, l2.Bid);
        Assert.Equal(plain.Price, l2.Ask);
        Assert.Equal(0.0, l2.Spread);
        Assert.Equal(vol, l2.VolBid);
        Assert.Equal(vol, l2.VolAsk);
        Assert.Equal(0.0, l2.LelandNumber);
        Assert.Equal(plain.Forward, l2.Forward);
        Assert.Equal(plain.DiscountFactor, l2.DiscountFactor);
        Assert.Equal(plain.Greeks, l2.Greeks);
        Assert.False(l2.BidFloorHit);
        Assert.Equal(CarrySource.Rates, l2.CarrySource);
    }

    [Theory]
    [InlineData(OptionRight.Put, 120.0)]
    [InlineData(OptionRight.Call, 90.0)]
    public void Price_FrictionlessOverAmericanEngines_EqualsThePlainEngineExactly(OptionRight right, double strike)
    {
        var inputs = Option(L2TradeTerms.Frictionless(ZkSyncEra), right, 100.0, strike, 1.0, 0.3, 0.08, 0.04);
        var black = inputs.ToBlackInputs(0.3);

        foreach (var (engine, plain) in new (VanillaOptionEngine, AmericanOptionResult)[]
                 {
                     (VanillaOptionEngine.BjerksundStensland2002, BjerksundStensland2002Pricer.Default.Price(black)),
                     (VanillaOptionEngine.BaroneAdesiWhaley, BaroneAdesiWhaleyPricer.Default.Price(black)),
                 })
        {
            var l2 = new L2VanillaOptionPricer(engine).Price(inputs);
            Assert.Equal(plain.Price, l2.Price);
            Assert.Equal(plain.Price, l2.Bid);
            Assert.Equal(plain.Price, l2.Ask);
            Assert.Equal(plain.Greeks, l2.Greeks);
            Assert.Equal(engine.Id, l2.EngineId);
        }
    }

    [Fact]
    public void Price_FundingAndExplicitCarry_ReportSourceAndUseTheForwardOfB()
    {
        var terms = L2TradeTerms.Frictionless(ArbitrumOne);
        var funding = new L2OptionInputs(OptionRight.Call, 3000.0, 3100.0, 0.5, 0.6, 0.04, CarrySpecification.FromFunding(0.11), terms);

        var result = L2VanillaOptionPricer.Default.Price(funding);
        var plain = BlackVanillaOptionPricer.Default.Price(
            new BlackVanillaOptionInputs(OptionRight.Call, 3000.0, 3100.0, 0.5, 0.6, 0.04, 0.11, CarryConvention.Fixed));

        Assert.Equal(CarrySource.Funding, result.CarrySource);
        Assert.Equal(0.11, result.CarryRate);
        Assert.Equal(3000.0 * Math.Exp(0.11 * 0.5), result.Forward, 1e-9);
        Assert.Equal(plain.Price, result.Price);
        Assert.Equal(plain.Greeks.Rho, result.Greeks.Rho); // funding carry is held fixed: rho = −T·V

        var explicitCarry = L2VanillaOptionPricer.Default.Price(funding with { Carry = CarrySpecification.FromExplicit(-0.02) });
        Assert.Equal(CarrySource.Explicit, explicitCarry.CarrySource);
        Assert.True(explicitCarry.Price < result.Price); // lower carry, lower forward, cheaper call
    }

    [Fact]
    public void Constructor_InvalidTerms_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Terms(ArbitrumOne, contracts: 0.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Terms(ArbitrumOne, contracts: -1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Terms(ArbitrumOne, rehedgeIntervalHours: 0.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Terms(ArbitrumOne, takerFeeRate: -0.001));
        Assert.Throws<ArgumentOutOfRangeException>(() => Terms(ArbitrumOne, hedgeNotionalUsd: 0.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Terms(ArbitrumOne.WithOverrides(gasCostUsd: -1.0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Terms(ArbitrumOne.WithOverrides(withdrawalDelayHours: double.NaN)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Terms(ArbitrumOne, (SettlementLayer)7));
        Assert.Throws<ArgumentOutOfRangeException>(() => CarrySpecification.FromFunding(double.PositiveInfinity));
        Assert.Throws<ArgumentOutOfRangeException>(() => Option(Terms(ArbitrumOne)) with { Volatility = -0.1 }); // 0 is the σ = 0 limit
        Assert.Throws<ArgumentOutOfRangeException>(() => Option(Terms(ArbitrumOne)) with { Spot = -1.0 });
    }

    [Fact]
    public void Contracts_Fractional_AreAllowedAndSpreadTheGas()
    {
        var terms = Terms(ArbitrumOne, contracts: 0.5);
        Assert.Equal(0.04, terms.GasPerContractUsd, 1e-15);
        Assert.Equal(1500.0, terms.HedgeNotionalFor(3000.0));
    }
}
