using System.Collections.Concurrent;
using Analytics.Data.Storage;
using Analytics.TestSupport;
using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Jobs.Tests;

/// <summary>A job that fails once with a transient error, then succeeds: Hangfire retries it after the configured delay,
/// and the job-run history shows both attempts.</summary>
public sealed class JobRetryTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Job_ThrowsOnceThenSucceeds_IsRetriedAndBothAttemptsAreRecorded()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite, Token);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var folder = Directory.CreateTempSubdirectory("analytics-retry-").FullName;
        var jobs = new JobsOptions { RunServer = true, WorkerCount = 1, RetryAttempts = 3, RetryDelaysSeconds = [1], SqlitePath = Path.Combine(folder, "hangfire.db") };
        await using var services = JobServices.Build(database, time, jobs, s => s.AddScoped<FlakyJob>());
        var hosted = services.GetServices<IHostedService>().ToList();
        foreach (var h in hosted) await h.StartAsync(Token);
        try
        {
            var key = Guid.NewGuid().ToString("N");
            var id = services.GetRequiredService<IBackgroundJobClient>().Enqueue<FlakyJob>(j => j.RunAsync(key));

            var storage = services.GetRequiredService<JobStorage>();
            var deadline = DateTime.UtcNow.AddSeconds(60);
            string? state = null;
            while (DateTime.UtcNow < deadline && (state = storage.GetConnection().GetStateData(id)?.Name) != SucceededState.StateName)
                await Task.Delay(200, Token);

            Assert.Equal(SucceededState.StateName, state);
            Assert.Equal(2, FlakyJob.Calls[key]);
            var history = storage.GetMonitoringApi().JobDetails(id).History.Select(h => h.StateName).Reverse().ToList();
            Assert.Contains(FailedState.StateName, history);
            Assert.Contains(ScheduledState.StateName, history); // the retry waited for its delay
            await using var db = database.NewContext();
            var runs = await db.JobRuns.Where(r => r.BackgroundJobId == id).OrderBy(r => r.Id).ToListAsync(Token);
            Assert.Equal(["failed", "succeeded"], runs.Select(r => r.State));
            Assert.Equal([0, 1], runs.Select(r => r.Attempt));
            Assert.Equal("IOException: transient failure 1", runs[0].Error);
            Assert.Equal("done after 2 calls", runs[1].Summary);
            Assert.All(runs, r => Assert.Equal(nameof(FlakyJob), r.Job));
        }
        finally
        {
            foreach (var h in hosted.AsEnumerable().Reverse()) await h.StopAsync(CancellationToken.None);
        }
    }
}

/// <summary>Throws an <see cref="IOException"/> on its first call per key, then succeeds.</summary>
public sealed class FlakyJob
{
    public static ConcurrentDictionary<string, int> Calls { get; } = new();

    public Task<string> RunAsync(string key)
    {
        var n = Calls.AddOrUpdate(key, 1, (_, c) => c + 1);
        if (n == 1) throw new IOException($"transient failure {n}");
        return Task.FromResult($"done after {n} calls");
    }
}
