using Analytics.Data.Market;
using Analytics.Data.Storage;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// Hangfire with in-memory storage beside SQLite (the embedded default: one process), and with
    /// PostgreSQL storage beside PostgreSQL, so any number of nodes share the queue and workers. The recurring jobs of
    /// <c>Jobs:Recurring</c> (bound to <c>IOptions&lt;List&lt;RecurringJobDefinition&gt;&gt;</c> by the host) are registered at start.
    /// Jobs value books on the same market data as requests: the <see cref="MarketSnapshotService"/> and its parts
    /// (<see cref="MarketDataServiceCollectionExtensions.AddMarketData"/>; the host binds the <c>Chains</c> options).
    /// </summary>
    public static IServiceCollection AddAnalyticsJobs(this IServiceCollection services, StorageOptions storage, bool runServer)
    {
        services.AddScoped<HeartbeatJob>();
        services.AddMarketData();
        services.AddHangfire(config =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings()
                .UseFilter(new JobMetricsFilter());
            if (storage.Provider == StorageProvider.Postgres)
                config.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(storage.PostgresConnectionString));
            else
                config.UseInMemoryStorage();
        });
        // Before the job server: the recurring jobs are registered (or the start refused) before anything polls them.
        services.AddHostedService<RecurringJobRegistrationService>();
        if (runServer)
            services.AddHangfireServer(o => o.SchedulePollingInterval = TimeSpan.FromSeconds(1));
        return services;
    }
}
