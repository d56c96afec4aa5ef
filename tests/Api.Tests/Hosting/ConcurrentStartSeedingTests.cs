using Analytics.Api.Tests.Infrastructure;
using Analytics.Data.Seeding;
using Analytics.Data.Storage;
using Analytics.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Api.Tests.Hosting;

/// <summary>
/// Three nodes (an API node and two workers, as in compose) started at once on one PostgreSQL with demo seeding on: all
/// start, and the demo data is written once. Before the seeding lock two of them raced on the same rows and one stopped
/// with a unique-key violation (found by starting the processes by hand).
/// </summary>
public sealed class ConcurrentStartSeedingTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NodesStartingTogether_OnOnePostgres_SeedTheDemoDataOnce()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Postgres, Token);
        var settings = new Dictionary<string, string?> { ["Storage:SeedDemoData"] = "true" };
        var nodes = Enumerable.Range(0, 3).Select(_ => new ApiFactory(database, settings)).ToArray();
        try
        {
            using var start = new Barrier(nodes.Length);
            await Task.WhenAll(nodes.Select(node => Task.Run(() =>
            {
                start.SignalAndWait(Token);
                _ = node.Server; // starts the host: migrations check, then seeding
            }, Token)));

            await using var db = database.NewContext();
            Assert.Equal(1, await db.Portfolios.CountAsync(Token));
            Assert.Equal(2, await db.VolatilitySurfaces.CountAsync(Token)); // one demo surface per demo underlying (ETH, BTC)
            var perUnderlying = await db.PriceObservations.Where(p => p.Source == DemoData.SyntheticSource)
                .GroupBy(p => p.Underlying).Select(g => g.Count()).ToListAsync(Token);
            Assert.Equal(2, perUnderlying.Count);
            Assert.Equal(1, await db.RiskReports.CountAsync(Token));
        }
        finally
        {
            foreach (var node in nodes) await node.DisposeAsync();
        }
    }
}
