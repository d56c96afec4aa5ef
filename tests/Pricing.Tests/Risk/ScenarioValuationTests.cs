using Analytics.Pricing.Black;
using Analytics.Pricing.Engines;
using Analytics.Pricing.L2;
using Analytics.Pricing.Market;
using Analytics.Pricing.Risk;
using Analytics.Pricing.Risk.Var;

namespace Analytics.Pricing.Tests.Risk;

/// <summary>
/// <see cref="ScenarioValuation"/> against the scalar engines position by position and scenario by scenario (inputs built
/// here from the contract, the base market and the move), parallel against sequential, put-call parity in every
/// scenario (Hull, <i>Options, Futures, and Other Derivatives</i>, 8th ed. 2012, §11.4, with carry: C − P = e^{−rT}(F − K)),
/// and the limits at expiry and at zero vol.
/// </summary>
public sealed class ScenarioValuationTests
{
    private static readonly DateTimeOffset Valuation = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
    private static readonly Dictionary<string, UnderlyingMarket> Underlyings = new()
    {
        ["ETH"] = new UnderlyingMarket(3100, 0.04, 0.01),
        ["BTC"] = new UnderlyingMarket(93_000, 0.035, -0.02),
    };

    [Fact]
    public void Value_RandomBookAndScenarios_EqualsScalarEnginesBitForBit()
    {
        var (book, market) = RandomBook(seed: 5, count: 403);
        var scenarios = RandomScenarios(seed: 6, count: 41);

        var values = ScenarioValuation.Of(book, market).Value(scenarios, cancellationToken: TestContext.Current.CancellationToken);

        for (int s = 0; s < scenarios.Count; s++)
        {
            for (int p = 0; p < book.Count; p++)
            {
                double expected = Scalar(book[p], market, scenarios[s]);
                Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(values[s, p]),
                    $"scenario {s}, position {p}: scalar {expected:R}, scenario valuation {values[s, p]:R}");
            }
        }

