using Analytics.Pricing.Engines;
using Analytics.Pricing.L2;
using static Analytics.Pricing.Tests.L2.L2TestData;

namespace Analytics.Pricing.Tests.L2;

/// <summary>
/// Each L2 adjustment moves the price the way PRODUCT.md §3.4 and Leland (1985, J. Finance 40(5)) say: settlement on
/// L1 discounts over T + δ, gas widens, more contracts dilute gas, more frequent re-hedging and higher fees raise Le.
/// </summary>
public sealed class L2VanillaOptionPricerDirectionTests
{
    private static L2OptionResult Price(L2TradeTerms terms, OptionRight right = OptionRight.Call, double strike = 3000.0) =>
        L2VanillaOptionPricer.Default.Price(Option(terms, right, strike: strike));

    [Theory]
    [InlineData(OptionRight.Call)]
    [InlineData(OptionRight.Put)]
    public void Price_L1SettlementOnOptimisticChain_IsLowerThanL2AndLowerThanOnZk(OptionRight right)
    {
        var arbitrumL2 = Price(Terms(ArbitrumOne, SettlementLayer.L2), right);
        var arbitrumL1 = Price(Terms(ArbitrumOne, SettlementLayer.L1), right);
        var zkL1 = Price(Terms(ZkSyncEra, SettlementLayer.L1), right);

        Assert.True(arbitrumL1.Price < arbitrumL2.Price);
        Assert.True(arbitrumL1.Price < zkL1.Price);
        Assert.True(arbitrumL2.Price - arbitrumL1.Price > zkL1.Price - Price(Terms(ZkSyncEra), right).Price);

        // Only the discounting moves: DF = e^{−r(T+δ)}, the forward stays on T, V scales by e^{−rδ}.
        double delta = 168.0 / 8760.0;
        Assert.Equal(delta, arbitrumL1.SettlementDelayYears, 1e-15);
        Assert.Equal(0.0, arbitrumL2.SettlementDelayYears);
        Assert.Equal(Math.Exp(-0.05 * (0.25 + delta)), arbitrumL1.DiscountFactor, 1e-15);
        Assert.Equal(arbitrumL2.Forward, arbitrumL1.Forward);
        Assert.Equal(arbitrumL2.Price * Math.Exp(-0.05 * delta), arbitrumL1.Price, 1e-12);
        Assert.Equal(arbitrumL2.VolAsk, arbitrumL1.VolAsk);
    }

    [Fact]
    public void Price_L1SettlementOnL1Chain_HasNoDelay()
    {
        var onL1 = Price(Terms(Ethereum, SettlementLayer.L1));
        Assert.Equal(0.0, onL1.SettlementDelayYears);
        Assert.Equal(Price(Terms(Ethereum, SettlementLayer.L2)).Price, onL1.Price);
    }

    [Fact]
    public void Price_MoreGas_WidensTheSpread()
    {
        double previous = -1.0;
        foreach (double gas in new[] { 0.0, 0.02, 0.5, 3.0, 20.0 })
        {
            var result = Price(Terms(ArbitrumOne.WithOverrides(gasCostUsd: gas)));
            Assert.True(result.Spread > previous, $"gas {gas}: spread {result.Spread} ≤ {previous}");
            Assert.Equal(gas, result.GasPerContractUsd);
            previous = result.Spread;
        }
    }

    [Fact]
    public void Price_MoreContracts_NarrowsGasPerContractAndTheSpread()
    {
        var one = Price(Terms(Ethereum, contracts: 1.0));
        var ten = Price(Terms(Ethereum, contracts: 10.0));

        Assert.Equal(3.0, one.GasPerContractUsd);
        Assert.Equal(0.3, ten.GasPerContractUsd, 1e-15);
        Assert.True(ten.LelandNumber < one.LelandNumber); // larger hedge notional dilutes gas in k too
        Assert.True(ten.Spread < one.Spread);
    }

    [Fact]
    public void Price_ShorterRehedgeInterval_RaisesLelandNumberAndSpread()
    {
        var daily = Price(Terms(ArbitrumOne, rehedgeIntervalHours: 24.0, takerFeeRate: 0.0005));
        var hourly = Price(Terms(ArbitrumOne, rehedgeIntervalHours: 1.0, takerFeeRate: 0.0005));

        Assert.True(hourly.LelandNumber > daily.LelandNumber);
        Assert.Equal(Math.Sqrt(24.0), hourly.LelandNumber!.Value / daily.LelandNumber!.Value, 1e-12); // Le ∝ 1/sqrt(Δt)
        Assert.True(hourly.Spread > daily.Spread);
    }

