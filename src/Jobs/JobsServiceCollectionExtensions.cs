using Analytics.Data.Market;
using Analytics.Data.Storage;
using Hangfire;
using Hangfire.Common;
using Hangfire.PostgreSql;
using Npgsql;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Analytics.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// Hangfire with durable storage: a SQLite file beside the SQLite database on the embedded default
    /// (<see cref="HangfireSqlitePath"/>; one process, jobs and their history survive a restart), and PostgreSQL storage
    /// beside PostgreSQL, so any number of nodes share the queue and workers. Every attempt of every job is recorded in
    /// <c>job_runs</c> (<see cref="JobRunFilter"/>); failures retry with the configured backoff. The recurring jobs of
    /// <c>Jobs:Recurring</c> (bound to <c>IOptions&lt;List&lt;RecurringJobDefinition&gt;&gt;</c> by the host) are registered at start.
    /// Jobs value books on the same market data as requests: the <see cref="MarketSnapshotService"/> and its parts
    /// (<see cref="MarketDataServiceCollectionExtensions.AddMarketData"/>; the host binds the <c>Chains</c> options).
    /// </summary>
    public static IServiceCollection AddAnalyticsJobs(this IServiceCollection services, StorageOptions storage, JobsOptions jobs, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(jobs);
        if (jobs.RunHistoryDays < 1 || jobs.RunHistoryMaxPerJob < 1)
            throw new InvalidOperationException(
                $"Jobs:RunHistoryDays ({jobs.RunHistoryDays}) and Jobs:RunHistoryMaxPerJob ({jobs.RunHistoryMaxPerJob}) must be at least 1.");
        var retention = new JobRunRetention(jobs.RunHistoryDays, jobs.RunHistoryMaxPerJob);
        services.AddSingleton(jobs);
        services.TryAddSingleton(storage);
        foreach (var kind in JobKinds.All) services.AddScoped(kind.JobType);
        services.AddSingleton(_ => new PortfolioJobLock(storage,
            storage.Provider == StorageProvider.Postgres ? null : PortfolioLockFolder(storage, jobs, contentRoot)));
        services.AddScoped<MonteCarloBlockJob>();
        services.AddMarketData();
        // The job servers of this container (not every host of the process: Hangfire's global filters are static) record
        // each attempt; AddHangfire keeps this provider (it only adds its own when none is registered).
        services.AddSingleton<IJobFilterProvider>(provider => new JobFilterProviderCollection(JobFilterProviders.Providers,
            new JobRunFilter(provider.GetRequiredService<IServiceScopeFactory>(), provider.GetService<TimeProvider>() ?? TimeProvider.System,
                retention)));
        // This container's storage (not the process-wide JobStorage.Current, which the last configured host would win).
        services.AddSingleton<JobStorage>(_ => CreateStorage(storage, jobs, contentRoot));
        // And this container's job activator. AddHangfire's default is the process-wide JobActivator.Current as it is when
        // first read: with two hosts starting at once (the test suites do) one host's job server could take the other's,
        // and fail every job with ObjectDisposedException once that host was disposed.
        services.AddSingleton<JobActivator>(provider => new Hangfire.AspNetCore.AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((provider, config) =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings()
                .UseFilter(new JobMetricsFilter())
                .UseStorage(provider.GetRequiredService<JobStorage>());
            if (provider.GetService<ILoggerFactory>() is { } loggers) config.UseLogProvider(new HostLogProvider(loggers));
            ConfigureRetries(jobs);
        });
        // Before the job server: the recurring jobs are registered (or the start refused) before anything polls them.
        services.AddHostedService<RecurringJobRegistrationService>();
        if (jobs.RunServer)
            services.AddHangfireServer(o =>
            {
                o.SchedulePollingInterval = TimeSpan.FromSeconds(1);
                if (jobs.WorkerCount is { } n) o.WorkerCount = n;
            });
        return services;
    }

    /// <summary>
    /// PostgreSQL storage (sliding invisibility: a running job's lease is renewed, a dead worker's job is handed out again
    /// after <see cref="JobsOptions.InvisibilityTimeout"/>), or the SQLite file <see cref="HangfireSqlitePath"/>.
    /// </summary>
    public static JobStorage CreateStorage(StorageOptions storage, JobsOptions jobs, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(jobs);
        return storage.Provider == StorageProvider.Postgres
            ? new PostgreSqlStorage(new PostgresConnections(storage.PostgresConnectionString!), new PostgreSqlStorageOptions
            {
                InvisibilityTimeout = jobs.InvisibilityTimeout,
                UseSlidingInvisibilityTimeout = true,
                QueuePollInterval = TimeSpan.FromSeconds(1),
                // A lock row older than this is taken as abandoned (its process died holding it). Hangfire holds its own
                // locks for milliseconds (schedules, state changes; portfolio jobs use PortfolioJobLock), so a minute is
                // ample, and a node restarted after a SIGKILL waits at most that long for one (the default is 10 minutes).
                DistributedLockTimeout = TimeSpan.FromMinutes(1),
            })
            : new SQLiteStorage(HangfireSqlitePath(storage, jobs, contentRoot), new SQLiteStorageOptions
            {
                InvisibilityTimeout = jobs.InvisibilityTimeout,
                QueuePollInterval = TimeSpan.FromSeconds(1),
            });
    }

    /// <summary>
    /// The embedded setup's Hangfire file: <see cref="JobsOptions.SqlitePath"/>, else the SQLite database's path with
    /// <c>.hangfire</c> before its extension; its folder is created.
    /// </summary>
    public static string HangfireSqlitePath(StorageOptions storage, JobsOptions jobs, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(jobs);
        var database = Path.GetFullPath(Path.Combine(contentRoot, storage.SqlitePath));
        var folder = Path.GetDirectoryName(database)!;
        var path = jobs.SqlitePath is { Length: > 0 } configured
            ? Path.GetFullPath(Path.Combine(folder, configured))
            : Path.Combine(folder, Path.GetFileNameWithoutExtension(database) + ".hangfire" + Path.GetExtension(database));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    /// <summary>The embedded setup's portfolio lock files: <see cref="HangfireSqlitePath"/> with <c>.locks</c> after it.</summary>
    public static string PortfolioLockFolder(StorageOptions storage, JobsOptions jobs, string contentRoot) =>
        HangfireSqlitePath(storage, jobs, contentRoot) + ".locks";

    /// <summary>Hangfire's automatic retry with <see cref="JobsOptions.RetryAttempts"/> and the configured delays (a method's own attribute still wins).</summary>
    private static void ConfigureRetries(JobsOptions jobs)
    {
        GlobalJobFilters.Filters.Remove(typeof(AutomaticRetryAttribute));
        GlobalJobFilters.Filters.Add(new AutomaticRetryAttribute
        {
            Attempts = jobs.RetryAttempts,
            DelaysInSeconds = jobs.RetryDelaysSeconds is { Length: > 0 } d ? d : null,
            OnAttemptsExceeded = AttemptsExceededAction.Fail,
        });
    }

    /// <summary>A new (pooled) Npgsql connection per request of Hangfire's PostgreSQL storage.</summary>
    private sealed class PostgresConnections(string connectionString) : IConnectionFactory
    {
        public NpgsqlConnection GetOrCreateConnection() => new(connectionString);
    }
}