        for (int p = 0; p < book.Count; p++)
        {
            Assert.Equal(Scalar(book[p], market, MarketScenario.None), values.BaseValues[p]);
        }
    }

    [Fact]
    public void StreamingEstimate_WithoutTheMatrix_SameBitsAsTheMatrixEstimate()
    {
        var (book, market) = RandomBook(seed: 11, count: 500);
        var scenarios = RandomScenarios(seed: 12, count: 300);
        var valuation = ScenarioValuation.Of(book, market);

        var (matrix, matrixTail) = HistoricalVar.Estimate(valuation.Value(scenarios, cancellationToken: TestContext.Current.CancellationToken), 0.975);
        var (streamed, streamedTail, pnl) = HistoricalVar.Estimate(valuation, scenarios, 0.975, TestContext.Current.CancellationToken);
        var oneThread = valuation.ProfitAndLoss(scenarios, out var baseValues, maxDegreeOfParallelism: 1, TestContext.Current.CancellationToken);

        Assert.Equal(matrixTail, streamedTail);
        Assert.Equal(Bits(matrix.ValueAtRisk), Bits(streamed.ValueAtRisk));
        Assert.Equal(Bits(matrix.ExpectedShortfall), Bits(streamed.ExpectedShortfall));
        Assert.Equal(matrix.VarContributions.Select(Bits), streamed.VarContributions.Select(Bits));
        Assert.Equal(matrix.ShortfallContributions.Select(Bits), streamed.ShortfallContributions.Select(Bits));
        Assert.Equal(pnl.Select(Bits), oneThread.Select(Bits));
        Assert.Equal(valuation.Value([], cancellationToken: TestContext.Current.CancellationToken).BaseTotal, baseValues.Sum(), 9);
    }

    private static long Bits(double x) => BitConverter.DoubleToInt64Bits(x);

    [Fact]
    public void Value_AnyDegreeOfParallelism_SameBitsAsSequential()
    {
        var (book, market) = RandomBook(seed: 7, count: 1_000);
        var scenarios = RandomScenarios(seed: 8, count: 200);
        var valuation = ScenarioValuation.Of(book, market);

        var sequential = valuation.Value(scenarios, maxDegreeOfParallelism: 1, cancellationToken: TestContext.Current.CancellationToken);
        foreach (int degree in new[] { -1, 2, 3 })
        {
            var parallel = valuation.Value(scenarios, degree, cancellationToken: TestContext.Current.CancellationToken);
            for (int s = 0; s < scenarios.Count; s++)
            {
                Assert.True(sequential.PositionValues(s).SequenceEqual(parallel.PositionValues(s)), $"degree {degree}, scenario {s}");
                Assert.Equal(BitConverter.DoubleToInt64Bits(sequential.ProfitAndLoss(s)), BitConverter.DoubleToInt64Bits(parallel.ProfitAndLoss(s)));
            }
        }
    }

    [Fact]
    public void VolsPerPosition_SameBitsAsTheMarketBuiltOnThoseVols()
    {
        var (book, market) = RandomBook(seed: 13, count: 600);
        var scenarios = RandomScenarios(seed: 14, count: 60);
        // A vol-shocked market the established way (a dictionary of contracts), and the same vols given per position.
        var shockedMarket = market with { LognormalVols = market.LognormalVols.ToDictionary(v => v.Key, v => v.Value * 1.3 + 0.01) };
        var perPosition = book.Select(p => p.Option is { } option ? shockedMarket.LognormalVols[option] : double.NaN).ToArray();

        var expected = ScenarioValuation.Of(book, shockedMarket).Value(scenarios, cancellationToken: TestContext.Current.CancellationToken);
        var given = ScenarioValuation.Of(book, market, perPosition).Value(scenarios, cancellationToken: TestContext.Current.CancellationToken);
        var replaced = ScenarioValuation.Of(book, market).WithLognormalVols(perPosition).Value(scenarios, cancellationToken: TestContext.Current.CancellationToken);

        for (int s = 0; s < scenarios.Count; s++)
        {
            Assert.True(expected.PositionValues(s).SequenceEqual(given.PositionValues(s)), $"given vols, scenario {s}");
            Assert.True(expected.PositionValues(s).SequenceEqual(replaced.PositionValues(s)), $"replaced vols, scenario {s}");
        }

        Assert.Throws<ArgumentException>(() => ScenarioValuation.Of(book, market, perPosition[1..]));
        perPosition[book.FindIndex(p => p.Option is not null)] = -0.1;
        Assert.Throws<ArgumentOutOfRangeException>(() => ScenarioValuation.Of(book, market).WithLognormalVols(perPosition));
    }

    [Fact]
    public void Value_CallAndPutPairs_PutCallParityInEveryScenario()
    {
        var book = new List<RiskPosition>();
        var vols = new Dictionary<OptionContract, double>();
        foreach (double strike in new[] { 2000.0, 2800, 3100, 3500, 5000 })
        {
            foreach (int days in new[] { 2, 30, 200 })
            {
                var call = Contract("ETH", days, strike, OptionRight.Call, OptionExerciseStyle.European);
                var put = call with { Right = OptionRight.Put };
                book.Add(RiskPosition.OfOption(call, 1));
                book.Add(RiskPosition.OfOption(put, -1));
                vols[call] = vols[put] = 0.4 + strike / 20_000;
            }
        }

        var scenarios = RandomScenarios(seed: 9, count: 50);
        var values = ScenarioValuation.Of(book, new BookMarket(Valuation, Underlyings, vols)).Value(scenarios, cancellationToken: TestContext.Current.CancellationToken);

        var eth = Underlyings["ETH"];
        for (int s = 0; s < scenarios.Count; s++)
        {
            double spot = eth.Spot * (1 + scenarios[s].ShiftOf("ETH").SpotRelative);
            for (int p = 0; p < book.Count; p += 2)
            {
                var option = book[p].Option!;
                double tenor = option.TenorYears(Valuation) - scenarios[s].TimeStepYears;
                double parity = tenor > 0
                    ? Math.Exp(-eth.Rate * tenor) * (spot * Math.Exp(eth.CostOfCarry * tenor) - option.Strike)
                    : spot - option.Strike;
                double callMinusPut = values[s, p] + values[s, p + 1];
                Assert.True(Math.Abs(callMinusPut - parity) <= 1e-12 * (spot + option.Strike), $"scenario {s}, pair {p / 2}: C − P = {callMinusPut:R}, parity {parity:R}");
            }
        }
    }

    [Fact]
    public void Value_TimeStepPastExpiry_IntrinsicAtTheShiftedSpot()
    {
        var call = Contract("ETH", 3, 3000, OptionRight.Call, OptionExerciseStyle.European);
        var put = Contract("ETH", 3, 3300, OptionRight.Put, OptionExerciseStyle.American);
        var book = new[] { RiskPosition.OfOption(call, 2), RiskPosition.OfOption(put, -3) };
        var market = new BookMarket(Valuation, Underlyings, new Dictionary<OptionContract, double> { [call] = 0.6, [put] = 0.6 });
        var atExpiry = new MarketScenario(3 / 365.0, new Dictionary<string, UnderlyingShift> { ["ETH"] = new(0.05, 0.1) });
        var past = new MarketScenario(10 / 365.0, new Dictionary<string, UnderlyingShift> { ["ETH"] = new(-0.1, 0) });

        var values = ScenarioValuation.Of(book, market).Value([atExpiry, past], cancellationToken: TestContext.Current.CancellationToken);

        // ETH 3100 × 1.05 = 3255: call 255 each, put 45 each; × 0.9 = 2790: call 0, put 510 each.
        Assert.Equal(2 * (3100 * 1.05 - 3000), values[0, 0], 9);
        Assert.Equal(-3 * (3300 - 3100 * 1.05), values[0, 1], 9);
        Assert.Equal(0.0, values[1, 0]);
        Assert.Equal(-3 * (3300 - 3100 * 0.9), values[1, 1], 9);
    }

    [Fact]
    public void Value_VolShiftedToZero_DiscountedIntrinsicOfTheForward()
    {
        var call = Contract("BTC", 90, 80_000, OptionRight.Call, OptionExerciseStyle.European);
        var put = Contract("BTC", 90, 80_000, OptionRight.Put, OptionExerciseStyle.European);
        var book = new[] { RiskPosition.OfOption(call, 1), RiskPosition.OfOption(put, 1) };
        var market = new BookMarket(Valuation, Underlyings, new Dictionary<OptionContract, double> { [call] = 0.5, [put] = 0.5 });
        var scenario = new MarketScenario(0, new Dictionary<string, UnderlyingShift> { ["BTC"] = new(0, -0.7) });

        var values = ScenarioValuation.Of(book, market).Value([scenario], cancellationToken: TestContext.Current.CancellationToken);

        var btc = Underlyings["BTC"];
        double tenor = YearFraction.Act365F(Valuation, call.ExpiryUtc);
        double forward = btc.Spot * Math.Exp(btc.CostOfCarry * tenor);
        Assert.Equal(Math.Exp(-btc.Rate * tenor) * (forward - 80_000), values[0, 0], 8);
        Assert.Equal(0.0, values[0, 1]);
    }

    [Fact]
    public void Value_LinearPositions_QuantityTimesShiftedSpotAndPnL()
    {
        var book = new[] { RiskPosition.OfSpot("ETH", 10), RiskPosition.OfPerpetual("BTC", -0.5) };
        var market = new BookMarket(Valuation, Underlyings, new Dictionary<OptionContract, double>());
        var scenario = new MarketScenario(1 / 365.0, new Dictionary<string, UnderlyingShift> { ["ETH"] = new(0.1, 0), ["BTC"] = new(-0.2, 0.3) });

        var values = ScenarioValuation.Of(book, market).Value([scenario], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(10 * 3100 * 1.1, values[0, 0], 9);
        Assert.Equal(-0.5 * 93_000 * 0.8, values[0, 1], 9);
        Assert.Equal(10 * 310 + 0.5 * 18_600, values.ProfitAndLoss(0), 8);
    }

    [Fact]
    public void Of_MarketWithoutTheUnderlyingOrTheVol_Throws()
    {
        var option = Contract("SOL", 30, 200, OptionRight.Call, OptionExerciseStyle.European);
        var eth = Contract("ETH", 30, 3000, OptionRight.Call, OptionExerciseStyle.European);
        var market = new BookMarket(Valuation, Underlyings, new Dictionary<OptionContract, double>());

        Assert.Throws<ArgumentException>(() => ScenarioValuation.Of([RiskPosition.OfOption(option, 1)], market));
        Assert.Throws<ArgumentException>(() => ScenarioValuation.Of([RiskPosition.OfOption(eth, 1)], market));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MarketScenario(0, new Dictionary<string, UnderlyingShift> { ["ETH"] = new(-1, 0) }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MarketScenario(-0.1, new Dictionary<string, UnderlyingShift>()));
    }

    /// <summary>The unit value by the scalar engines, from inputs built here, times the quantity.</summary>
    private static double Scalar(RiskPosition position, BookMarket market, MarketScenario scenario)
    {
        var underlying = market.Underlyings[position.Underlying];
        var shift = scenario.ShiftOf(position.Underlying);
        double spot = underlying.Spot * (1.0 + shift.SpotRelative);
        if (position.Option is not { } option)
        {
            return position.Quantity * spot;
        }

        double tenor = YearFraction.Act365F(market.ValuationUtc, option.ExpiryUtc) - scenario.TimeStepYears;
        double vol = market.LognormalVols[option] + shift.VolAbsolute;
        double unit;
        if (tenor <= 0)
        {
            unit = Math.Max(option.Right == OptionRight.Call ? spot - option.Strike : option.Strike - spot, 0);
        }
        else if (vol <= 0)
        {
            unit = ZeroVolatilityValue.Value(option.Style, option.Right == OptionRight.Call, spot, option.Strike, tenor, underlying.Rate, underlying.CostOfCarry);
        }
        else
        {
            var inputs = new BlackVanillaOptionInputs(option.Right, spot, option.Strike, tenor, vol, underlying.Rate, underlying.CostOfCarry, CarryConvention.Fixed);
            unit = option.Style == OptionExerciseStyle.European
                ? BlackVanillaOptionPricer.Default.PresentValue(inputs)
                : VanillaOptionEngine.BjerksundStensland2002.PresentValue(inputs); // API.md's American default
        }

        return position.Quantity * unit;
    }

    private static OptionContract Contract(string underlying, int days, double strike, OptionRight right, OptionExerciseStyle style) =>
        new(underlying, Valuation.AddDays(days).AddHours(0), strike, right, style, OptionSettlement.Cash);

    /// <summary>A book of options (mostly European, a tenth American; tenors 1 day to 2 years; wings) and linear positions.</summary>
    private static (List<RiskPosition> Book, BookMarket Market) RandomBook(int seed, int count)
    {
        var random = new Random(seed);
        var book = new List<RiskPosition>();
        var vols = new Dictionary<OptionContract, double>();
        for (int i = 0; i < count; i++)
        {
            string underlying = random.Next(2) == 0 ? "ETH" : "BTC";
            double quantity = Math.Round(random.NextDouble() * 20 - 10, 1);
            if (i % 25 == 0)
            {
                book.Add(i % 50 == 0 ? RiskPosition.OfSpot(underlying, quantity) : RiskPosition.OfPerpetual(underlying, quantity));
                continue;
            }

            double spot = Underlyings[underlying].Spot;
            double strike = Math.Round(spot * Math.Exp(random.NextDouble() * 1.6 - 0.8));
            var contract = new OptionContract(
                underlying, Valuation.AddMinutes(random.Next(24 * 60, 730 * 24 * 60)), strike, random.Next(2) == 0 ? OptionRight.Call : OptionRight.Put,
                i % 10 == 3 ? OptionExerciseStyle.American : OptionExerciseStyle.European, OptionSettlement.Cash);
            vols[contract] = 0.3 + random.NextDouble() * 0.9;
            book.Add(RiskPosition.OfOption(contract, quantity));
        }

        return (book, new BookMarket(Valuation, Underlyings, vols));
    }

    /// <summary>Spot moves of ±30 %, vol moves of −1.2 … +0.3 (some to zero vol), time steps of 0 to 30 days (some past expiry).</summary>
    private static List<MarketScenario> RandomScenarios(int seed, int count)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(s => new MarketScenario(
            s % 3 == 0 ? 0.0 : random.Next(0, 31) / 365.0,
            new Dictionary<string, UnderlyingShift>
            {
                ["ETH"] = new(random.NextDouble() * 0.6 - 0.3, s % 7 == 0 ? -1.2 : random.NextDouble() * 0.4 - 0.1),
                ["BTC"] = new(random.NextDouble() * 0.6 - 0.3, random.NextDouble() * 0.4 - 0.1),
            })).ToList();
    }

    [Fact]
    public void Value_VolBuckets_ShiftEachOptionByTheBucketOfItsLogMoneynessAtTheMovedSpot()
    {
        var (book, market) = RandomBook(seed: 9, count: 300);
        var buckets = System.Collections.Immutable.ImmutableArray.Create(
            new VolBucketShift(-0.2, 0.15), new VolBucketShift(0.1, -0.05), new VolBucketShift(double.PositiveInfinity, 0.3));
        const double timeStep = 5.0 / 365.0;
        var bucketed = new MarketScenario(timeStep, new Dictionary<string, UnderlyingShift>
        {
            ["ETH"] = new(-0.1, 0.0) { VolBuckets = buckets }, ["BTC"] = new(0.05, 0.02),
        });

        var values = ScenarioValuation.Of(book, market).Value([bucketed], cancellationToken: TestContext.Current.CancellationToken);

        // Each option alone under the flat shift of its bucket, chosen here from k = ln(K / (S'·e^{b(T − Δt)})).
        for (int p = 0; p < book.Count; p++)
        {
            var flat = bucketed.ShiftOf(book[p].Underlying);
            if (book[p].Option is { } option && book[p].Underlying == "ETH")
            {
                var m = Underlyings["ETH"];
                double tenor = option.TenorYears(Valuation) - timeStep;
                double k = Math.Log(option.Strike / (m.Spot * 0.9 * Math.Exp(m.CostOfCarry * tenor)));
                flat = new UnderlyingShift(-0.1, k <= -0.2 ? 0.15 : k <= 0.1 ? -0.05 : 0.3);
            }

            double expected = Scalar(book[p], market, new MarketScenario(timeStep, new Dictionary<string, UnderlyingShift> { [book[p].Underlying] = flat }));
            Assert.Equal(expected, values[0, p]);
        }
    }

    [Theory]
    [InlineData(new[] { 0.1 }, false)]                  // the last bucket must be open
    [InlineData(new[] { 0.1, 0.0, double.PositiveInfinity }, false)] // bounds must ascend
    [InlineData(new[] { -0.1, 0.1, double.PositiveInfinity }, true)]
    public void MarketScenario_VolBuckets_AreValidated(double[] bounds, bool valid)
    {
        var shift = new UnderlyingShift(0, 0) { VolBuckets = [.. bounds.Select(b => new VolBucketShift(b, 0.1))] };

        var create = () => new MarketScenario(0, new Dictionary<string, UnderlyingShift> { ["ETH"] = shift });

        if (valid) Assert.True(create().HasVolBuckets);
        else Assert.Throws<ArgumentOutOfRangeException>(create);
    }

    [Fact]
    public void Of_ZeroBaseVol_ValuesAtTheZeroVolLimitInsteadOfThrowing()
    {
        var call = new OptionContract("ETH", Valuation.AddDays(30), 3000, OptionRight.Call, OptionExerciseStyle.European, OptionSettlement.Cash);
        var market = new BookMarket(Valuation, Underlyings, new Dictionary<OptionContract, double> { [call] = 0.0 });

        var values = ScenarioValuation.Of([RiskPosition.OfOption(call, 1)], market).Value([MarketScenario.None], cancellationToken: TestContext.Current.CancellationToken);

        // Zero vol: e^{−rT}·max(F − K, 0), F = S·e^{bT} (the deterministic forward).
        var m = Underlyings["ETH"];
        double t = call.TenorYears(Valuation);
        Assert.Equal(Math.Exp(-m.Rate * t) * Math.Max(m.Spot * Math.Exp(m.CostOfCarry * t) - 3000, 0), values.BaseValues[0], 9);
    }
}
