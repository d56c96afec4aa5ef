using Analytics.Data.Ingestion;
using Analytics.Data.Market;
using Analytics.Data.Risk;
using Analytics.Data.Storage;
using Analytics.Data.Tests.Market;
using Analytics.TestSupport;
using static Analytics.Data.Tests.Ingestion.IngestHelper;

namespace Analytics.Data.Tests.Risk;

/// <summary>
/// Issue 15: a daily candle's close is known at the end of its day, so at an instant inside day D the latest price and
/// the daily closes end with D−1's close; from D's end on they include D's, keyed to day D. Two days of the shared
/// Binance BTC file (prices/Binance_BTCUSDT_d.csv) through <c>format=ohlcv-daily</c>, on both databases.
/// </summary>
public sealed class DailyCandleLookAheadTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    // The file's rows for 2025-03-14 and 2025-03-15 as they stand in prices/Binance_BTCUSDT_d.csv (Unix = UTC day open, ms).
    private const string TwoDays = """
        Unix,Date,Symbol,Open,High,Low,Close,Volume BTC,Volume USDT,tradecount
        1741996800000,2025-03-15,BTCUSDT,83983.19,84676.28,83618.0,84338.44,11324.7332,953445671.8337504,1329670
        1741910400000,2025-03-14,BTCUSDT,81115.78,85309.71,80818.84,83983.2,26858.52755,2244729595.541172,3290987

        """;

    private const double Close14 = 83983.2, Close15 = 84338.44;
    private static readonly DateOnly Day14 = new(2025, 3, 14), Day15 = new(2025, 3, 15);
    private static readonly DateTimeOffset NoonOf15 = new(2025, 3, 15, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset EndOf14 = new DateTimeOffset(2025, 3, 15, 0, 0, 0, TimeSpan.Zero).AddTicks(-10); // 23:59:59.999999
    private static readonly DateTimeOffset EndOf15 = new DateTimeOffset(2025, 3, 16, 0, 0, 0, TimeSpan.Zero).AddTicks(-10);

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OhlcvDaily_AtNoonOfTheSecondDay_LatestPriceAndClosesAreTheFirstDays(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Token);
        var imported = await IngestTextAsync(database, IngestKind.Prices, "text/csv", TwoDays, IngestFormats.OhlcvDaily);
        Assert.Equal((2L, 0L), (imported.Inserted, imported.Rejected));

        await using var db = database.NewContext();
        var (price, closes) = await ReadAsync(db, NoonOf15);

        // Before the fix: 84,338.44 stamped 2025-03-15T00:00Z, and closes {14th, 15th}: the 15th's close twelve hours early.
        Assert.Equal(new UnderlyingPrice("BTC", Close14, EndOf14, "cryptodatadownload"), price);
        Assert.Equal([KeyValuePair.Create(Day14, Close14)], closes);
        Assert.Equal("cryptodatadownload", await DailyCloses.RichestSourceAsync(db, "BTC", "other", Day14, NoonOf15, Token));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OhlcvDaily_AtAndAfterTheSecondDaysEnd_LatestPriceAndClosesAreTheSecondDays(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Token);
        await IngestTextAsync(database, IngestKind.Prices, "text/csv", TwoDays, IngestFormats.OhlcvDaily);
        await using var db = database.NewContext();

        foreach (var asOf in new[] { EndOf15, EndOf15.AddTicks(10), new DateTimeOffset(2025, 3, 16, 9, 0, 0, TimeSpan.Zero) })
        {
            var (price, closes) = await ReadAsync(db, asOf);

            Assert.Equal(new UnderlyingPrice("BTC", Close15, EndOf15, "cryptodatadownload"), price);
            // Each close keyed to its own UTC day (not the next one's).
            Assert.Equal([KeyValuePair.Create(Day14, Close14), KeyValuePair.Create(Day15, Close15)], closes);
        }

        // One microsecond before the end of the 15th (the stored resolution), the 15th's close is not yet there.
        Assert.Equal(Close14, (await ReadAsync(db, EndOf15.AddTicks(-10))).Price.PriceUsd);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OhlcvDaily_ADayThatHasNotEnded_IsRefused(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Token);

        // The file's newest row may be a partial day (PROVENANCE.md §3): at noon of the 15th, its close is not known.
        var result = await IngestTextAsync(database, IngestKind.Prices, "text/csv", TwoDays, IngestFormats.OhlcvDaily, nowUtc: NoonOf15.UtcDateTime);

        Assert.Equal((0L, 1L), (result.Inserted, result.Rejected));
        var error = Assert.Single(result.Errors);
        Assert.Equal("Date", error.Field);
        Assert.Contains("has not ended", error.Message, StringComparison.Ordinal);
    }

    private static async Task<(UnderlyingPrice Price, IReadOnlyDictionary<DateOnly, double> Closes)> ReadAsync(AnalyticsDbContext db, DateTimeOffset asOf)
    {
        var service = new MarketSnapshotService(db, new SurfaceStore(), new FundingCarryReader(db), MarketSnapshotServiceTests.Chains());
        var snapshot = await service.BuildAsync(new MarketSnapshotRequest(asOf, ["BTC"], []), Token);
        var closes = await DailyCloses.ReadAsync(db, "BTC", "cryptodatadownload", Day14, asOf, Token);
        return (snapshot.Prices["BTC"], closes);
    }
}
