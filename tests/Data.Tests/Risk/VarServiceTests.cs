using System.Collections.Immutable;
using Analytics.Data.Entities;
using Analytics.Data.Market;
using Analytics.Data.Risk;
using Analytics.Data.Storage;
using Analytics.Data.Tests.Market;
using Analytics.Pricing;
using Analytics.Pricing.Black;
using Analytics.Pricing.Engines;
using Analytics.Pricing.Market;
using Analytics.Pricing.Risk;
using Analytics.Pricing.Surfaces;
using Analytics.TestSupport;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace Analytics.Data.Tests.Risk;

/// <summary>
/// VaR runs over stored market data: closed forms for spot books (historical VaR = the empirical quantile of Q·S·(e^r − 1)
/// over the stored closes; delta-normal VaR = z·σ·√h·value), Monte Carlo within three standard errors of delta-normal on a
/// linear book, a long option book never losing more than its value, doubling the book doubling VaR, and missing inputs
/// named rather than defaulted.
/// </summary>
public sealed class VarServiceTests
{
    private static readonly DateTimeOffset AsOf = SyntheticSurfaces.AsOf; // 2026-01-05 08:00 UTC
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>400 daily closes per underlying ending the day before <see cref="AsOf"/>, a seeded lognormal walk (ETH 3 %, BTC 2.5 % a day, ρ ≈ 0.7), ending at 3000 and 90,000.</summary>
    private static async Task<Dictionary<string, double[]>> SeedPricesAsync(TestDatabase database)
    {
        var random = new Random(20260105);
        var eth = new double[400];
        var btc = new double[400];
        (eth[^1], btc[^1]) = (3000, 90_000);
        for (int d = 398; d >= 0; d--)
        {
            double z1 = Normal.Sample(random, 0, 1), z2 = 0.7 * z1 + Math.Sqrt(1 - 0.49) * Normal.Sample(random, 0, 1);
            eth[d] = eth[d + 1] * Math.Exp(-0.03 * z1);
            btc[d] = btc[d + 1] * Math.Exp(-0.025 * z2);
        }

        await using var db = database.NewContext();
        for (int d = 0; d < 400; d++)
        {
            var at = AsOf.AddDays(d - 400).UtcDateTime.Date.AddHours(23);
            db.PriceObservations.Add(new PriceObservationEntity { Underlying = "ETH", Source = "test", TimestampUtc = at, Open = eth[d], High = eth[d], Low = eth[d], Close = eth[d] });
            db.PriceObservations.Add(new PriceObservationEntity { Underlying = "BTC", Source = "test", TimestampUtc = at, Open = btc[d], High = btc[d], Low = btc[d], Close = btc[d] });
        }

        await db.SaveChangesAsync(Token);
        return new() { ["ETH"] = eth, ["BTC"] = btc };
    }

    private static async Task<VarOutcome> RunAsync(TestDatabase database, RiskBook book, VarSpecification spec)
    {
        await using var db = database.NewContext();
        var store = new SurfaceStore();
        var service = new VarService(db, new MarketSnapshotService(db, store, new FundingCarryReader(db), new ChainProfiles(
            new FixedOptionsMonitor<ChainsOptions>(new ChainsOptions()))), store);
        return await service.RunAsync(book, spec, AsOf, SurfaceModel.Svi, RiskCarryPlan.Of(RiskCarryDefaults.None), Token);
    }

    private static RiskBook Spot(double eth, double btc = 0) =>
        new([RiskPosition.OfSpot("ETH", eth), .. btc != 0 ? new[] { RiskPosition.OfPerpetual("BTC", btc) } : []],
            ImmutableSortedDictionary<string, double>.Empty);

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Historical_SpotBook_IsTheEmpiricalQuantileOfTheStoredReturns(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Token);
        var closes = await SeedPricesAsync(database);

        var run = (await RunAsync(database, Spot(10), new VarSpecification(VarMethod.Historical, 0.99, LookbackDays: 365))).Run!;

