using Analytics.Pricing.Black;
using Analytics.Pricing.Engines;
using Analytics.Pricing.L2;
using Analytics.Pricing.Structures;

namespace Analytics.Pricing.Tests.Structures;

/// <summary>
/// A structure is the sum of its legs (PRODUCT.md §3.3); butterflies are never negative on an arbitrage-free
/// (flat-vol) surface (Breeden-Litzenberger: a butterfly prices the density); gas is paid once.
/// </summary>
public sealed class StructurePricerTests
{
    internal static readonly StructureMarket FlatMarket = new(100.0, 0.6, 0.05, CarrySpecification.FromRates(0.05, 0.0));

    internal static StructureDefinition Template(StructureTemplate template, double[] strikes, double quantity = 1.0, OptionRight? right = null) =>
        StructureBuilder.FromTemplate(template, strikes, 0.25, quantity, right, farTenorYears: 0.5).GetValueOrThrow();

    public static TheoryData<StructureTemplate, double[]> Templates() => new()
    {
        { StructureTemplate.CallSpread, [90, 110] },
        { StructureTemplate.PutSpread, [90, 110] },
        { StructureTemplate.Butterfly, [90, 100, 110] },
        { StructureTemplate.IronButterfly, [90, 100, 110] },
        { StructureTemplate.Condor, [80, 90, 110, 120] },
        { StructureTemplate.IronCondor, [80, 90, 110, 120] },
        { StructureTemplate.Straddle, [100] },
        { StructureTemplate.Strangle, [90, 110] },
        { StructureTemplate.RiskReversal, [90, 110] },
        { StructureTemplate.Collar, [90, 110] },
        { StructureTemplate.Calendar, [100] },
        { StructureTemplate.Diagonal, [90, 110] },
    };

    [Theory]
    [MemberData(nameof(Templates))]
    public void Price_EveryTemplate_EqualsTheSumOfItsLegs(StructureTemplate template, double[] strikes)
    {
        var structure = Template(template, strikes, quantity: 2.5, right: OptionRight.Call);

        var result = StructurePricer.Default.Price(structure, FlatMarket);

        double premium = 0.0;
        double vega = 0.0;
        foreach (var leg in structure.Legs)
        {
            var plain = BlackVanillaOptionPricer.Default.Price(
                BlackVanillaOptionInputs.WithDividendYield(leg.Right, 100.0, leg.Strike, leg.TenorYears, 0.6, 0.05, 0.0));
            premium += 2.5 * leg.Quantity * plain.Price;
            vega += 2.5 * leg.Quantity * plain.Greeks.Vega;
        }

        Assert.Equal(premium, result.Premium, 1e-12);
        Assert.Equal(vega, result.Greeks.Vega, 1e-10);
        Assert.Equal(result.Premium, result.Legs.Sum(l => l.PositionValue), 1e-12);
        Assert.Equal(structure.Legs.Length, result.Legs.Length);
        Assert.Null(result.L2);
        Assert.Equal(new StructureGas(0.0, 0.0, 0.0), result.Gas);
    }

    [Fact]
    public void Price_CustomLegs_UseOwnVolAndAmericanEngine()
    {
        var structure = StructureBuilder.FromLegs(
        [
            new StructureLeg(OptionRight.Put, 110.0, 1.0, 1.0, 0.3, OptionExerciseStyle.American),
            new StructureLeg(OptionRight.Call, 120.0, 0.5, -2.0),
        ]).GetValueOrThrow();

        var result = StructurePricer.Default.Price(structure, FlatMarket);

        var american = VanillaOptionEngine.BjerksundStensland2002.Price(
            BlackVanillaOptionInputs.WithDividendYield(OptionRight.Put, 100.0, 110.0, 1.0, 0.3, 0.05, 0.0));
        Assert.Equal("bjerksund-stensland", result.Legs[0].EngineId);
        Assert.Equal(0.3, result.Legs[0].Volatility);
        Assert.Equal(american.Price, result.Legs[0].Price);
        Assert.Equal("analytic", result.Legs[1].EngineId);
        Assert.Equal(0.6, result.Legs[1].Volatility);
    }

    [Theory]
    [InlineData(OptionRight.Call)]
    [InlineData(OptionRight.Put)]
    public void Price_ButterflyOnFlatVol_IsNeverNegative(OptionRight right)
    {
        foreach (double center in new[] { 20.0, 60.0, 95.0, 100.0, 130.0, 300.0 })
        foreach (double width in new[] { 0.01, 1.0, 10.0, 50.0 })
        foreach (double vol in new[] { 0.05, 0.6, 2.0 })
        {
            if (center - width <= 0.0)
            {
                continue;
            }

            var structure = Template(StructureTemplate.Butterfly, [center - width, center, center + width], right: right);
            var result = StructurePricer.Default.Price(structure, FlatMarket with { Volatility = vol });

            Assert.True(result.Premium >= -1e-12 * center, $"K={center}, w={width}, σ={vol}: {result.Premium}");
        }
    }

    [Fact]
    public void Price_NegativeQuantity_NegatesPremiumAndSwapsProfitAndLoss()
    {
        var longCondor = StructurePricer.Default.Price(Template(StructureTemplate.IronCondor, [80, 90, 110, 120]), FlatMarket);
        var shortCondor = StructurePricer.Default.Price(Template(StructureTemplate.IronCondor, [80, 90, 110, 120], quantity: -1.0), FlatMarket);

        Assert.Equal(-longCondor.Premium, shortCondor.Premium, 1e-12);
        Assert.Equal(-longCondor.Greeks.Gamma, shortCondor.Greeks.Gamma, 1e-12);
        Assert.Equal(longCondor.MaxProfit!.Value, shortCondor.MaxLoss!.Value, 1e-9);
        Assert.Equal(longCondor.MaxLoss!.Value, shortCondor.MaxProfit!.Value, 1e-9);
        Assert.Equal(longCondor.Breakevens, shortCondor.Breakevens);
    }

