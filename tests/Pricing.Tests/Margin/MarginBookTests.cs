using System.Collections.Immutable;
using Analytics.Pricing.Black;
using Analytics.Pricing.Engines;
using Analytics.Pricing.Margin;
using Analytics.Pricing.Market;
using Analytics.Pricing.Risk;

namespace Analytics.Pricing.Tests.Margin;

/// <summary>
/// Margin of whole books on the shared scenario engine: long options need nothing under standard rules, a hedged spread's
/// portfolio margin is at most its standard margin and at most its maximum loss, scenario margin is homogeneous of degree
/// one in size while size-tiered perpetual rules are not, the liquidation price solves equity = maintenance (closed form
/// for a perpetual, round trip for options), and the latency add-on is zero at zero latency and never falls as latency grows.
/// </summary>
public sealed class MarginBookTests
{
    private static readonly DateTimeOffset Valuation = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Expiry = new(2026, 3, 27, 8, 0, 0, TimeSpan.Zero);
    private const double Spot = 3_000;

    private static readonly StandardMarginModel DeribitStandard = new("deribit-standard", "deribit", "", "", [], null,
        ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("*", new UnderlyingMarginRules(
            new OptionMarginRule(0.15, 0.1, 0.075, 0.075, 0.075), new LinearMarginRule(0.02, 0.01, 0.000004)))]));

    private static readonly PortfolioMarginModel DeribitPortfolio = new("deribit-portfolio", "deribit", "", "", [], null,
        [-0.16, -0.12, -0.08, -0.04, 0, 0.04, 0.08, 0.12, 0.16],
        [new VolShock("up", 0.38, true, 30, 0.3), new VolShock("unchanged", 0, true), new VolShock("down", -0.38, true, 30, 0.3)],
        [-0.66, -0.33, 0.5, 1, 2, 3, 4, 5], 0.3, 1.2);

    private static OptionContract Call(double strike) => new("ETH", Expiry, strike, OptionRight.Call, OptionExerciseStyle.European, OptionSettlement.Cash);

    private static MarginBook Book(IReadOnlyList<RiskPosition> positions, double dollars, IReadOnlyList<double>? offsets = null, int? held = null) =>
        MarginBook.Of(positions, held ?? positions.Count,
            new BookMarket(Valuation, new Dictionary<string, UnderlyingMarket> { ["ETH"] = new(Spot, 0, 0) },
                positions.Select(p => p.Option).OfType<OptionContract>().Distinct().ToDictionary(o => o, _ => 0.6)),
            offsets ?? new double[positions.Count], dollars);

    private static readonly Dictionary<string, double> None = [];

    [Fact]
    public void LongOnlyOptions_StandardMarginIsZero()
    {
        var book = Book([RiskPosition.OfOption(Call(3_500), 4), RiskPosition.OfOption(Call(2_500), 1)], 1_000);
        var margin = MarginCalculator.Evaluate(DeribitStandard, book, None);
        Assert.Equal(0.0, margin.InitialMarginUsd);
        Assert.Equal(0.0, margin.MaintenanceMarginUsd);
    }

    [Fact]
    public void ShortCall_StandardMarginMatchesTheRuleAtTheEngineMark()
    {
        var book = Book([RiskPosition.OfOption(Call(3_500), -2)], 10_000);
        double mark = BlackVanillaOptionPricer.Default.PresentValue(new BlackVanillaOptionInputs(OptionRight.Call, Spot, 3_500,
            Call(3_500).TenorYears(Valuation), 0.6, 0, 0, CarryConvention.Fixed));
        var margin = MarginCalculator.Evaluate(DeribitStandard, book, None);
        Assert.Equal(2 * (Math.Max(0.15 * Spot - 500, 0.1 * Spot) + mark), margin.InitialMarginUsd, 1e-9);
        Assert.Equal(2 * (0.075 * Spot + mark), margin.MaintenanceMarginUsd, 1e-9);
    }

    [Fact]
    public void HedgedCallSpread_PortfolioMarginIsAtMostStandard_AndAtMostTheMaximumLoss()
    {
        var book = Book([RiskPosition.OfOption(Call(3_000), -10), RiskPosition.OfOption(Call(3_300), 10)], 10_000);
        var standard = MarginCalculator.Evaluate(DeribitStandard, book, None);
        var portfolio = MarginCalculator.Evaluate(DeribitPortfolio, book, None);
        var values = new double[2];
        book.Value(None, null, values);
        double maxLoss = 10 * 300 + values[0] + values[1]; // pays at most 10 × (3,300 − 3,000) at expiry, less the spread's value now
        Assert.True(portfolio.MaintenanceMarginUsd <= standard.MaintenanceMarginUsd, $"{portfolio.MaintenanceMarginUsd} vs {standard.MaintenanceMarginUsd}");
        Assert.True(portfolio.MaintenanceMarginUsd <= maxLoss + 1e-9, $"{portfolio.MaintenanceMarginUsd} vs max loss {maxLoss}");
        Assert.True(portfolio.MaintenanceMarginUsd > 0);
        Assert.Equal(1.2 * portfolio.MaintenanceMarginUsd, portfolio.InitialMarginUsd, 1e-9);
    }

    [Fact]
    public void DoublingPositions_DoublesScenarioMargin_ButNotTieredPerpMargin()
    {
        RiskPosition[] Positions(double k) => [RiskPosition.OfOption(Call(3_200), -5 * k), RiskPosition.OfPerpetual("ETH", 2 * k)];
        var single = MarginCalculator.Evaluate(DeribitPortfolio, Book(Positions(1), 0), None);
        var twice = MarginCalculator.Evaluate(DeribitPortfolio, Book(Positions(2), 0), None);
        Assert.Equal(2 * single.MaintenanceMarginUsd, twice.MaintenanceMarginUsd, 1e-9 * single.MaintenanceMarginUsd);

        var perp = MarginCalculator.Evaluate(DeribitStandard, Book([RiskPosition.OfPerpetual("ETH", 1_000)], 0), None);
        var perp2 = MarginCalculator.Evaluate(DeribitStandard, Book([RiskPosition.OfPerpetual("ETH", 2_000)], 0), None);
        Assert.Equal(1_000 * Spot * (0.02 + 1_000 * 0.000004), perp.InitialMarginUsd, 1e-6);
        Assert.True(perp2.InitialMarginUsd > 2 * perp.InitialMarginUsd);
    }

    [Fact]
    public void PerpOnlyBook_PortfolioMarginIsTheWorstCoreMove()
    {
        // Long 10 ETH perps: the worst of the core grid is spot −16 % (vols do not move a perp); the extended table is for options.
        var margin = MarginCalculator.Evaluate(DeribitPortfolio, Book([RiskPosition.OfPerpetual("ETH", 10)], 0), None);
        Assert.Equal(10 * Spot * 0.16, margin.MaintenanceMarginUsd, 1e-9);
        Assert.False(margin.WorstScenarios[0].Extended);
        Assert.Equal(-0.16, margin.WorstScenarios[0].SpotMove);
    }

    [Fact]
    public void PerpLiquidationPrice_MatchesTheClosedForm()
    {
        // Long Q = 10 at entry E = 3,100 with C = 5,000 USDC under a 3 % maintenance rule: C + Q(S − E) = 0.03·Q·S gives
        // S = (Q·E − C) / (Q·(1 − 0.03)).
        const double q = 10, entry = 3_100, cash = 5_000;
        var model = new StandardMarginModel("aevo", "aevo", "", "", [], null,
            ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("*", new UnderlyingMarginRules(null, new LinearMarginRule(0.05, 0.03)))]));
        var book = Book([RiskPosition.OfPerpetual("ETH", q)], cash, [-q * entry]);
        var result = MarginAnalysis.Run(model, book, new Dictionary<string, double> { ["ETH"] = 0.03 }, 0, 0.99, solveLiquidation: true);
        double expected = (q * entry - cash) / (q * (1 - 0.03));
        Assert.Equal(expected, result.Liquidation["ETH"].DownPriceUsd!.Value, 1e-6);
        Assert.Null(result.Liquidation["ETH"].UpPriceUsd);
        Assert.Equal(0.0, result.AddOnUsd);
    }

    [Fact]
    public void OptionBookLiquidationPrice_RoundTripsToEquityEqualsMaintenance()
    {
        var book = Book([RiskPosition.OfOption(Call(3_200), -10), RiskPosition.OfPerpetual("ETH", 4)], 40_000, [0, -4 * 2_950.0]);
        var vols = new Dictionary<string, double> { ["ETH"] = 0.035 };
        foreach (MarginModel model in new MarginModel[] { DeribitStandard, DeribitPortfolio })
        {
            var result = MarginAnalysis.Run(model, book, vols, 7, 0.99, solveLiquidation: true);
            var levels = result.Liquidation["ETH"];
            Assert.False(levels.LiquidatableNow);
            foreach (var price in new[] { levels.DownPriceUsd, levels.UpPriceUsd }.OfType<double>())
            {
                var shift = new Dictionary<string, double> { ["ETH"] = price / Spot - 1 };
                double maintenance = MarginCalculator.Evaluate(model, book, shift).MaintenanceMarginUsd
                    + MarginAnalysis.AddOns(book, vols, 7, 0.99, shift).Values.Sum(a => a.LossUsd);
                double equity = book.Equity(shift);
                Assert.True(Math.Abs(equity - maintenance) <= 1e-6 * maintenance, $"{model.Id} at {price}: equity {equity}, maintenance {maintenance}");
            }

            Assert.NotNull(levels.UpPriceUsd); // the short calls outgrow the perp hedge on the way up
        }
    }

    [Fact]
    public void LatencyAddOn_IsZeroAtZeroLatency_AndNeverFallsAsLatencyGrows()
    {
        var book = Book([RiskPosition.OfOption(Call(3_000), 10), RiskPosition.OfPerpetual("ETH", -3)], 50_000); // long gamma
        var vols = new Dictionary<string, double> { ["ETH"] = 0.04 };
        Assert.Equal(0.0, MarginAnalysis.AddOns(book, vols, 0, 0.99, None)["ETH"].LossUsd);
        double previous = 0;
        foreach (double seconds in new[] { 1.0, 3, 12, 36, 600, 3_600, 86_400, 7 * 86_400 })
        {
            double addOn = MarginAnalysis.AddOns(book, vols, seconds, 0.99, None)["ETH"].LossUsd;
            Assert.True(addOn >= previous, $"{seconds} s: {addOn} < {previous}");
            previous = addOn;
        }
    }

    [Fact]
    public void LatencyLoss_DeltaOnly_IsDeltaTimesTheBand_AndEwmaOfConstantReturnsIsTheirSize()
    {
        Assert.Equal(1_000 * 0.02, LiquidationLatency.Loss(1_000, 0, 0.02), 1e-12);
        Assert.Equal(1_000 * 0.02, LiquidationLatency.Loss(-1_000, 0, 0.02), 1e-12);
        Assert.Equal(0.0, LiquidationLatency.Loss(0, 5_000, 0.02)); // pure long gamma never loses
        Assert.Equal(0.5 * 5_000 * 0.02 * 0.02, LiquidationLatency.Loss(0, -5_000, 0.02), 1e-12);
        Assert.Equal(0.03, LiquidationLatency.EwmaDailyVol([0.03, -0.03, 0.03, -0.03], 0.94), 1e-15);
        Assert.Equal(0.05 * Math.Sqrt(36.0 / 86_400), LiquidationLatency.WindowVol(0.05, 36), 1e-15);
    }

    [Fact]
    public void ValueUnderlyings_SubBookOfManyParts_SameBitsAsTheWholeBookOnTheShockedVols()
    {
        // 3,000 ETH positions (options of 1 to 400 days and a perpetual) span several parts of the sub-book; a BTC option
        // is left out of the ETH grid. The expected values: the whole ETH book on the scenario engine at the vols shocked
        // here by the venue rule σ·(1 + 0.38·(30 / days)^0.3).
        var random = new Random(21);
        var up = new VolShock("up", 0.38, true, 30, 0.3);
        var positions = new List<RiskPosition> { RiskPosition.OfOption(new OptionContract("BTC", Expiry, 90_000, OptionRight.Put, OptionExerciseStyle.European, OptionSettlement.Cash), 2) };
        var vols = new Dictionary<OptionContract, double> { [positions[0].Option!] = 0.5 };
        for (int i = 0; i < 3_000; i++)
        {
            if (i == 1_500) { positions.Add(RiskPosition.OfPerpetual("ETH", -7)); continue; }
            var option = new OptionContract("ETH", Valuation.AddHours(random.Next(24, 24 * 400)), Math.Round(Spot * Math.Exp(random.NextDouble() - 0.5)),
                i % 2 == 0 ? OptionRight.Call : OptionRight.Put, OptionExerciseStyle.European, OptionSettlement.Cash);
            vols[option] = 0.3 + 0.8 * random.NextDouble();
            positions.Add(RiskPosition.OfOption(option, Math.Round(20 * random.NextDouble() - 10, 1)));
        }

        var markets = new Dictionary<string, UnderlyingMarket> { ["ETH"] = new(Spot, 0.03, 0.01), ["BTC"] = new(90_000, 0.03, 0.0) };
        var market = new BookMarket(Valuation, markets, vols);
        var book = MarginBook.Of(positions, positions.Count, market, new double[positions.Count], 0);
        double[] moves = [-0.66, -0.16, 0.0, 0.08, 5.0];
        var grids = book.ValueUnderlyings([new UnderlyingGrid("ETH", moves, up), new UnderlyingGrid("ETH", moves, null)]);

        var eth = positions.Skip(1).ToArray();
        var shocked = market with
        {
            LognormalVols = vols.ToDictionary(v => v.Key, v => Math.Max(v.Value * (1 + 0.38 * Math.Pow(30 / Math.Max(v.Key.TenorYears(Valuation) * 365, 1), 0.3)), 1e-8)),
        };
        var scenarios = moves.Select(m => new MarketScenario(0, new Dictionary<string, UnderlyingShift> { ["ETH"] = new(m, 0) })).ToArray();
        var expectedUp = ScenarioValuation.Of(eth, shocked).Value(scenarios, cancellationToken: TestContext.Current.CancellationToken);
        var expectedBase = ScenarioValuation.Of(eth, market).Value(scenarios, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal([.. Enumerable.Range(1, 3_000)], book.IndexesOf("ETH"));
        for (int s = 0; s < moves.Length; s++)
        {
            Assert.True(expectedUp.PositionValues(s).SequenceEqual(grids[0].Row(s)), $"vol up, move {moves[s]}");
            Assert.True(expectedBase.PositionValues(s).SequenceEqual(grids[1].Row(s)), $"base vols, move {moves[s]}");
        }
    }
}
