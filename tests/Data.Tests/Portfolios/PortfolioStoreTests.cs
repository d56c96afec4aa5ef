using Analytics.Data.Portfolios;
using Analytics.Data.Storage;
using Analytics.Pricing;
using Analytics.Pricing.Engines;
using Analytics.Pricing.Market;
using Analytics.TestSupport;

namespace Analytics.Data.Tests.Portfolios;

/// <summary>The portfolio store on both providers: round trip, versions, concurrent updates, deletion, listing.</summary>
public sealed class PortfolioStoreTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static PortfolioDefinition Book(string name, double calls = -10) => new(name,
        [
            PortfolioPosition.Option("eth", OptionRight.Call, OptionExerciseStyle.American, OptionSettlement.Physical, 3500.25,
                new DateTimeOffset(2027, 3, 26, 8, 0, 0, TimeSpan.Zero), calls, "Arbitrum-One", "Derive", 120.5),
            PortfolioPosition.Perpetual("ETH", 1.5, "eth-perp", 3100, null, "gmx"),
            PortfolioPosition.Spot("btc", -0.1, null, null, null),
        ],
        [new CollateralHolding("usdc", 25_000.75), new CollateralHolding("ETH", 2)]);

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FindAsync_AfterCreate_ReadsBackTheSameDefinitionNormalised(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Token);
        var store = new PortfolioStore();
        long id;
        await using (var db = database.NewContext())
            id = (await store.CreateAsync(db, Book("round trip"), T0, Token)).Id;

        await using var read = database.NewContext();
        var stored = (await store.FindAsync(read, id, null, Token))!;

        Assert.Equal(Book("round trip"), stored.Definition);
        Assert.Equal((1, 1, T0, T0, (DateTimeOffset?)null), (stored.Version, stored.LatestVersion, stored.CreatedUtc, stored.PortfolioCreatedUtc, stored.DeletedUtc));
        var option = stored.Definition.Positions[0];
        Assert.Equal(("ETH", "arbitrum-one", "derive"), (option.Underlying, option.Chain, option.Venue));
        Assert.Equal("ETH-PERP", stored.Definition.Positions[1].Market);
        Assert.Equal(["USDC", "ETH"], stored.Definition.Collateral.Select(c => c.Asset));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CreateAndUpdate_InstantsFinerThanAMicrosecond_ReturnWhatReadsBack(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Token);
        var store = new PortfolioStore();
        await using var db = database.NewContext();
        var created = await store.CreateAsync(db, Book("ticks"), T0.AddTicks(1_234_567), Token);
        var updated = (await store.UpdateAsync(db, created.Id, Book("ticks v2"), T0.AddTicks(7_654_321), Token))!;

        await using var read = database.NewContext();
        var v1 = (await store.FindAsync(read, created.Id, 1, Token))!;
        var v2 = (await store.FindAsync(read, created.Id, 2, Token))!;

        Assert.Equal((created.CreatedUtc, created.PortfolioCreatedUtc), (v1.CreatedUtc, v1.PortfolioCreatedUtc));
        Assert.Equal((updated.CreatedUtc, updated.PortfolioCreatedUtc), (v2.CreatedUtc, v2.PortfolioCreatedUtc));
        Assert.Equal(T0.AddTicks(1_234_560), created.CreatedUtc); // whole microseconds
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UpdateAsync_TwoUpdates_NewVersionsAndOldOnesUnchanged(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Token);
        var store = new PortfolioStore();
        await using var db = database.NewContext();
        var id = (await store.CreateAsync(db, Book("v1"), T0, Token)).Id;

        var v2 = await store.UpdateAsync(db, id, Book("v2", calls: -20), T0.AddMinutes(1), Token);
        var v3 = await store.UpdateAsync(db, id, Book("v3", calls: -30), T0.AddMinutes(2), Token);

        Assert.Equal((2, 3), (v2!.Version, v3!.Version));
        await using var read = database.NewContext();
        Assert.Equal(Book("v1"), (await store.FindAsync(read, id, 1, Token))!.Definition);
        Assert.Equal(Book("v2", calls: -20), (await store.FindAsync(read, id, 2, Token))!.Definition);
        var current = (await store.FindAsync(read, id, null, Token))!;
        Assert.Equal((3, T0.AddMinutes(2), T0), (current.Version, current.CreatedUtc, current.PortfolioCreatedUtc));
        Assert.Null(await store.FindAsync(read, id, 4, Token));
        Assert.Null(await store.UpdateAsync(read, id + 1000, Book("nobody"), T0, Token));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UpdateAsync_ConcurrentOnSeparateContexts_DistinctVersions(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Token);
        var store = new PortfolioStore();
        long id;
        await using (var db = database.NewContext())
            id = (await store.CreateAsync(db, Book("race"), T0, Token)).Id;
        const int Writers = 6;

        var results = await Task.WhenAll(Enumerable.Range(1, Writers).Select(i => Task.Run(async () =>
        {
            await using var db = database.NewContext();
            return (await store.UpdateAsync(db, id, Book($"race {i}", calls: -i), T0.AddSeconds(i), Token))!;
        }, Token)));

        Assert.Equal(Enumerable.Range(2, Writers), results.Select(r => r.Version).Order());
        await using var read = database.NewContext();
        foreach (var result in results)
            Assert.Equal(result.Definition, (await store.FindAsync(read, id, result.Version, Token))!.Definition);
        Assert.Equal(Writers + 1, (await store.FindAsync(read, id, null, Token))!.Version);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DeleteAsync_HidesThePortfolioButKeepsItsVersions(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Token);
        var store = new PortfolioStore();
        await using var db = database.NewContext();
        var id = (await store.CreateAsync(db, Book("gone"), T0, Token)).Id;
        await store.UpdateAsync(db, id, Book("gone v2"), T0.AddMinutes(1), Token);

        Assert.True(await store.DeleteAsync(db, id, T0.AddMinutes(2), Token));

        Assert.False(await store.DeleteAsync(db, id, T0.AddMinutes(3), Token));
        Assert.Null(await store.FindAsync(db, id, null, Token));
        Assert.Null(await store.FindAsync(db, id, 1, Token));
        Assert.Null(await store.UpdateAsync(db, id, Book("zombie"), T0.AddMinutes(4), Token));
        Assert.Empty(await store.ListAsync(db, null, 10, Token));
        var kept = (await store.FindAsync(db, id, 1, Token, includeDeleted: true))!;
        Assert.Equal((Book("gone"), T0.AddMinutes(2)), (kept.Definition, kept.DeletedUtc));
        Assert.Equal(2, (await store.FindAsync(db, id, null, Token, includeDeleted: true))!.Version);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ListAsync_MostRecentlyUpdatedFirst_KeysetPages(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Token);
        var store = new PortfolioStore();
        await using var db = database.NewContext();
        var a = (await store.CreateAsync(db, Book("a"), T0, Token)).Id;
        var b = (await store.CreateAsync(db, Book("b"), T0.AddMinutes(1), Token)).Id;
        var c = (await store.CreateAsync(db, Book("c"), T0.AddMinutes(1), Token)).Id; // same instant as b: the greater id first
        await store.UpdateAsync(db, a, new PortfolioDefinition("a2", [], []), T0.AddMinutes(2), Token);

        var first = await store.ListAsync(db, null, 2, Token);
        var rest = await store.ListAsync(db, (first[^1].UpdatedUtc.UtcDateTime, first[^1].Id), 2, Token);

        Assert.Equal([a, c, b], first.Concat(rest).Select(s => s.Id));
        Assert.Equal(new PortfolioSummary(a, "a2", 2, T0, T0.AddMinutes(2), 0), first[0]);
        Assert.Equal(3, rest[0].PositionCount);
    }
}
