using Analytics.Data.Entities;
using Analytics.Data.Market;
using Analytics.Data.Storage;
using Analytics.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Jobs.Tests;

/// <summary>
/// A job values books on the same market data as a request: the job services (<see cref="JobsServiceCollectionExtensions.AddAnalyticsJobs"/>),
/// without the API, give a job's scope the <see cref="MarketSnapshotService"/>, and it reads the stored data as of an instant.
/// </summary>
public sealed class MarketDataForJobsTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddAnalyticsJobs_JobScope_BuildsMarketSnapshotFromStoredData()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite, Token);
        var asOf = new DateTime(2026, 1, 5, 8, 0, 0, DateTimeKind.Utc);
        await using (var db = database.NewContext())
        {
            db.PriceObservations.AddRange(
                Price(asOf.AddHours(-2), 3010.0),
                Price(asOf.AddHours(-1), 3020.0), // the latest at or before the instant
                Price(asOf.AddHours(1), 3030.0)); // after it: never used
            await db.SaveChangesAsync(Token);
        }

        var storage = new StorageOptions { Provider = StorageProvider.Sqlite, SqlitePath = database.SqliteFile! };
        var services = new ServiceCollection();
        services.AddAnalyticsStorage(storage, contentRoot: Path.GetTempPath());
        services.AddAnalyticsJobs(storage, new JobsOptions { RunServer = false }, Path.GetTempPath());
        services.AddOptions<ChainsOptions>().Configure(chains => chains["ethereum"] = new ChainProfileOptions
        {
            Name = "Ethereum", Rollup = "l1", BlockTimeSeconds = 12, GasCostUsd = 2, LiquidationLatencySeconds = 12, Source = "test",
        });
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });

        await using var jobScope = provider.CreateAsyncScope();
        var snapshot = await jobScope.ServiceProvider.GetRequiredService<MarketSnapshotService>()
            .BuildAsync(new MarketSnapshotRequest(new DateTimeOffset(asOf), ["ETH"], []), Token);

        var price = snapshot.Prices["ETH"];
        Assert.Equal(3020.0, price.PriceUsd);
        Assert.Equal(new DateTimeOffset(asOf.AddHours(-1)), price.ObservedAtUtc);
        Assert.Equal("ethereum", Assert.Single(snapshot.ChainProfiles).Id);
        Assert.Equal("surface", Assert.Single(snapshot.Missing).Kind);
    }

    private static PriceObservationEntity Price(DateTime timestampUtc, double close) => new()
    {
        Underlying = "ETH", Source = "test", TimestampUtc = timestampUtc, Open = close, High = close, Low = close, Close = close,
    };
}
