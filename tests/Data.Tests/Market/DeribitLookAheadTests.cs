using Analytics.Data.Ingestion;
using Analytics.Data.Ingestion.Formats;
using Analytics.Data.Market;
using Analytics.Data.Storage;
using Analytics.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Analytics.Data.Tests.Ingestion.IngestHelper;

namespace Analytics.Data.Tests.Market;

/// <summary>
/// Issue 15, no look-ahead in the Deribit snapshot files (PROVENANCE.md §1), on both databases:
/// <list type="bullet">
/// <item>a perpetual or dated-future price is the 1-minute chart candle around the snapshot, known at the candle's close,
/// which comes after the snapshot instant (the files' rows as they stand);</item>
/// <item>an option board is known when its collection has ended, not at the run's start in its <c>timestamp</c>: a board
/// chosen at an instant inside the collection is the previous one.</item>
/// </list>
/// </summary>
public sealed class DeribitLookAheadTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    // options/perpetual_futures_prices.csv, its BTC rows of the 2025-12-30 17:31:15.944 and 21:17:51.988 snapshots. The
    // second took the candle's close (candle_price_choice = close): 88,079 at 21:18:00, 8 s after the snapshot.
    private const string PerpetualRows = """
        snapshot_file,snapshot_timestamp_ms,obs_datetime,coin,instrument_name,candle_found,candle_tick_ms,candle_open_time_ms,candle_close_time_ms,candle_gap_open_seconds,candle_gap_close_seconds,candle_price_choice,candle_price_timestamp_ms,candle_price_gap_seconds,candle_open,candle_high,candle_low,candle_close,candle_volume,candle_cost,accepted_under_max_gap,candle_resolution,candle_price_used,perp_futures_mark_price,perp_futures_best_bid,perp_futures_best_ask,data_source
        deribit_options_snapshot_20251230T173115Z.csv,1767115875944,2025-12-30T17:31:15.944181+00:00,BTC,BTC-PERPETUAL,True,1767115860000,1767115860000,1767115920000,15.944,44.056,open,1767115860000,15.944,88539.0,88556.5,88535.0,88537.0,0.48486677,42930.0,True,1,88539.0,88539.0,,,tradingview_chart_open_close_nearest
        deribit_options_snapshot_20251230T211751Z.csv,1767129471988,2025-12-30T21:17:51.988211+00:00,BTC,BTC-PERPETUAL,True,1767129420000,1767129420000,1767129480000,51.988,8.012,close,1767129480000,8.012,88062.0,88091.5,88058.0,88079.0,0.51256335,45150.0,True,1,88079.0,88079.0,,,tradingview_chart_open_close_nearest

        """;

    // options/term_futures_marks.csv, BTC-26JUN26 at the same two snapshots; the second took the close, 89,987.5.
    private const string FuturesRows = """
        timestamp,currency,futures_instrument_name,snapshot_term_mark_price,snapshot_term_mark_min,snapshot_term_mark_max,contributing_option_rows,distinct_prices_seen,snapshot_file,snapshot_timestamp_ms,term_candle_found,term_candle_tick_ms,term_candle_open_time_ms,term_candle_close_time_ms,term_candle_gap_open_seconds,term_candle_gap_close_seconds,term_candle_price_choice,term_candle_price_timestamp_ms,term_candle_gap_seconds,term_candle_open,term_candle_high,term_candle_low,term_candle_close,term_candle_volume,term_candle_cost,term_candle_resolution,term_candle_price_used,term_candle_accepted_under_max_gap,term_mark_price_final,term_mark_price_final_source
        2025-12-30T17:31:15.944181+00:00,BTC,BTC-26JUN26,90465.22,90464.17,90465.22,82,2,deribit_options_snapshot_20251230T173115Z.csv,1767115875944,True,1767115860000,1767115860000,1767115920000,15.944,44.056,open,1767115860000,15.944,90447.5,90447.5,90447.5,90447.5,0.0,0.0,1,90447.5,True,90447.5,tradingview_chart_open_close_nearest
        2025-12-30T21:17:51.988211+00:00,BTC,BTC-26JUN26,89995.43,89995.31,89995.44,82,3,deribit_options_snapshot_20251230T211751Z.csv,1767129471988,True,1767129420000,1767129420000,1767129480000,51.988,8.012,close,1767129480000,8.012,89962.5,89987.5,89962.5,89987.5,0.08612729,7750.0,1,89987.5,True,89987.5,tradingview_chart_open_close_nearest

        """;

    private static readonly DateTimeOffset Snapshot2117 = new DateTimeOffset(2025, 12, 30, 21, 17, 51, TimeSpan.Zero).AddTicks(9_882_110);
    private static readonly DateTimeOffset CandleEnd1732 = new DateTimeOffset(2025, 12, 30, 17, 32, 0, TimeSpan.Zero).AddTicks(-10); // 17:31:59.999999
    private static readonly DateTimeOffset CandleEnd2118 = new DateTimeOffset(2025, 12, 30, 21, 18, 0, TimeSpan.Zero).AddTicks(-10); // 21:17:59.999999

    // The two boards' run starts (their timestamp column).
    private static readonly DateTimeOffset OlderStart = new DateTimeOffset(2025, 12, 30, 17, 31, 15, TimeSpan.Zero).AddTicks(9_441_810);
    private static readonly DateTimeOffset NewerStart = new DateTimeOffset(2026, 1, 5, 15, 33, 29, TimeSpan.Zero).AddTicks(7_483_870);

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DeribitPerpetual_BetweenTheSnapshotAndItsCandlesClose_ThePriceIsThePreviousCandles(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Token);
        var imported = await IngestTextAsync(database, IngestKind.Prices, "text/csv", PerpetualRows, IngestFormats.DeribitPerpetual);
        Assert.Equal((2L, 0L), (imported.Inserted, imported.Rejected));
        await using var db = database.NewContext();

        // Before the fix: 88,079 stamped at the snapshot 21:17:51.988, 8 s before that candle closed.
        foreach (var asOf in new[] { Snapshot2117, Snapshot2117.AddSeconds(5), CandleEnd2118.AddTicks(-10) })
            Assert.Equal(new UnderlyingPrice("BTC", 88537.0, CandleEnd1732, "deribit-perpetual"), await PriceAsync(db, asOf));
        foreach (var asOf in new[] { CandleEnd2118, CandleEnd2118.AddTicks(10), Snapshot2117.AddMinutes(10) })
            Assert.Equal(new UnderlyingPrice("BTC", 88079.0, CandleEnd2118, "deribit-perpetual"), await PriceAsync(db, asOf));

        // The whole candle is stored, in USD, with its volume in coin.
        var candle = await db.PriceObservations.SingleAsync(p => p.TimestampUtc == CandleEnd2118.UtcDateTime, Token);
        Assert.Equal((88062.0, 88091.5, 88058.0, 88079.0, 0.51256335), (candle.Open, candle.High, candle.Low, candle.Close, candle.Volume!.Value));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DeribitFutures_BetweenTheSnapshotAndItsCandlesClose_ThePriceIsThePreviousCandles(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Token);
        var imported = await IngestTextAsync(database, IngestKind.Prices, "text/csv", FuturesRows, IngestFormats.DeribitFutures);
        Assert.Equal((2L, 0L), (imported.Inserted, imported.Rejected));
        await using var db = database.NewContext();

        // Before the fix: 89,987.5 (the candle's close) stamped at the snapshot instant.
        Assert.Equal((90447.5, CandleEnd1732), await FutureAsync(db, Snapshot2117.AddSeconds(5)));
        Assert.Equal((89987.5, CandleEnd2118), await FutureAsync(db, CandleEnd2118));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DeribitFuturesAndPerpetual_TheUnderlyingsPriceIsThePerpetualsNeverAFuturesForward(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Token);
        await IngestTextAsync(database, IngestKind.Prices, "text/csv", PerpetualRows, IngestFormats.DeribitPerpetual);
        await IngestTextAsync(database, IngestKind.Prices, "text/csv", FuturesRows, IngestFormats.DeribitFutures);
        await using var db = database.NewContext();

        // Both candles end at 17:31:59.999999; before the fix the later row, BTC-26JUN26's 90,447.5 (a forward 2.2 % above
        // spot), was "BTC's price".
        Assert.Equal(new UnderlyingPrice("BTC", 88537.0, CandleEnd1732, "deribit-perpetual"), await PriceAsync(db, Snapshot2117.AddSeconds(5)));
        Assert.Equal(new UnderlyingPrice("BTC", 88079.0, CandleEnd2118, "deribit-perpetual"), await PriceAsync(db, CandleEnd2118));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DeribitSnapshot_DuringTheCollection_TheBoardChosenIsThePreviousCompleteOne(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Token);
        foreach (var file in new[] { "deribit_options_snapshot_20251230T173115Z.csv", "deribit_options_snapshot_20260105T153329Z.csv" })
        {
            var result = await IngestFileAsync(database, IngestKind.Quotes, Path.Combine(RepositoryPaths.RequireSharedDataDirectory(), "options", file), IngestFormats.DeribitSnapshot);
            Assert.Equal(0L, result.Rejected);
        }
        await using var db = database.NewContext();
        var bound = DeribitSnapshotQuoteMapper.CollectionBound;
        Assert.Equal(TimeSpan.FromMinutes(10), bound);

        // Before the fix each board was chosen from its run's start, minutes before its last rows were fetched.
        foreach (var during in new[] { NewerStart, NewerStart.AddMinutes(3), NewerStart + bound - TimeSpan.FromMicroseconds(1) })
            Assert.Equal(OlderStart + bound, await IndexedQuoteSnapshot.NewestAtOrBeforeAsync(db, "ETH", during, Token));
        Assert.Null(await IndexedQuoteSnapshot.NewestAtOrBeforeAsync(db, "BTC", OlderStart.AddMinutes(5), Token));
        Assert.Equal(NewerStart + bound, await IndexedQuoteSnapshot.OldestAfterAsync(db, "ETH", NewerStart.AddMinutes(3), Token));

        // From the bound on, the whole board: every ETH row of the newer file (PROVENANCE.md: 660), none of the older one.
        var complete = await IndexedQuoteSnapshot.NewestAtOrBeforeAsync(db, "ETH", NewerStart + bound, Token);
        Assert.Equal(NewerStart + bound, complete);
        var board = await IndexedQuoteSnapshot.LoadAsync(db, "ETH", complete!.Value, Token);
        Assert.Equal(660, board.Quotes.Count);
        Assert.Equal(NewerStart + bound, board.SnapshotAt);
    }

    /// <summary>BTC-26JUN26's latest candle close at or before <paramref name="asOf"/>, and its instant.</summary>
    private static async Task<(double Close, DateTimeOffset At)> FutureAsync(AnalyticsDbContext db, DateTimeOffset asOf)
    {
        var row = await db.PriceObservations.Where(p => p.Source == PriceSources.DatedFuturePrefix + "btc-26jun26" && p.TimestampUtc <= asOf.UtcDateTime)
            .OrderByDescending(p => p.TimestampUtc).FirstAsync(Token);
        return (row.Close, new DateTimeOffset(DateTime.SpecifyKind(row.TimestampUtc, DateTimeKind.Utc)));
    }

    private static async Task<UnderlyingPrice> PriceAsync(AnalyticsDbContext db, DateTimeOffset asOf)
    {
        var service = new MarketSnapshotService(db, new SurfaceStore(), new FundingCarryReader(db), MarketSnapshotServiceTests.Chains());
        var snapshot = await service.BuildAsync(new MarketSnapshotRequest(asOf, ["BTC"], []), Token);
        return snapshot.Prices["BTC"];
    }
}