    [Fact]
    public void Price_WithL2_PaysGasOnceAndReportsTheSaving()
    {
        var chain = new ChainProfile("ethereum", "Ethereum", RollupKind.L1, 0.0, 12.0, 3.0, 12.0, "test");
        var terms = new L2TradeTerms(chain, SettlementLayer.L2, 1.0, 1.0, 0.0, hedgeNotionalUsd: 1e12); // k ≈ 0: gas only
        var structure = Template(StructureTemplate.IronCondor, [80, 90, 110, 120]);

        var result = StructurePricer.Default.Price(structure, FlatMarket, terms);

        Assert.Equal(new StructureGas(3.0, 12.0, 9.0), result.Gas);
        Assert.NotNull(result.L2);
        Assert.Equal(6.0, result.L2.Spread, 1e-6); // ± one transaction's gas, not four
        Assert.All(result.Legs, l => Assert.Equal(3.0, l.L2!.GasPerContractUsd));
        Assert.True(result.Legs.Sum(l => l.L2!.Spread) > result.L2.Spread);
    }

    [Fact]
    public void Price_FrictionlessL2_EqualsNoL2Exactly()
    {
        var structure = Template(StructureTemplate.Butterfly, [90, 100, 110], right: OptionRight.Call);
        var frictionless = L2TradeTerms.Frictionless(new ChainProfile("base", "Base", RollupKind.Optimistic, 168.0, 2.0, 0.01, 2.0, "test"));

        var plain = StructurePricer.Default.Price(structure, FlatMarket);
        var l2 = StructurePricer.Default.Price(structure, FlatMarket, frictionless);

        Assert.Equal(plain.Premium, l2.Premium);
        Assert.Equal(plain.Premium, l2.L2!.Bid);
        Assert.Equal(plain.Premium, l2.L2.Ask);
        Assert.Equal(plain.Greeks, l2.Greeks);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-1.0)]
    public void Price_LelandSide_IsChosenByNetGammaOfTheStructure(double quantity)
    {
        var chain = new ChainProfile("arbitrum-one", "Arbitrum One", RollupKind.Optimistic, 168.0, 0.25, 0.02, 1.0, "test");
        var terms = new L2TradeTerms(chain, SettlementLayer.L2, 1.0, 1.0, 0.001);
        var structure = Template(StructureTemplate.Butterfly, [90, 100, 110], quantity, OptionRight.Call);

        var result = StructurePricer.Default.Price(structure, FlatMarket, terms);
        var quote = result.L2!;

        Assert.Equal(result.Greeks.Gamma, quote.NetGamma, 1e-15);
        Assert.Equal(quote.NetGamma >= 0.0, quote.AskAtWriterVol);
        double writer = result.Legs.Sum(l => l.PositionQuantity * l.L2!.PriceAtAskVol);
        double buyer = result.Legs.Sum(l => l.PositionQuantity * l.L2!.PriceAtBidVol);
        double mid = result.Legs.Sum(l => l.PositionValue);
        // PRODUCT.md §3.4's side by net gamma; each side's hedging cost taken as a non-negative amount around the mid.
        Assert.Equal(mid + Math.Abs((quote.AskAtWriterVol ? writer : buyer) - mid) + 0.02, quote.Ask, 1e-12);
        Assert.Equal(mid - Math.Abs((quote.AskAtWriterVol ? buyer : writer) - mid) - 0.02, quote.Bid, 1e-12);
        Assert.True(quote.Bid < result.Premium && result.Premium < quote.Ask);
    }

    [Fact]
    public void Price_LongCalendarWithL2_ShortGammaLongVega_DoesNotCross()
    {
        // Short gamma but long vega: the net-gamma side puts the buyer's vol σ·sqrt(1 − Le) on the ask, whose plain value
        // Σ q·V(σ_bid) lies below the mid (the quote of issue 14 crossed: bid 3,773.95 > ask 3,232.03). Applied as a cost,
        // |Σ q·(V(σ_bid) − V(σ))| is added to the mid instead (Hoggard, Whalley and Wilmott 1994: a hedging cost is paid).
        var chain = new ChainProfile("arbitrum-one", "Arbitrum One", RollupKind.Optimistic, 168.0, 0.25, 0.02, 1.0, "test");
        var terms = new L2TradeTerms(chain, SettlementLayer.L2, 1.0, 1.0, 0.001);
        var structure = Template(StructureTemplate.Calendar, [100], right: OptionRight.Call);

        var result = StructurePricer.Default.Price(structure, FlatMarket, terms);
        var quote = result.L2!;

        Assert.True(quote.NetGamma < 0.0 && result.Greeks.Vega > 0.0);
        Assert.False(quote.AskAtWriterVol);
        double atBuyerVols = result.Legs.Sum(l => l.PositionQuantity * l.L2!.PriceAtBidVol);
        double atWriterVols = result.Legs.Sum(l => l.PositionQuantity * l.L2!.PriceAtAskVol);
        Assert.True(atBuyerVols < result.Premium && result.Premium < atWriterVols, "the plain rule would cross this quote");
        Assert.Equal(result.Premium + (result.Premium - atBuyerVols) + 0.02, quote.Ask, 1e-12);
        Assert.Equal(result.Premium - (atWriterVols - result.Premium) - 0.02, quote.Bid, 1e-12);
        Assert.True(quote.Bid < quote.Mid && quote.Mid < quote.Ask);
    }
}
