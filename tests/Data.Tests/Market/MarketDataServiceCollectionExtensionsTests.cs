using Analytics.Data.Market;
using Analytics.Data.Storage;
using Analytics.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Analytics.Data.Tests.Market;

/// <summary>The market data services stand without the API: what a job host registers is enough to build a snapshot.</summary>
public sealed class MarketDataServiceCollectionExtensionsTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddMarketData_HostWithoutTheApi_BuildsASnapshotPerScopeOverOneSurfaceStore()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite, Token);
        var services = new ServiceCollection();
        services.AddDbContext<AnalyticsDbContext, SqliteAnalyticsDbContext>(o => o.UseSqlite(database.ConnectionString));
        services.AddSingleton<IOptionsMonitor<ChainsOptions>>(new FixedOptionsMonitor<ChainsOptions>(new ChainsOptions
        {
            ["ethereum"] = new() { Name = "Ethereum", Rollup = "l1", BlockTimeSeconds = 12, GasCostUsd = 2, LiquidationLatencySeconds = 12, Source = "test" },
        }));
        services.AddMarketData();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });

        await using var first = provider.CreateAsyncScope();
        await using var second = provider.CreateAsyncScope();
        var snapshot = await first.ServiceProvider.GetRequiredService<MarketSnapshotService>()
            .BuildAsync(new MarketSnapshotRequest(new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero), ["ETH"], []), Token);

        Assert.Equal(["ethereum"], snapshot.ChainProfiles.Select(c => c.Id).ToArray());
        Assert.Equal(["price", "surface"], snapshot.Missing.Select(m => m.Kind).ToArray());
        Assert.Same(first.ServiceProvider.GetRequiredService<SurfaceStore>(), second.ServiceProvider.GetRequiredService<SurfaceStore>());
        Assert.NotSame(first.ServiceProvider.GetRequiredService<MarketSnapshotService>(), second.ServiceProvider.GetRequiredService<MarketSnapshotService>());
    }
}