    [Fact]
    public void Price_HigherTakerFee_WidensAndAskAboveMidAboveBid()
    {
        var low = Price(Terms(ArbitrumOne, takerFeeRate: 0.0001));
        var high = Price(Terms(ArbitrumOne, takerFeeRate: 0.001));

        Assert.True(high.Spread > low.Spread);
        Assert.True(high.Ask > high.Price && high.Price > high.Bid);
        Assert.True(high.VolAsk > 0.7 && high.VolBid < 0.7);
        Assert.Equal(low.Price, high.Price); // the mid does not move
    }

    [Fact]
    public void Price_HedgeNotionalOverride_EntersK()
    {
        var result = Price(Terms(Ethereum, takerFeeRate: 0.0005, hedgeNotionalUsd: 600.0));

        Assert.Equal(600.0, result.HedgeNotionalUsd);
        Assert.Equal(2.0 * (0.0005 + 3.0 / 600.0), result.RoundTripCostRate!.Value, 1e-15);
        double dt = 1.0 / 8760.0;
        Assert.Equal(Math.Sqrt(2.0 / Math.PI) * result.RoundTripCostRate!.Value / (0.7 * Math.Sqrt(dt)), result.LelandNumber!.Value, 1e-12);
    }

    [Theory]
    [InlineData(OptionRight.Call, 2500.0)]
    [InlineData(OptionRight.Call, 3500.0)]
    [InlineData(OptionRight.Put, 3500.0)]
    [InlineData(OptionRight.Put, 2500.0)]
    public void Price_LelandNumberAtLeastOne_FloorsBidAtDiscountedIntrinsicOfForward(OptionRight right, double strike)
    {
        // Ethereum gas on a one-contract hedge every 6 minutes: Le ≫ 1.
        var terms = Terms(Ethereum, SettlementLayer.L1, rehedgeIntervalHours: 0.1, takerFeeRate: 0.001);
        var result = Price(terms, right, strike);

        Assert.True(result.LelandNumber >= 1.0);
        Assert.True(result.BidFloorHit);
        Assert.Equal(0.0, result.VolBid);
        double intrinsic = Math.Max(right == OptionRight.Call ? result.Forward - strike : strike - result.Forward, 0.0);
        Assert.Equal(result.DiscountFactor * intrinsic, result.PriceAtBidVol, 1e-9);
        Assert.Equal(result.PriceAtBidVol - 3.0, result.Bid, 1e-12);
    }

    [Fact]
    public void Price_AmericanPutAtBidFloor_IsWorthAtLeastImmediateExercise()
    {
        var pricer = new L2VanillaOptionPricer(VanillaOptionEngine.BjerksundStensland2002);
        var terms = Terms(Ethereum.WithOverrides(gasCostUsd: 0.0), rehedgeIntervalHours: 0.01, takerFeeRate: 0.01);
        var result = pricer.Price(Option(terms, OptionRight.Put, spot: 3000.0, strike: 4000.0, tenorYears: 1.0, rate: 0.1));

        Assert.True(result.BidFloorHit);
        Assert.Equal(1000.0, result.PriceAtBidVol, 1e-9); // exercise now beats e^{−rT}·(K − F)
        Assert.True(result.Price >= result.Bid);
    }

    [Fact]
    public void Greeks_UnderSettlementDelay_MatchFiniteDifferencesOfThePrice()
    {
        var inputs = Option(Terms(ArbitrumOne, SettlementLayer.L1), dividendYield: 0.01);
        var result = L2VanillaOptionPricer.Default.Price(inputs);
        const double h = 1e-5;

        double Rho(double r) => L2VanillaOptionPricer.Default.Price(
            inputs with { Rate = r, Carry = CarrySpecification.FromRates(r, 0.01) }).Price;
        double Spot(double s) => L2VanillaOptionPricer.Default.Price(inputs with { Spot = s }).Price;

        Assert.Equal((Rho(0.05 + h) - Rho(0.05 - h)) / (2 * h), result.Greeks.Rho, 1e-4);
        Assert.Equal((Spot(3000.0 + 0.01) - Spot(3000.0 - 0.01)) / 0.02, result.Greeks.Delta, 1e-7);
    }
}
