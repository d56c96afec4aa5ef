using Analytics.Data.Margin;
using Analytics.Data.Market;
using Analytics.Data.Storage;
using Analytics.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Jobs.Tests;

/// <summary>
/// The job services as the host builds them (storage, jobs, margin models and chains bound from the repository's
/// appsettings.json) on a <see cref="TestDatabase"/>, with a <see cref="FakeTimeProvider"/> as the clock, and Hangfire's
/// SQLite file in a fresh folder. No ILoggerFactory: Hangfire would make it its process-wide log provider.
/// </summary>
internal static class JobServices
{
    public static ServiceProvider Build(TestDatabase database, FakeTimeProvider time, JobsOptions? jobs = null, Action<IServiceCollection>? more = null)
    {
        var folder = Directory.CreateTempSubdirectory("analytics-jobs-test-").FullName;
        var storage = database.Provider == StorageProvider.Sqlite
            ? new StorageOptions { Provider = StorageProvider.Sqlite, SqlitePath = database.SqliteFile! }
            : new StorageOptions { Provider = StorageProvider.Postgres, PostgresConnectionString = database.ConnectionString };
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(RepositoryPaths.Root!, "appsettings.json")).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddAnalyticsStorage(storage, folder);
        services.AddAnalyticsJobs(storage, jobs ?? new JobsOptions { RunServer = false, SqlitePath = Path.Combine(folder, "hangfire.db") }, folder);
        services.AddOptions<MarginOptions>().Bind(configuration.GetSection(MarginOptions.SectionName));
        services.AddOptions<ChainsOptions>().Bind(configuration.GetSection(ChainProfileOptions.SectionName));
        services.AddMargin();
        more?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }
}
