using System.Collections.Immutable;
using Analytics.Pricing.Black;
using Analytics.Pricing.Engines;
using Analytics.Pricing.Margin;
using Analytics.Pricing.Market;
using Analytics.Pricing.Risk;

namespace Analytics.Pricing.Tests.Margin;

/// <summary>
/// Derive's portfolio-margin terms one at a time on tiny books, each expected figure from the rule as v2-core's
/// <c>PMRMLib_2.sol</c> states it (commit 7736900d) and the Black–Scholes pricer, and invariants under the mainnet
/// parameters (Derive's v2-scripts <c>data/mainnet/ETH_PM2Params.json</c>, 2025-12-08, as configured in appsettings.json):
/// a perpetual-only or coin-only book's margin in closed form, hedged books below Derive's standard margin, a short-dated
/// long-only book never beyond its premium, homogeneity, and the liquidation-price round trip.
/// </summary>
public sealed class DerivePortfolioTermsTests
{
    private static readonly DateTimeOffset Valuation = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
    private const double Spot = 3_000, Vol = 0.6;
    private static readonly Dictionary<string, double> None = [];

    /// <summary>derive-portfolio as appsettings.json configures it (the chain's ETH parameters).</summary>
    private static readonly PortfolioMarginModel Derive = new("derive-portfolio", "derive", "", "", [], null,
        [-0.135, -0.09, -0.045, 0, 0.045, 0.09, 0.135],
        [
            new VolShock("up", 0.5, true, 30, 0.3, 1) { LongTenorPower = 0.13, MinimumVol = 0.4 },
            new VolShock("unchanged", 0, true),
            new VolShock("down", -0.3, true, 30, 0.3, 1) { LongTenorPower = 0.13 },
        ],
        [0.18, -0.18, -0.66, -0.33, 0.5, 1, 2, 3, 4, 5], 0, 1.25)
    {
        ExtendedLossFractions = [1, 1, 0.21, 0.42, 0.2772, 0.1386, 0.0693, 0.0462, 0.03465, 0.02772],
        ExtendedWithoutOptions = true,
        MaintenanceLossFactor = 0.8,
        SkewShocks = [new SkewShock("linear-skew", true, 0.25, -0.1, 0.01, 4, 0.6, 0), new SkewShock("abs-skew", false, 0.25, -0.1, 0.01, 4, 0.6, 0)],
        StaticDiscount = new StaticDiscount(1.02, 0.98, 0, 0, 0.1, 0.1),
        BasisContingency = new BasisContingency(0.045, -0.045, 0.5, 2),
        Contingencies = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal,
            [KeyValuePair.Create("ETH", new PortfolioContingency(0.03, 0.01, 0.003, 0.002, 0.056, 0.014))]),
    };

    /// <summary>derive-standard as appsettings.json configures it.</summary>
    private static readonly StandardMarginModel DeriveStandard = new("derive-standard", "derive", "", "", [], null,
        ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("*", new UnderlyingMarginRules(
            new OptionMarginRule(0.15, 0.13, 0.09, 0.09, 0.09, 1.05), new LinearMarginRule(0.066, 0.05)))]));

    private static OptionContract Option(double strike, int days, OptionRight right = OptionRight.Call) =>
        new("ETH", Valuation.AddDays(days), strike, right, OptionExerciseStyle.European, OptionSettlement.Cash);

    private static MarginBook Book(IReadOnlyList<RiskPosition> positions, double rate = 0, double dollars = 0, IReadOnlyList<double>? offsets = null) =>
        MarginBook.Of(positions, positions.Count,
            new BookMarket(Valuation, new Dictionary<string, UnderlyingMarket> { ["ETH"] = new(Spot, rate, 0) },
                positions.Select(p => p.Option).OfType<OptionContract>().Distinct().ToDictionary(o => o, _ => Vol)),
            offsets ?? new double[positions.Count], dollars);

    private static double Price(OptionContract option, double spot, double vol, double rate = 0) =>
        BlackVanillaOptionPricer.Default.PresentValue(new BlackVanillaOptionInputs(option.Right, spot, option.Strike,
            option.TenorYears(Valuation), vol, rate, 0, CarryConvention.Fixed));

    /// <summary>A model with one scenario (spot and vols unchanged) and the given terms, to isolate a term.</summary>
    private static PortfolioMarginModel Only(SkewShock? skew = null, StaticDiscount? discount = null, BasisContingency? basis = null) =>
        new("only", "derive", "", "", [], null, [0.0], [new VolShock("unchanged", 0, true)], [], 0, 1)
        {
            SkewShocks = skew is null ? [] : [skew], StaticDiscount = discount, BasisContingency = basis,
        };

    [Theory]
    [InlineData(10.0)]
    [InlineData(-10.0)]
    public void PerpOnly_IsEightTenthsOfTheEighteenPercentMovePlusThePerpContingency(double q)
    {
        // ±18 % (vol up, dampening 1) beats every tail: 0.66·0.21 = 0.33·0.42 = 0.5·0.2772 = … = 5·0.02772 = 0.1386 of notional.
        var margin = MarginCalculator.Evaluate(Derive, Book([RiskPosition.OfPerpetual("ETH", q)]), None);
        double notional = Math.Abs(q) * Spot;
        Assert.Equal((0.8 * 0.18 + 0.03) * notional, margin.MaintenanceMarginUsd, 1e-9);
        Assert.Equal((1.0 * 0.18 + 0.03 + 0.01) * notional, margin.InitialMarginUsd, 1e-9);
        Assert.Equal(q > 0 ? -0.18 : 0.18, margin.WorstScenarios.Single().SpotMove);
        Assert.Equal(0.03 * notional, margin.Contingencies.Single().MaintenanceUsd, 1e-9);
    }

    [Fact]
    public void CoinOnly_CarriesTheCollateralHaircut()
    {
        // 5 ETH held as collateral: loss 0.18·5·3,000 at −18 %, haircuts 0.056 (MM) and 0.014 (IM, on top).
        var book = MarginBook.Of([RiskPosition.OfSpot("ETH", 5)], 0,
            new BookMarket(Valuation, new Dictionary<string, UnderlyingMarket> { ["ETH"] = new(Spot, 0, 0) }, new Dictionary<OptionContract, double>()), [0.0], 0);
        var margin = MarginCalculator.Evaluate(Derive, book, None);
        Assert.Equal((0.8 * 0.18 + 0.056) * 15_000, margin.MaintenanceMarginUsd, 1e-9);
        Assert.Equal((0.18 + 0.056 + 0.014) * 15_000, margin.InitialMarginUsd, 1e-9);
    }

    [Fact]
    public void NakedShorts_AreNettedPerExpiryAndStrike_CallsAndPutsTogether()
    {
        var rates = new PortfolioContingency(0.03, 0.01, 0.003, 0.002, 0.056, 0.014);
        RiskPosition[] positions =
        [
            RiskPosition.OfOption(Option(3_000, 30), -3), RiskPosition.OfOption(Option(3_000, 30, OptionRight.Put), 1), // net −2 at 3,000
            RiskPosition.OfOption(Option(3_200, 30), 2), RiskPosition.OfOption(Option(3_200, 60), -1),                 // other expiry: −1
            RiskPosition.OfPerpetual("ETH", 4), RiskPosition.OfPerpetual("ETH", -1),                                    // net 3 perps
        ];
        var (mm, im) = rates.Of(positions, Spot);
        Assert.Equal(0.003 * 3 * Spot + 0.03 * 3 * Spot, mm, 1e-9);
        Assert.Equal(0.002 * 3 * Spot + 0.01 * 3 * Spot, im, 1e-9);
    }

    [Fact]
    public void VolShock_UsesTheLongPowerBeyondThirtyDays_AndTheUpFloor()
    {
        var up = Derive.VolShocks[0];
        Assert.Equal(0.3 * (1 + 0.5 * Math.Pow(30.0 / 10, 0.3)), up.Apply(0.3, 10 / 365.0), 1e-12);
        Assert.Equal(0.3 * (1 + 0.5 * Math.Pow(30.0 / 60, 0.13)), up.Apply(0.3, 60 / 365.0), 1e-12);
        Assert.Equal(0.4, up.Apply(0.2, 1.0), 1e-15); // 0.2·(1 + 0.5·(30/365)^0.13) = 0.272 < minVolUpShock 0.4
        Assert.Equal(0.3 * (1 - 0.3 * Math.Pow(30.0 / 90, 0.13)), Derive.VolShocks[2].Apply(0.3, 90 / 365.0), 1e-12);
    }

    [Fact]
    public void SkewShock_AGainCountsAsALoss()
    {
        // Long 2 calls K 3,300, 91.25 days (τ = 0.25, √τ = 0.5), F = S: k = ln(1.1) = 0.0953102; cap c = −0.1·0.5 + 0.25 = 0.2;
        // k* = max(0.01, 0.5·4·0.6) = 1.2; the linear multiplier 1 + 0.0953102·0.2/1.2 = 1.0158850 raises the call's vol:
        // a gain, which Derive counts as a loss (the skew could rotate the other way).
        var call = new OptionContract("ETH", Valuation.AddHours(91.25 * 24), 3_300, OptionRight.Call, OptionExerciseStyle.European, OptionSettlement.Cash);
        var skew = new SkewShock("linear-skew", true, 0.25, -0.1, 0.01, 4, 0.6, 0);
        double multiplier = 1 + Math.Log(1.1) * 0.2 / 1.2;
        double gain = 2 * (Price(call, Spot, Vol * multiplier) - Price(call, Spot, Vol));
        Assert.True(gain > 0);

        var margin = MarginCalculator.Evaluate(Only(skew: skew), Book([RiskPosition.OfOption(call, 2)]), None);

        Assert.Equal(gain, margin.MaintenanceMarginUsd, 1e-9);
        Assert.Equal("linear-skew", margin.WorstScenarios.Single().VolShock);
    }

    [Fact]
    public void StaticDiscount_MarksAShortExpiryUpToTheDiscountCap_AndALongOneDown()
    {
        // τ = 0.5 (182.5 days), r = 0.05: d₋ = min(e^{0.025}, 0.98·e^{0.5·0.1}) = e^{0.025}; d₊ = 1.02·e^{−0.5·0.1}.
        var call = new OptionContract("ETH", Valuation.AddHours(182.5 * 24), 3_000, OptionRight.Call, OptionExerciseStyle.European, OptionSettlement.Cash);
        var model = Only(discount: new StaticDiscount(1.02, 0.98, 0, 0, 0.1, 0.1));
        double value = Price(call, Spot, Vol, rate: 0.05);

        var shortMargin = MarginCalculator.Evaluate(model, Book([RiskPosition.OfOption(call, -1)], rate: 0.05), None);
        Assert.Equal(value * (Math.Exp(0.025) - 1), shortMargin.MaintenanceMarginUsd, 1e-9);

        var longMargin = MarginCalculator.Evaluate(model, Book([RiskPosition.OfOption(call, 1)], rate: 0.05), None);
        Assert.Equal(value * (1 - 1.02 * Math.Exp(-0.05)), longMargin.MaintenanceMarginUsd, 1e-9);
    }

    [Fact]
    public void BasisContingency_TheOptionsAloneAtTheWorseMove_PerpHedgeIgnored()
    {
        // Long 1 call K 3,000, one year, hedged by 0.6 short perps: the scenario at 0 loses nothing, the basis contingency
        // charges the call's loss at −4.5 % (vols unchanged) times 0.5 + 2·1 = 2.5, the perp hedge not counted.
        var call = Option(3_000, 365);
        var margin = MarginCalculator.Evaluate(Only(basis: new BasisContingency(0.045, -0.045, 0.5, 2)),
            Book([RiskPosition.OfOption(call, 1), RiskPosition.OfPerpetual("ETH", -0.6)]), None);
        double loss = Price(call, Spot, Vol) - Price(call, 0.955 * Spot, Vol);
        Assert.Equal(2.5 * loss, margin.MaintenanceMarginUsd, 1e-9);
        Assert.Equal("basis", margin.WorstScenarios.Single().VolShock);
        Assert.Equal(-0.045, margin.WorstScenarios.Single().SpotMove);
    }

    [Fact]
    public void HedgedBooks_PortfolioMarginIsBelowDerivesStandardMargin()
    {
        RiskPosition[][] books =
        [
            [RiskPosition.OfOption(Option(3_300, 30), -10), RiskPosition.OfPerpetual("ETH", 10)],          // covered call
            [RiskPosition.OfOption(Option(3_000, 30), -10), RiskPosition.OfOption(Option(3_300, 30), 10)],  // call spread
            [RiskPosition.OfOption(Option(2_700, 60, OptionRight.Put), -5), RiskPosition.OfPerpetual("ETH", -2)],
        ];
        foreach (var positions in books)
        {
            var book = Book(positions);
            double portfolio = MarginCalculator.Evaluate(Derive, book, None).MaintenanceMarginUsd;
            double standard = MarginCalculator.Evaluate(DeriveStandard, book, None).MaintenanceMarginUsd;
            Assert.True(portfolio > 0 && portfolio <= standard, $"portfolio {portfolio} vs standard {standard}");
        }
    }

    [Fact]
    public void ShortDatedLongOnlyOptions_NeedNoMoreThanTheirPremium_AndNoContingency()
    {
        // Every scenario loses at most the options' value (shocked values ≥ 0), and 0.8 × that is below it; the basis factor
        // 0.5 + 2τ is below 1 under three months. Funded by its premium alone, the book is never below maintenance margin.
        var book = Book([RiskPosition.OfOption(Option(3_500, 30), 4), RiskPosition.OfOption(Option(2_500, 45, OptionRight.Put), 2)]);
        var margin = MarginCalculator.Evaluate(Derive, book, None);
        Assert.True(margin.MaintenanceMarginUsd > 0 && margin.MaintenanceMarginUsd <= book.Equity(None), $"{margin.MaintenanceMarginUsd} vs premium {book.Equity(None)}");
        Assert.Equal(0.0, margin.Contingencies.Single().MaintenanceUsd);
        Assert.Equal(0.0, MarginCalculator.Evaluate(DeriveStandard, book, None).MaintenanceMarginUsd);
    }

    [Fact]
    public void DoublingTheBook_DoublesEveryTerm()
    {
        RiskPosition[] Positions(double k) =>
        [
            RiskPosition.OfOption(Option(3_200, 20), -5 * k), RiskPosition.OfOption(Option(2_800, 90, OptionRight.Put), 3 * k), RiskPosition.OfPerpetual("ETH", 2 * k),
        ];
        var one = MarginCalculator.Evaluate(Derive, Book(Positions(1)), None);
        var two = MarginCalculator.Evaluate(Derive, Book(Positions(2)), None);
        Assert.Equal(2 * one.MaintenanceMarginUsd, two.MaintenanceMarginUsd, 1e-9 * one.MaintenanceMarginUsd);
        Assert.Equal(2 * one.InitialMarginUsd, two.InitialMarginUsd, 1e-9 * one.InitialMarginUsd);
    }

    [Fact]
    public void LiquidationPrice_RoundTripsToEquityEqualsMaintenance()
    {
        var book = Book([RiskPosition.OfOption(Option(3_200, 45), -10), RiskPosition.OfPerpetual("ETH", 4)], dollars: 40_000, offsets: [0, -4 * 2_950.0]);
        var vols = new Dictionary<string, double> { ["ETH"] = 0.035 };
        var levels = MarginAnalysis.Run(Derive, book, vols, 7, 0.99, solveLiquidation: true).Liquidation["ETH"];
        Assert.False(levels.LiquidatableNow);
        Assert.NotNull(levels.UpPriceUsd);
        foreach (var price in new[] { levels.DownPriceUsd, levels.UpPriceUsd }.OfType<double>())
        {
            var shift = new Dictionary<string, double> { ["ETH"] = price / Spot - 1 };
            double maintenance = MarginCalculator.Evaluate(Derive, book, shift).MaintenanceMarginUsd
                + MarginAnalysis.AddOns(book, vols, 7, 0.99, shift).Values.Sum(a => a.LossUsd);
            double equity = book.Equity(shift);
            Assert.True(Math.Abs(equity - maintenance) <= 1e-6 * maintenance, $"at {price}: equity {equity}, maintenance {maintenance}");
        }
    }

    [Fact]
    public void AnUnlistedUnderlying_IsUncovered()
    {
        var book = MarginBook.Of([RiskPosition.OfPerpetual("SOL", 10)], 1,
            new BookMarket(Valuation, new Dictionary<string, UnderlyingMarket> { ["SOL"] = new(150, 0, 0) }, new Dictionary<OptionContract, double>()), [0.0], 0);
        Assert.Equal([("SOL", "positions")], MarginCalculator.Uncovered(Derive, book));
    }
}
