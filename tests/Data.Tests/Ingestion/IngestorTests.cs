using Analytics.Data.Ingestion;
using Analytics.Data.Storage;
using Analytics.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Analytics.Data.Tests.Ingestion.IngestHelper;

namespace Analytics.Data.Tests.Ingestion;

/// <summary>Idempotency, all-or-nothing and row errors, identical on SQLite (prepared inserts) and PostgreSQL (binary COPY).</summary>
public sealed class IngestorTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private const string TradesNdJson =
        """
        {"chain":"arbitrum-one","venue":"lyra","txHash":"0xAA","logIndex":1,"blockNumber":100,"timestamp":"2026-01-05T10:00:00Z","kind":"option","underlying":"ETH","expiry":"2026-03-27T08:00:00Z","strike":3000,"type":"call","side":"buy","price":"123.456789","size":2.5,"feeUsd":0.12,"indexPrice":3100}
        {"chain":"arbitrum-one","venue":"lyra","txHash":"0xAA","logIndex":2,"blockNumber":100,"timestamp":"2026-01-05T10:00:00Z","kind":"perp","market":"ETH-USD","side":"sell","price":3101.5,"size":1,"feeUsd":0.5}
        {"chain":"arbitrum-one","venue":"lyra","txHash":"0xBB","logIndex":0,"blockNumber":101,"timestamp":"2026-01-05T10:01:00Z","kind":"option","underlying":"ETH","expiry":"2026-03-27T08:00:00Z","strike":3000,"type":"call","side":"sell","price":0.04,"size":1,"premiumCurrency":"underlying","underlyingPrice":3150}
        """;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Trades_SentTwice_InsertsOnceThenCountsDuplicates(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Token);

        var first = await IngestTextAsync(database, IngestKind.Trades, "application/x-ndjson", TradesNdJson);
        var second = await IngestTextAsync(database, IngestKind.Trades, "application/x-ndjson", TradesNdJson);

        Assert.Equal((3L, 0L, 0L), (first.Inserted, first.Duplicates, first.Rejected));
        Assert.Equal((0L, 3L, 0L), (second.Inserted, second.Duplicates, second.Rejected));
        await using var db = database.NewContext();
        var trades = await db.Trades.OrderBy(t => t.Id).ToListAsync(Token);
        Assert.Equal(123.456789m, trades[0].Price);
        Assert.Equal(0.04m * 3150m, trades[2].PriceUsd);
        Assert.Equal(trades[0].InstrumentId, trades[2].InstrumentId);
        Assert.Equal(2, await db.Instruments.CountAsync(Token));
        Assert.Equal("PERP-ETH-USD", (await db.Instruments.SingleAsync(i => i.Kind == "perp", Token)).Key);
        Assert.Equal(["arbitrum-one"], await db.Chains.Select(c => c.Id).ToListAsync(Token));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Trades_OneBadRow_RejectsTheBatchAndWritesNothing(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Token);
        var body = TradesNdJson.Replace("\"size\":1,\"feeUsd\":0.5", "\"size\":-1,\"feeUsd\":0.5", StringComparison.Ordinal);

        var result = await IngestTextAsync(database, IngestKind.Trades, "application/x-ndjson", body);

        Assert.Equal(1, result.Rejected);
        var error = Assert.Single(result.Errors);
        Assert.Equal((2L, "size"), (error.Row, error.Field));
        await using var db = database.NewContext();
        Assert.Equal(0, await db.Trades.CountAsync(Token));
        Assert.Equal(0, await db.Instruments.CountAsync(Token));
        Assert.Equal(0, await db.Chains.CountAsync(Token));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Trades_TimestampAfterTheInjectedClock_IsRejectedAsFuture(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Token);
        var now = new DateTime(2026, 1, 5, 10, 0, 30, DateTimeKind.Utc); // rows at 10:00 and 10:01; 5 minutes of skew allowed

        var ok = await IngestTextAsync(database, IngestKind.Trades, "application/x-ndjson", TradesNdJson, nowUtc: now);
        var late = await IngestTextAsync(database, IngestKind.Trades, "application/x-ndjson",
            TradesNdJson.Replace("2026-01-05T10:01:00Z", "2026-01-05T10:06:00Z", StringComparison.Ordinal).Replace("0xBB", "0xCC", StringComparison.Ordinal), nowUtc: now);

        Assert.Equal(3, ok.Inserted);
        var error = Assert.Single(late.Errors);
        Assert.Equal((3L, "timestamp"), (error.Row, error.Field));
        Assert.Contains("future", error.Message, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Funding_SameKeyTwiceInOneBatch_IsARowErrorNamingTheFirstRow(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Token);
        const string csv = "venue,market,timestamp,rate,intervalHours\n" +
                           "dydx,BTC-USD,2023-01-01T00:00:00Z,0.0001,1\n" +
                           "dydx,BTC-USD,2023-01-01T01:00:00Z,0.0002,1\n" +
                           "dydx,BTC-USD,2023-01-01T00:00:00Z,0.0003,1\n";

        var result = await IngestTextAsync(database, IngestKind.Funding, "text/csv", csv);

        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Row);
        Assert.Contains("row 1", error.Message, StringComparison.Ordinal);
        await using var db = database.NewContext();
        Assert.Equal(0, await db.FundingObservations.CountAsync(Token));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Prices_JsonArrayWithBarePrice_StoresAFlatCandle(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Token);
        const string json = """[{"underlying":"eth","source":"chainlink","timestamp":"2026-01-01T00:00:00Z","price":3000.5}]""";

        var result = await IngestTextAsync(database, IngestKind.Prices, "application/json", json);

        Assert.Equal(1, result.Inserted);
        await using var db = database.NewContext();
        var p = await db.PriceObservations.SingleAsync(Token);
        Assert.Equal(("ETH", 3000.5, 3000.5), (p.Underlying, p.Open, p.Low));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Quotes_UnderlyingPremium_IsConvertedWithTheForward(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Token);
        const string csv = "venue,underlying,expiry,strike,type,timestamp,bid,ask,mark,markIv,underlyingPrice,indexPrice,premiumCurrency\n" +
                           "deribit,BTC,2026-03-27T08:00:00Z,100000,call,2026-01-05T15:33:29Z,0.01,0.012,0.011,0.5,95000,94000,underlying\n";

        var result = await IngestTextAsync(database, IngestKind.Quotes, "text/csv", csv);

        Assert.Equal(1, result.Inserted);
        await using var db = database.NewContext();
        var q = await db.OptionQuotes.SingleAsync(Token);
        Assert.Equal(0.011 * 95000, q.Mark!.Value, 9);
    }

    /// <summary>NDJSON option trades on one chain with tx hashes 0x{first}…; more than one written chunk when count &gt; 5,000.</summary>
    private static string ManyTrades(int first, int count) => string.Concat(Enumerable.Range(first, count).Select(i =>
        $$"""{"chain":"base","venue":"aevo","txHash":"0x{{i:x}}","logIndex":0,"blockNumber":{{i}},"timestamp":"2026-01-05T10:00:00Z","kind":"option","underlying":"BTC","expiry":"2026-03-27T08:00:00Z","strike":90000,"type":"put","side":"buy","price":"{{i}}.5","size":1}""" + "\n"));

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Trades_RepeatInALaterChunk_IsARowErrorNamingTheFirstRow(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Token);
        var body = ManyTrades(0, 12_000) + ManyTrades(7, 1); // row 12,001 repeats row 8, two chunks earlier

        var result = await IngestTextAsync(database, IngestKind.Trades, "application/x-ndjson", body);

        var error = Assert.Single(result.Errors);
        Assert.Equal(12_001, error.Row);
        Assert.Contains("row 8 ", error.Message, StringComparison.Ordinal);
        await using var db = database.NewContext();
        Assert.Equal(0, await db.Trades.CountAsync(Token));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Trades_CoinPremiumWithoutTheForward_IsARowErrorSayingWhyItIsNeeded(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Token);
        const string body = """{"chain":"base","venue":"aevo","txHash":"0xc0","logIndex":0,"blockNumber":1,"timestamp":"2026-01-05T10:00:00Z","kind":"option","underlying":"BTC","expiry":"2026-03-27T08:00:00Z","strike":90000,"type":"put","side":"buy","price":"0.04","size":1,"premiumCurrency":"underlying"}""" + "\n";

        var result = await IngestTextAsync(database, IngestKind.Trades, "application/x-ndjson", body);

        var error = Assert.Single(result.Errors);
        Assert.Equal((1L, "underlyingPrice"), (error.Row, error.Field));
        Assert.Contains("premiumCurrency is underlying", error.Message, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Trades_ManyRepeats_AreAllCountedAndTheFirstThousandListed(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Token);
        var body = ManyTrades(0, 1_500) + ManyTrades(0, 1_500); // rows 1,501–3,000 repeat rows 1–1,500

        var result = await IngestTextAsync(database, IngestKind.Trades, "application/x-ndjson", body);

        Assert.Equal(1_500, result.Rejected);
        Assert.Equal(Ingestor.MaxListedErrors, result.Errors.Count);
        Assert.Equal(Enumerable.Range(1_501, Ingestor.MaxListedErrors).Select(r => (long)r), result.Errors.Select(e => e.Row));
        Assert.Contains("row 1 ", result.Errors[0].Message, StringComparison.Ordinal);
        await using var db = database.NewContext();
        Assert.Equal(0, await db.Trades.CountAsync(Token));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Trades_StoredRowSentTwiceInOneBatch_IsStillARepeat(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Token);
        await IngestTextAsync(database, IngestKind.Trades, "application/x-ndjson", ManyTrades(0, 3));

        var result = await IngestTextAsync(database, IngestKind.Trades, "application/x-ndjson", ManyTrades(1, 1) + ManyTrades(10, 2) + ManyTrades(1, 1));

        var error = Assert.Single(result.Errors);
        Assert.Equal((4L, "chain,txHash,logIndex"), (error.Row, error.Field));
        Assert.Contains("row 1 ", error.Message, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Trades_NewRowsBetweenStoredOnes_AreInsertedInInputOrderAndTheRestCounted(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Token);
        await IngestTextAsync(database, IngestKind.Trades, "application/x-ndjson", ManyTrades(0, 6_000));

        var result = await IngestTextAsync(database, IngestKind.Trades, "application/x-ndjson", ManyTrades(5_000, 2_000) + ManyTrades(100, 10));

        Assert.Equal((1_000L, 1_010L, 0L), (result.Inserted, result.Duplicates, result.Rejected));
        await using var db = database.NewContext();
        var last = await db.Trades.OrderByDescending(t => t.Id).Take(1_000).Select(t => t.BlockNumber).ToListAsync(Token);
        Assert.Equal(Enumerable.Range(6_000, 1_000).Reverse().Select(i => (long)i), last);
    }

    [Fact]
    public async Task Trades_OnSqlite_AreStoredAsEfCoreStoresThem()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite, Token);
        await IngestTextAsync(database, IngestKind.Trades, "application/x-ndjson", TradesNdJson);
        await using var db = database.NewContext();
        var ingested = await db.Trades.AsNoTracking().OrderBy(t => t.Id).FirstAsync(Token);
        db.Trades.Add(new Entities.TradeEntity
        {
            Chain = ingested.Chain, Venue = ingested.Venue, TxHash = "0xef", LogIndex = 9, BlockNumber = ingested.BlockNumber,
            TimestampUtc = ingested.TimestampUtc, InstrumentId = ingested.InstrumentId, Underlying = ingested.Underlying, Side = ingested.Side,
            Price = ingested.Price, PriceUsd = ingested.PriceUsd, Size = ingested.Size, FeeUsd = ingested.FeeUsd, IndexPrice = ingested.IndexPrice,
            PremiumCurrency = ingested.PremiumCurrency,
        });
        await db.SaveChangesAsync(Token);

        var stored = await db.Database.SqlQueryRaw<string>(
            "SELECT typeof(\"TimestampUtc\") || ':' || \"TimestampUtc\" || '|' || typeof(\"Price\") || ':' || \"Price\" || '|' || " +
            "typeof(\"Size\") || ':' || \"Size\" || '|' || typeof(\"IndexPrice\") || '|' || typeof(\"LogIndex\") AS \"Value\" " +
            "FROM trades WHERE \"TxHash\" IN ('0xaa', '0xef') AND \"LogIndex\" IN (1, 9) ORDER BY \"Id\"").ToListAsync(Token);

        Assert.Equal(2, stored.Count);
        Assert.Equal(stored[1], stored[0]);
    }
}
