using Analytics.Data.Ingestion;
using Analytics.Data.Queries;
using Analytics.Data.Storage;
using Analytics.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Analytics.Data.Tests.Ingestion.IngestHelper;

namespace Analytics.Data.Tests.Ingestion;

/// <summary>
/// Every file of ../shared/data sections 1–3 (PROVENANCE.md) through its importer, read in place, on both
/// databases: row counts from PROVENANCE.md and known values (stress-day closes, converted premiums, UTC+3 shifts).
/// </summary>
public sealed class SharedDataImportTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static string Data(string relative) => Path.Combine(RepositoryPaths.RequireSharedDataDirectory(), relative);

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DeribitSnapshots_BothFiles_LoadEveryRowWithPremiumsInUsdAtTheForward(StorageProvider provider)
    {
        var first = Data("options/deribit_options_snapshot_20251230T173115Z.csv");
        var second = Data("options/deribit_options_snapshot_20260105T153329Z.csv");
        await using var database = await TestDatabase.CreateAsync(provider, Token);

        var a = await IngestFileAsync(database, IngestKind.Quotes, first, IngestFormats.DeribitSnapshot);
        var b = await IngestFileAsync(database, IngestKind.Quotes, second, IngestFormats.DeribitSnapshot);
        var again = await IngestFileAsync(database, IngestKind.Quotes, first, IngestFormats.DeribitSnapshot);

        Assert.Equal((1304L, 0L), (a.Inserted, a.Rejected));
        Assert.Equal((1288L, 0L), (b.Inserted, b.Rejected));
        Assert.Equal((0L, 1304L), (again.Inserted, again.Duplicates));
        await using var db = database.NewContext();
        Assert.Equal(630 + 628, await db.OptionQuotes.CountAsync(q => q.Underlying == "BTC", Token));
        Assert.Equal(674 + 660, await db.OptionQuotes.CountAsync(q => q.Underlying == "ETH", Token));
        // BTC-16JAN26-82000-C of the run started 2025-12-30T17:31:15Z: mark 0.08550357 BTC × forward 88,728.9467 (SYN.BTC-16JAN26), not × index 88,530.23.
        // Stamped when the board is complete, 10 minutes after the run's start (issue 15, DeribitSnapshotQuoteMapper.CollectionBound).
        var instrument = await db.Instruments.SingleAsync(i => i.Key == "BTC-20260116T080000Z-82000-C-european-cash", Token);
        var at = new DateTime(2025, 12, 30, 17, 41, 15, DateTimeKind.Utc).AddTicks(9441810);
        var quote = await db.OptionQuotes.SingleAsync(q => q.InstrumentId == instrument.Id && q.TimestampUtc == at, Token);
        Assert.Equal(0.08550357 * 88728.94666666667, quote.Mark!.Value, 6);
        Assert.Equal(7586.64, quote.Mark.Value, 2);
        Assert.Equal(0.4323, quote.MarkIv!.Value, 6);
        Assert.Equal(new DateTime(2026, 1, 16, 8, 0, 0, DateTimeKind.Utc), instrument.ExpiryUtc);
        Assert.Equal(33, await db.OptionQuotes.CountAsync(q => q.TimestampUtc == at && q.Bid == null, Token));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DeribitTicker_2020File_ConvertsPercentIvsMillisecondTimesAndCoinPrices(StorageProvider provider)
    {
        var file = Data("options/deribit_btc_options_20200514.csv");
        await using var database = await TestDatabase.CreateAsync(provider, Token);

        var result = await IngestFileAsync(database, IngestKind.Quotes, file, IngestFormats.DeribitTicker);

        Assert.Equal((310L, 0L), (result.Inserted, result.Rejected));
        await using var db = database.NewContext();
        var instrument = await db.Instruments.SingleAsync(i => i.Key == "BTC-20200522T080000Z-9250-P-european-cash", Token);
        var quote = await db.OptionQuotes.SingleAsync(q => q.InstrumentId == instrument.Id, Token);
        Assert.Equal(DateTime.UnixEpoch.AddMilliseconds(1589434896486), quote.TimestampUtc);
        // Each quote at its own ticker time (the file has one per row): 274 instants from 05:41:36.486 to 05:44:06.537.
        var times = await db.OptionQuotes.Select(q => q.TimestampUtc).Distinct().ToListAsync(Token);
        Assert.Equal((274, DateTime.UnixEpoch.AddMilliseconds(1589434896486), DateTime.UnixEpoch.AddMilliseconds(1589435046537)), (times.Count, times.Min(), times.Max()));
        Assert.Equal(0.7687, quote.MarkIv!.Value, 9);
        Assert.Equal(0.8007, quote.BidIv!.Value, 9);
        Assert.Equal(0.04010621 * 9352.58, quote.Mark!.Value, 6);
        Assert.Equal(0.045 * 9352.58, quote.Ask!.Value, 6);
        Assert.Equal(9352.58, quote.UnderlyingPrice);
        Assert.Equal(7, await db.Instruments.Select(i => i.ExpiryUtc).Distinct().CountAsync(Token));
        // No ask: best_ask_price 0.0 and the ask_iv 500 placeholder become null, never a 0-USD ask.
        Assert.False(await db.OptionQuotes.AnyAsync(q => q.Ask == 0 || q.AskIv >= 5, Token));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FundingCsv_SixFiles_LoadWithVenueIntervalsAndUtcShift(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Token);
        var files = new (string Coin, string Venue, string Start, int Hours, int Offset, string? Market, long Rows)[]
        {
            ("BTC", "binance", "2020-01-01", 8, 3, null, 4383), ("ETH", "binance", "2020-01-01", 8, 3, null, 4383),
            ("BTC", "bybit", "2021-01-01", 8, 3, null, 3285), ("ETH", "bybit", "2021-01-01", 8, 3, null, 3285),
            ("BTC", "dydx", "2022-01-01", 1, 0, "BTC-USD", 17520), ("ETH", "dydx", "2022-01-01", 1, 0, "ETH-USD", 17520),
        };
        foreach (var f in files)
        {
            var result = await IngestFileAsync(database, IngestKind.Funding, Data($"funding/{f.Coin}-USDT_{f.Venue}_{f.Start}_2024-01-01_funding_history.csv"),
                IngestFormats.FundingCsv, new() { ["venue"] = f.Venue, ["intervalHours"] = $"{f.Hours}", ["utcOffsetHours"] = $"{f.Offset}", ["market"] = f.Market });
            Assert.Equal((f.Rows, 0L), (result.Inserted, result.Rejected));
        }

        await using var db = database.NewContext();
        // Binance's first row "2020-01-01 03:00:00.000" is local UTC+3: the 00:00 UTC settlement.
        var first = await db.FundingObservations.Where(x => x.Venue == "binance" && x.Market == "BTC-USDT").OrderBy(x => x.TimestampUtc).FirstAsync(Token);
        Assert.Equal(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc), first.TimestampUtc);
        Assert.Equal((-0.00012359, 8.0), (first.RatePerInterval, first.IntervalHours));
        var dydx = await db.FundingObservations.Where(x => x.Venue == "dydx" && x.Market == "BTC-USD").OrderBy(x => x.TimestampUtc).FirstAsync(Token);
        Assert.Equal((new DateTime(2022, 1, 1, 0, 0, 0, DateTimeKind.Utc), 0.0000058615, 1.0), (dydx.TimestampUtc, dydx.RatePerInterval, dydx.IntervalHours));
        var bybitHours = await db.FundingObservations.Where(x => x.Venue == "bybit").Select(x => x.TimestampUtc.Hour).Distinct().OrderBy(h => h).ToListAsync(Token);
        Assert.Equal([0, 8, 16], bybitHours);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OhlcvDaily_BothFiles_LoadEveryDayIncludingMicrosecondRowsAndStressCloses(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Token);

        var btc = await IngestFileAsync(database, IngestKind.Prices, Data("prices/Binance_BTCUSDT_d.csv"), IngestFormats.OhlcvDaily);
        var eth = await IngestFileAsync(database, IngestKind.Prices, Data("prices/Binance_ETHUSDT_d.csv"), IngestFormats.OhlcvDaily);

        Assert.Equal((2769L, 0L), (btc.Inserted, btc.Rejected));
        Assert.Equal((2769L, 0L), (eth.Inserted, eth.Rejected));
        await using var db = database.NewContext();
        // Each day is stamped at its close, 23:59:59.999999 UTC that day (issue 15), not at Unix (the day open).
        async Task<double> Close(string u, int y, int m, int d)
        {
            var at = new DateTime(y, m, d, 23, 59, 59, DateTimeKind.Utc).AddTicks(9_999_990);
            return (await db.PriceObservations.SingleAsync(p => p.Underlying == u && p.TimestampUtc == at, Token)).Close;
        }
        Assert.Equal(4800.00, await Close("BTC", 2020, 3, 12));
        Assert.Equal(107.82, await Close("ETH", 2020, 3, 12));
        Assert.Equal(30076, await Close("BTC", 2022, 5, 9), 0);
        Assert.Equal(2228.55, await Close("ETH", 2022, 5, 9));
        Assert.Equal(29030, await Close("BTC", 2022, 5, 12), 0);
        Assert.Equal(15923, await Close("BTC", 2022, 11, 9), 0);
        Assert.Equal(88680.4, await Close("BTC", 2025, 2, 25)); // a microsecond-Unix row
        var days = await db.PriceObservations.Where(p => p.Underlying == "BTC").Select(p => p.TimestampUtc).ToListAsync(Token);
        var lastMicrosecond = new TimeSpan(23, 59, 59) + TimeSpan.FromMicroseconds(999_999);
        Assert.Equal((new DateTime(2017, 8, 17).Add(lastMicrosecond), new DateTime(2025, 3, 16).Add(lastMicrosecond)), (days.Min(), days.Max()));
        Assert.All(days, d => Assert.Equal(lastMicrosecond, d.TimeOfDay));
        // The close instant keeps each candle in its own UTC day's 1-day bar.
        var bars = await new BarsQuery(db).FromPricesAsync("BTC", "cryptodatadownload", TimeSpan.FromDays(1),
            new DateTime(2022, 5, 9, 0, 0, 0, DateTimeKind.Utc), new DateTime(2022, 5, 13, 0, 0, 0, DateTimeKind.Utc), Token);
        Assert.Equal([30076.0, 29030.0], bars.Where(b => b.StartUtc.Day is 9 or 12).Select(b => Math.Round(b.Close)));
        Assert.Equal(4, bars.Count);
    }

    // Values from the files themselves (PROVENANCE.md: options/perpetual_futures_prices.csv and options/term_futures_marks.csv).
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DeribitPerpetualAndFutures_LoadEveryRowAsCandlesAtTheirClose(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Token);

        var perps = await IngestFileAsync(database, IngestKind.Prices, Data("options/perpetual_futures_prices.csv"), IngestFormats.DeribitPerpetual);
        var futures = await IngestFileAsync(database, IngestKind.Prices, Data("options/term_futures_marks.csv"), IngestFormats.DeribitFutures);
        var again = await IngestFileAsync(database, IngestKind.Prices, Data("options/term_futures_marks.csv"), IngestFormats.DeribitFutures);

        Assert.Equal((838L, 0L), (perps.Inserted, perps.Rejected));
        Assert.Equal((5854L, 0L), (futures.Inserted, futures.Rejected));
        Assert.Equal((0L, 5854L), (again.Inserted, again.Duplicates));
        await using var db = database.NewContext();
        // The 1-minute candle 17:31–17:32 around the 17:31:15.944 snapshot, stamped at its close (issue 15): 17:31:59.999999.
        var closeAt = new DateTime(2025, 12, 30, 17, 32, 0, DateTimeKind.Utc).AddTicks(-10);
        async Task<double> Price(string underlying, string source) =>
            (await db.PriceObservations.SingleAsync(p => p.Underlying == underlying && p.Source == source && p.TimestampUtc == closeAt, Token)).Close;
        Assert.Equal(88537.0, await Price("BTC", "deribit-perpetual"));
        Assert.Equal(2979.1, await Price("ETH", "deribit-perpetual"));
        Assert.Equal(92595.0, await Price("BTC", "deribit-future-btc-25dec26"));
        Assert.Equal(91540.0, await Price("BTC", "deribit-future-btc-25sep26"));
        // Every row at the end of its minute (the candles are whole minutes): hh:mm:59.999999.
        var instants = await db.PriceObservations.Select(p => p.TimestampUtc).ToListAsync(Token);
        Assert.All(instants, t => Assert.Equal(TimeSpan.TicksPerMinute - 10, t.Ticks % TimeSpan.TicksPerMinute));
        Assert.Equal(419, await db.PriceObservations.CountAsync(p => p.Underlying == "ETH" && p.Source == "deribit-perpetual", Token));
        Assert.Equal(2927, await db.PriceObservations.CountAsync(p => p.Underlying == "BTC" && p.Source.StartsWith("deribit-future-btc-"), Token));
    }
}