        // The returns ending on the 365 days before AsOf's day: closes[35..399] over closes[34..398].
        var pnl = Enumerable.Range(35, 365).Select(d => 10 * 3000 * (closes["ETH"][d] / closes["ETH"][d - 1] - 1)).ToArray();
        Assert.Equal(365, run.Inputs.ReturnDays);
        Assert.Equal(-Statistics.QuantileCustom(pnl, 0.01, QuantileDefinition.R1), run.Estimate.ValueAtRisk, 1e-6);
        Assert.Equal("test", run.Inputs.Prices["ETH"].Source);
    }

    [Fact]
    public async Task Parametric_SpotBook_IsZSigmaRootHValue()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite, Token);
        var closes = await SeedPricesAsync(database);

        var run = (await RunAsync(database, Spot(10), new VarSpecification(VarMethod.Parametric, 0.99, HorizonDays: 10, LookbackDays: 365))).Run!;

        var returns = Enumerable.Range(35, 365).Select(d => Math.Log(closes["ETH"][d] / closes["ETH"][d - 1])).ToArray();
        double expected = Normal.InvCDF(0, 1, 0.99) * returns.StandardDeviation() * Math.Sqrt(10) * 10 * 3000;
        Assert.Equal(expected, run.Estimate.ValueAtRisk, expected * 1e-6);
    }

    [Fact]
    public async Task MonteCarlo_LinearBook_IsWithinThreeStandardErrorsOfParametric()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite, Token);
        await SeedPricesAsync(database);
        var book = Spot(10, btc: -0.2);

        var mc = (await RunAsync(database, book, new VarSpecification(VarMethod.MonteCarlo, 0.99, Paths: 20_000, Seed: 5))).Run!;
        var normal = (await RunAsync(database, book, new VarSpecification(VarMethod.Parametric, 0.99))).Run!;

        var se = mc.StandardError!.Value.ValueAtRisk;
        Assert.True(Math.Abs(mc.Estimate.ValueAtRisk - normal.Estimate.ValueAtRisk) <= 3 * se,
            $"MC {mc.Estimate.ValueAtRisk:F1} ± {se:F1} vs parametric {normal.Estimate.ValueAtRisk:F1}");
        Assert.Equal(mc.Estimate.ValueAtRisk, mc.Estimate.VarContributions.Sum(), 1e-6);
    }

    [Fact]
    public async Task LongOptions_NeverLoseMoreThanTheirValue_AndDoublingDoublesVar()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite, Token);
        await SeedPricesAsync(database);
        await SurfaceStoreTests.StoreAsync(database, SyntheticSurfaces.Fit(SurfaceModel.Svi) with { AsOfUtc = AsOf.AddHours(-1) });
        var call = new OptionContract("ETH", AsOf.AddDays(30), 3300, OptionRight.Call, OptionExerciseStyle.European, OptionSettlement.Cash);
        var put = new OptionContract("ETH", AsOf.AddDays(91), 2500, OptionRight.Put, OptionExerciseStyle.American, OptionSettlement.Cash);
        RiskBook Book(double q) => new([RiskPosition.OfOption(call, 5 * q), RiskPosition.OfOption(put, 3 * q)], ImmutableSortedDictionary<string, double>.Empty);

        var single = (await RunAsync(database, Book(1), new VarSpecification(VarMethod.Historical, 0.99, HorizonDays: 10))).Run!;
        var doubled = (await RunAsync(database, Book(2), new VarSpecification(VarMethod.Historical, 0.99, HorizonDays: 10))).Run!;

        Assert.Single(single.Inputs.SurfaceIds);
        Assert.True(single.Estimate.ExpectedShortfall >= single.Estimate.ValueAtRisk);
        Assert.Equal(2 * single.Estimate.ValueAtRisk, doubled.Estimate.ValueAtRisk, single.Estimate.ValueAtRisk * 1e-9);
        // A long option book loses at most what it is worth.
        double worstLoss = -single.ProfitAndLoss.Min();
        Assert.True(worstLoss <= await BookValueAsync(database, Book(1)) + 1e-9, $"worst loss {worstLoss} exceeds the book's value");
    }

    [Fact]
    public async Task History_ComesFromTheSourceWithTheMostDays_NotMixedWithTheLatestPrice()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite, Token);
        var closes = await SeedPricesAsync(database);
        await using (var db = database.NewContext())
        {
            // A second feed with the latest price (so the spot comes from it) but only three days of history.
            for (int d = 1; d <= 3; d++)
            {
                var at = AsOf.AddHours(-1 - 24 * (d - 1)).UtcDateTime; // the last one an hour before AsOf, after the other feed's close
                db.PriceObservations.Add(new PriceObservationEntity { Underlying = "ETH", Source = "late-feed", TimestampUtc = at, Open = 3100, High = 3100, Low = 3100, Close = 3100 });
            }

            await db.SaveChangesAsync(Token);
        }

        var run = (await RunAsync(database, Spot(10), new VarSpecification(VarMethod.Historical, 0.99, LookbackDays: 365))).Run!;

        Assert.Equal("late-feed", run.Inputs.Prices["ETH"].Source);
        Assert.Equal("test", run.Inputs.HistorySources["ETH"]);
        Assert.Equal(365, run.Inputs.ReturnDays);
        var pnl = Enumerable.Range(35, 365).Select(d => 10 * 3100 * (closes["ETH"][d] / closes["ETH"][d - 1] - 1)).ToArray();
        Assert.Equal(-Statistics.QuantileCustom(pnl, 0.01, QuantileDefinition.R1), run.Estimate.ValueAtRisk, 1e-6);
    }

    [Fact]
    public async Task MissingInputs_AreNamedNotDefaulted()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite, Token);
        await SeedPricesAsync(database);
        var sol = new OptionContract("SOL", AsOf.AddDays(30), 200, OptionRight.Call, OptionExerciseStyle.European, OptionSettlement.Cash);
        var eth = new OptionContract("ETH", AsOf.AddDays(30), 3000, OptionRight.Call, OptionExerciseStyle.European, OptionSettlement.Cash);

        var outcome = await RunAsync(database, new RiskBook([RiskPosition.OfOption(sol, 1), RiskPosition.OfOption(eth, 1)],
            ImmutableSortedDictionary<string, double>.Empty), new VarSpecification(VarMethod.Historical));

        Assert.Null(outcome.Run);
        Assert.Contains(outcome.Missing, m => m.Kind == "price" && m.Key == "SOL");
        Assert.Contains(outcome.Missing, m => m.Kind == "surface" && m.Key == "ETH"); // no surface stored
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SurfaceHistory_MovesVolsByTheStoredSurfacesChange_OnlyOnReturnsWithASurfaceOnBothDays(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Token);
        var closes = await SeedPricesAsync(database);
        // Flat surfaces: 50 % at the close of day D1, 60 % at the close of D2 = D1 + 1 and an hour before AsOf (the pricing one).
        var d1 = DateOnly.FromDateTime(AsOf.UtcDateTime).AddDays(-10);
        var d2 = d1.AddDays(1);
        DateTimeOffset Close(DateOnly day) => new(day.ToDateTime(new TimeOnly(23, 30)), TimeSpan.Zero);
        await SurfaceStoreTests.StoreAsync(database, FlatSurface(0.5, Close(d1)));
        await SurfaceStoreTests.StoreAsync(database, FlatSurface(0.6, Close(d2)));
        await SurfaceStoreTests.StoreAsync(database, FlatSurface(0.6, AsOf.AddHours(-1)));
        var call = new OptionContract("ETH", AsOf.AddDays(60), 3300, OptionRight.Call, OptionExerciseStyle.European, OptionSettlement.Cash);
        var book = new RiskBook([RiskPosition.OfOption(call, -10)], ImmutableSortedDictionary<string, double>.Empty);

        var run = (await RunAsync(database, book, new VarSpecification(VarMethod.Historical, 0.99, LookbackDays: 365, VolModel: VolModel.SurfaceHistory))).Run!;

        // Black-76 with r = b = 0 (no carry configured), F = S: the short call's P&L when spot moves by the day's close ratio
        // and vol by the surfaces' change (+10 points on D2's return, held on every other, e.g. D2 + 1's).
        double tenor = call.TenorYears(AsOf);
        double Pnl(DateOnly day, double volMove)
        {
            int index = 399 - (DateOnly.FromDateTime(AsOf.UtcDateTime).DayNumber - 1 - day.DayNumber);
            double spot = 3000 * closes["ETH"][index] / closes["ETH"][index - 1];
            return -10 * (BlackScholesMerton.Price(spot, 3300, tenor, 0.6 + volMove, 1.0, true) - BlackScholesMerton.Price(3000, 3300, tenor, 0.6, 1.0, true));
        }

        double vegaTolerance = 10 * 3000 * Math.Sqrt(tenor) * 0.4 * 2e-3; // fitted flat surfaces within 0.2 vol points
        double At(DateOnly day) => run.ProfitAndLoss[run.ScenarioLabels.IndexOf(day.ToString("yyyy-MM-dd"))];
        Assert.Equal(Pnl(d2, 0.1), At(d2), vegaTolerance);
        Assert.Equal(Pnl(d2.AddDays(1), 0.0), At(d2.AddDays(1)), vegaTolerance);
        Assert.Equal(Pnl(d1, 0.0), At(d1), vegaTolerance);
        Assert.True(At(d2) < Pnl(d2, 0.0) - 100, "the vol rise costs the short call more than the spot move alone");
        Assert.Contains("ETH: 1 of 365 returns moved", run.ScalingNote);
    }

    /// <summary>A surface fitted to quotes priced at one flat vol (Black-76, DF = 1, F = 3000), as of <paramref name="asOf"/>.</summary>
    private static VolatilitySurface FlatSurface(double vol, DateTimeOffset asOf)
    {
        var quotes = new List<SurfaceQuote>();
        foreach (var expiry in new[] { asOf.AddDays(30), asOf.AddDays(91), asOf.AddDays(182) })
        {
            double t = YearFraction.Act365F(asOf, expiry);
            for (double strike = 1800; strike <= 4800; strike += 150)
            {
                bool isCall = strike >= 3000;
                double price = BlackScholesMerton.Price(3000, strike, t, vol, 1.0, isCall);
                quotes.Add(new SurfaceQuote(expiry, strike, isCall ? OptionRight.Call : OptionRight.Put, price * 0.9995, price * 1.0005, UnderlyingPrice: 3000));
            }
        }

        return new VolatilitySurfaceCalibrator(new SurfaceCalibrationOptions(SurfaceModel.Svi)).Calibrate(quotes, asOf).Surface
            ?? throw new InvalidOperationException("The flat quotes did not fit.");
    }

    private static async Task<double> BookValueAsync(TestDatabase database, RiskBook book)
    {
        await using var db = database.NewContext();
        var stored = await new SurfaceStore().SelectAsync(db, SurfaceSelection.ForPricing("ETH", AsOf, SurfaceModel.Svi), Token);
        var vols = book.Positions.Select(p => p.Option!).ToDictionary(o => o, o => stored!.Surface.LognormalVolAtStrike(o.Strike, o.TenorYears(AsOf)));
        var market = new BookMarket(AsOf, new Dictionary<string, UnderlyingMarket> { ["ETH"] = new(3000, 0, 0) }, vols);
        return ScenarioValuation.Of(book.Positions, market).Value([]).BaseTotal;
    }
}
