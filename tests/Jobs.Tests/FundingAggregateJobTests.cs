using System.Text.Json;
using Analytics.Data.Entities;
using Analytics.Data.Ingestion;
using Analytics.Data.Ingestion.Formats;
using Analytics.Data.Storage;
using Analytics.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Jobs.Tests;

public sealed class FundingAggregateJobTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>
    /// Two days of 8-hourly funding: the daily annualised rate is 8760 × Σ rate ÷ Σ hours (simple, hour-weighted), e.g.
    /// three payments of 0.0001 over 24 h give 8760 × 0.0003 ÷ 24 = 0.1095; rows outside the look-back or after now are left out.
    /// </summary>
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RunAsync_TwoDays_AggregatesPerVenueMarketAndDay(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Token);
        var now = new DateTimeOffset(2026, 6, 10, 20, 0, 0, TimeSpan.Zero);
        await using (var db = database.NewContext())
        {
            var day1 = new DateTime(2026, 6, 9, 0, 0, 0, DateTimeKind.Utc);
            db.Venues.Add(new VenueEntity { Id = "binance", FirstSeenUtc = day1.AddDays(-30) });
            foreach (var h in new[] { 0, 8, 16 }) db.FundingObservations.Add(Funding(day1.AddHours(h), 0.0001));
            foreach (var h in new[] { 0, 8, 16 }) db.FundingObservations.Add(Funding(day1.AddDays(1).AddHours(h), h == 16 ? 0.0004 : -0.0001));
            db.FundingObservations.Add(Funding(day1.AddDays(-1), 0.5));      // before the 2-day look-back
            db.FundingObservations.Add(Funding(now.UtcDateTime.AddHours(1), 0.5)); // after now
            await db.SaveChangesAsync(Token);
        }
        await using var services = JobServices.Build(database, new FakeTimeProvider(now));
        await using var scope = services.CreateAsyncScope();

        var summary = await scope.ServiceProvider.GetRequiredService<FundingAggregateJob>().RunAsync(2, null, Token);

        using var json = JsonDocument.Parse(summary);
        var market = Assert.Single(json.RootElement.GetProperty("markets").EnumerateArray());
        Assert.Equal("binance", market.GetProperty("venue").GetString());
        var daily = market.GetProperty("daily").EnumerateArray().ToList();
        Assert.Equal(["2026-06-09", "2026-06-10"], daily.Select(d => d.GetProperty("day").GetString()));
        Assert.Equal(8760 * 0.0003 / 24, daily[0].GetProperty("summary").GetProperty("annualisedRate").GetDouble(), 12);
        Assert.Equal(8760 * 0.0002 / 24, daily[1].GetProperty("summary").GetProperty("annualisedRate").GetDouble(), 12);
        Assert.Equal(6, market.GetProperty("window").GetProperty("observations").GetInt32());
        Assert.Equal(8760 * 0.0005 / 48, market.GetProperty("window").GetProperty("annualisedRate").GetDouble(), 12);
    }

    private static FundingObservationEntity Funding(DateTime at, double rate) => new()
    {
        Venue = "binance", Market = "ETH-USDT", TimestampUtc = at, RatePerInterval = rate, IntervalHours = 8,
    };
}

public sealed class SurfaceRefitJobTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RunAsync_NoIndexedQuotes_RecordsThatItSkippedAndStoresNothing(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Token);
        await using var services = JobServices.Build(database, new FakeTimeProvider(new DateTimeOffset(2026, 6, 10, 0, 0, 0, TimeSpan.Zero)));
        await using var scope = services.CreateAsyncScope();

        var summary = await scope.ServiceProvider.GetRequiredService<SurfaceRefitJob>().RunAsync("ETH", "svi", 0.5, Token);

        using var json = JsonDocument.Parse(summary);
        Assert.Equal("skipped", json.RootElement.GetProperty("outcome").GetString());
        Assert.Contains("2026-06-10T00:00:00", json.RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);
        await using var db = database.NewContext();
        Assert.Equal(0, db.VolatilitySurfaces.Count());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RunAsync_FitsEachNewBoardOnce_AtTheBoardsInstant(StorageProvider provider)
    {
        // The two shared Deribit boards (2025-12-30 and 2026-01-05), imported as the quotes endpoint imports them. The job at
        // noon after the second board fits that board; run again it skips (no newer quotes); a clock between the boards
        // would have fitted the first one.
        await using var database = await TestDatabase.CreateAsync(provider, Token);
        var shared = RepositoryPaths.RequireSharedDataDirectory();
        foreach (var file in new[] { "deribit_options_snapshot_20251230T173115Z.csv", "deribit_options_snapshot_20260105T153329Z.csv" })
        {
            await using var db = database.NewContext();
            await using var stream = File.OpenRead(Path.Combine(shared, "options", file));
            var imported = await Ingestor.IngestAsync(db, IngestKind.Quotes, "text/csv", IngestFormats.DeribitSnapshot, new FormatParameters(new Dictionary<string, string?>()), stream,
                DateTime.UtcNow, Token);
            Assert.True(imported.Inserted > 1000, $"{file}: {imported.Inserted} rows");
        }

        async Task<JsonElement> RunAtAsync(DateTimeOffset at)
        {
            await using var services = JobServices.Build(database, new FakeTimeProvider(at));
            await using var scope = services.CreateAsyncScope();
            return JsonDocument.Parse(await scope.ServiceProvider.GetRequiredService<SurfaceRefitJob>().RunAsync("ETH", "svi", 0.5, Token)).RootElement.Clone();
        }

        var between = new DateTimeOffset(2026, 1, 2, 12, 0, 0, TimeSpan.Zero);
        var first = await RunAtAsync(between);
        Assert.Equal("fitted", first.GetProperty("outcome").GetString());
        Assert.Equal(new DateTime(2025, 12, 30), first.GetProperty("snapshotAt").GetDateTimeOffset().UtcDateTime.Date);

        var noon = new DateTimeOffset(2026, 1, 5, 18, 0, 0, TimeSpan.Zero);
        var second = await RunAtAsync(noon);
        Assert.Equal("fitted", second.GetProperty("outcome").GetString());
        Assert.Equal(new DateTime(2026, 1, 5), second.GetProperty("snapshotAt").GetDateTimeOffset().UtcDateTime.Date);
        Assert.Equal(first.GetProperty("snapshotAt").GetDateTimeOffset(), second.GetProperty("previousSnapshotAt").GetDateTimeOffset());

        var again = await RunAtAsync(noon.AddHours(1));
        Assert.Equal("skipped", again.GetProperty("outcome").GetString());
        Assert.Equal(second.GetProperty("surfaceId").GetInt64(), again.GetProperty("lastSurfaceId").GetInt64());

        await using var check = database.NewContext();
        var stored = await check.VolatilitySurfaces.Where(s => s.Underlying == "ETH").OrderBy(s => s.Id).ToListAsync(Token);
        Assert.Equal(2, stored.Count);
        Assert.Equal(second.GetProperty("surfaceId").GetInt64(), stored[^1].Id);
    }
}
