using Analytics.Data.Storage;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Analytics.Jobs.Tests;

/// <summary>The recurring jobs are registered when the host starts, ahead of the job server.</summary>
public sealed class RecurringJobRegistrationServiceTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static RecurringJobDefinition Heartbeat(string id, string cron = "* * * * *", string timeZone = "Etc/UTC") =>
        new() { Id = id, Cron = cron, TimeZone = timeZone, Job = HeartbeatJob.Name };

    // The services as the host builds them (Hangfire's SQLite file beside the SQLite database, in a fresh folder), with
    // Jobs:Recurring bound. No ILoggerFactory: Hangfire would make it its process-wide log provider, and it is disposed
    // with these services.
    private static ServiceProvider Services(List<RecurringJobDefinition> definitions, bool runServer)
    {
        var services = new ServiceCollection();
        var folder = Directory.CreateTempSubdirectory("analytics-jobs-test-").FullName;
        services.AddAnalyticsJobs(new StorageOptions { Provider = StorageProvider.Sqlite, SqlitePath = "analytics.db" }, new JobsOptions { RunServer = runServer }, folder);
        services.AddOptions<List<RecurringJobDefinition>>().Configure(list => list.AddRange(definitions));
        return services.BuildServiceProvider();
    }

    [Fact]
    public void AddAnalyticsJobs_WithJobServer_StartsRegistrationBeforeTheServer()
    {
        using var services = Services([Heartbeat("a")], runServer: true);

        var hosted = services.GetServices<IHostedService>().ToList();

        Assert.Equal(2, hosted.Count);
        Assert.IsType<RecurringJobRegistrationService>(hosted[0]);
    }

    [Fact]
    public async Task StartAsync_ConfiguredJobs_RegistersThemWithTheirTimeZone()
    {
        using var services = Services([Heartbeat("a", timeZone: "Europe/Zurich")], runServer: false);

        foreach (var hosted in services.GetServices<IHostedService>())
            await hosted.StartAsync(Token);

        using var connection = services.GetRequiredService<JobStorage>().GetConnection();
        var job = Assert.Single(connection.GetRecurringJobs());
        Assert.Equal("a", job.Id);
        Assert.Equal("Europe/Zurich", job.TimeZoneId);
    }

    [Fact]
    public async Task StartAsync_InvalidDefinition_ThrowsAndRegistersNothing()
    {
        using var services = Services([Heartbeat("ok"), Heartbeat("bad", cron: "61 * * * *")], runServer: false);
        var registration = Assert.Single(services.GetServices<IHostedService>());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => registration.StartAsync(Token));

        Assert.StartsWith("Invalid Jobs:Recurring: Jobs:Recurring:1:Cron '61 * * * *'", error.Message);
        using var connection = services.GetRequiredService<JobStorage>().GetConnection();
        Assert.Empty(connection.GetRecurringJobs());
    }
}
