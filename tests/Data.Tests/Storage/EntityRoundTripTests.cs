using Analytics.Data.Entities;
using Analytics.Data.Seeding;
using Analytics.Data.Storage;
using Analytics.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Data.Tests.Storage;

/// <summary>The same behaviour on SQLite and PostgreSQL: UTC instants, unique identities, the demo seed.</summary>
public sealed class EntityRoundTripTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PriceObservation_SavedAndRead_KeepsUtcInstantToTheTick(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Token);
        // PostgreSQL timestamptz keeps microseconds, so the instant is chosen on a microsecond boundary.
        var instant = new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc).AddTicks(1_234_560);
        await using (var db = database.NewContext())
        {
            db.PriceObservations.Add(Price("ETH", "test", instant, 2500.25));
            await db.SaveChangesAsync(Token);
        }

        await using var read = database.NewContext();
        var row = await read.PriceObservations.SingleAsync(Token);

        Assert.Equal(instant, row.TimestampUtc);
        Assert.Equal(DateTimeKind.Utc, row.TimestampUtc.Kind);
        Assert.Equal(2500.25, row.Close);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PriceObservation_TimeRangeQuery_ComparesInstantsInSql(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Token);
        var t0 = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        await using (var db = database.NewContext())
        {
            for (var day = 0; day < 10; day++) db.PriceObservations.Add(Price("BTC", "test", t0.AddDays(day), 90_000 + day));
            await db.SaveChangesAsync(Token);
        }

        await using var read = database.NewContext();
        var from = t0.AddDays(3);
        var to = t0.AddDays(6);
        var closes = await read.PriceObservations.Where(p => p.TimestampUtc >= from && p.TimestampUtc < to)
            .OrderBy(p => p.TimestampUtc).Select(p => p.Close).ToListAsync(Token);

        Assert.Equal([90_003.0, 90_004.0, 90_005.0], closes);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PriceObservation_SameUnderlyingSourceAndInstant_IsRejectedByTheUniqueIndex(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Token);
        var instant = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        await using var db = database.NewContext();
        db.PriceObservations.AddRange(Price("ETH", "test", instant, 1), Price("ETH", "test", instant, 2));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Token));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DemoDataSeed_RunTwice_WritesOnceAndMarksEveryRowSynthetic(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Token);
        var now = new DateTime(2026, 11, 24, 15, 30, 0, DateTimeKind.Utc);
        await using var db = database.NewContext();

        var first = await DemoData.SeedAsync(db, now, Token);
        var second = await DemoData.SeedAsync(db, now, Token);

        Assert.Equal(2 * 365, first);
        Assert.Equal(0, second);
        Assert.Equal(first, await db.PriceObservations.CountAsync(Token));
        Assert.All(await db.PriceObservations.ToListAsync(Token), p =>
        {
            Assert.Equal(DemoData.SyntheticSource, p.Source);
            Assert.True(p.Low <= Math.Min(p.Open, p.Close) && p.High >= Math.Max(p.Open, p.Close), "a candle's low/high bound its open and close");
        });
        // The last candle is the day before now's (the last close known at now), stamped at that day's close (issue 15).
        Assert.Equal(now.Date.AddTicks(-10), await db.PriceObservations.MaxAsync(p => p.TimestampUtc, Token));
        Assert.All(await db.PriceObservations.Select(p => p.TimestampUtc).ToListAsync(Token), t => Assert.Equal(new TimeSpan(23, 59, 59).Add(TimeSpan.FromMicroseconds(999_999)), t.TimeOfDay));
    }

    private static PriceObservationEntity Price(string underlying, string source, DateTime at, double close) => new()
    {
        Underlying = underlying, Source = source, TimestampUtc = at, Open = close, High = close, Low = close, Close = close,
    };
}
