using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Analytics.Data.Storage;
using Analytics.Jobs;

namespace Analytics.EndToEnd.Tests;

/// <summary>
/// Issue 18 item 3 on the embedded setup: a job triggered on SQLite and killed mid-run keeps its state and history
/// (Hangfire's SQLite file beside the database, the <c>job_runs</c> table) and is completed after a restart. The job is
/// held mid-run deterministically: the test holds the portfolio's job lock file, so the triggered margin monitor starts
/// (its run is recorded as <c>processing</c>) and waits on the lock when the process is killed.
/// </summary>
public sealed class JobsRestartTests
{
    private const string AdminKey = "e2e-admin-key-0123456789";
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TriggeredJob_ProcessKilledMidRun_IsCompletedAfterRestartWithItsHistory()
    {
        var folder = Directory.CreateTempSubdirectory("analytics-restart-").FullName;
        try
        {
            var environment = new Dictionary<string, string>
            {
                ["Storage__SqlitePath"] = Path.Combine(folder, "analytics.db"),
                ["Storage__SeedDemoData"] = "true", // the demo portfolio (id 1) with demo prices
                ["Auth__BootstrapAdminKey"] = AdminKey,
                ["Jobs__InvisibilityTimeout"] = "00:00:10",
                // Entry 0 of appsettings.json's Jobs:Recurring becomes a yearly margin monitor of portfolio 1: it only runs when triggered.
                ["Jobs__Recurring__0__id"] = "monitor",
                ["Jobs__Recurring__0__job"] = "margin-monitor",
                ["Jobs__Recurring__0__cron"] = "0 0 1 1 *",
                ["Jobs__Recurring__0__arguments__portfolioId"] = "1",
                ["Jobs__Recurring__0__arguments__models"] = "deribit-standard",
            };
            var lockFile = PortfolioJobLock.LockFile(
                JobsServiceCollectionExtensions.PortfolioLockFolder(new StorageOptions { SqlitePath = environment["Storage__SqlitePath"] }, new JobsOptions(), folder), 1);
            Directory.CreateDirectory(Path.GetDirectoryName(lockFile)!);

            string backgroundJobId;
            await using (var first = await NodeProcess.StartAsync([], environment, Token))
            {
                using var client = first.Client();
                client.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
                using (new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
                {
                    var trigger = await client.PostAsync("/api/v1/jobs/monitor/trigger", null, Token);
                    Assert.Equal(HttpStatusCode.Accepted, trigger.StatusCode);
                    var running = await WaitForRunAsync(client, r => r.GetProperty("state").GetString() == "processing");
                    backgroundJobId = running.GetProperty("backgroundJobId").GetString()!;
                    first.Kill(); // SIGKILL while the run waits on the lock
                }
            }

            await using var second = await NodeProcess.StartAsync([], environment, Token);
            using var reader = second.Client();
            var done = await WaitForRunAsync(reader, r => r.GetProperty("state").GetString() == "succeeded");

            var all = await RunsAsync(reader);
            Assert.Equal(2, all.Count);
            Assert.All(all, r => Assert.Equal(backgroundJobId, r.GetProperty("backgroundJobId").GetString()));
            Assert.Equal("processing", all[0].GetProperty("state").GetString()); // the killed attempt: started, never ended
            Assert.Equal(JsonValueKind.Null, all[0].GetProperty("finishedAt").ValueKind);
            Assert.Equal(1, done.GetProperty("portfolioId").GetInt64());
            Assert.Equal(1, done.GetProperty("summary").GetProperty("portfolios").GetArrayLength());
            Assert.NotEqual(all[0].GetProperty("node").GetString(), done.GetProperty("node").GetString());

            var jobs = await reader.GetFromJsonAsync<JsonElement>("/api/v1/jobs", Token);
            var monitor = jobs.GetProperty("jobs").EnumerateArray().Single(j => j.GetProperty("id").GetString() == "monitor");
            Assert.Equal("margin-monitor", monitor.GetProperty("job").GetString());
            Assert.Equal("succeeded", monitor.GetProperty("lastRunState").GetString());
            Assert.True(monitor.GetProperty("lastDurationSeconds").GetDouble() >= 0);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<List<JsonElement>> RunsAsync(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/v1/jobs/monitor/runs", Token)).GetProperty("items").EnumerateArray()];

    private static async Task<JsonElement> WaitForRunAsync(HttpClient client, Func<JsonElement, bool> pick)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            var match = (await RunsAsync(client)).Where(pick).ToList();
            if (match.Count > 0) return match[0];
            await Task.Delay(200, Token);
        }
        throw new TimeoutException("The run did not appear within 90 s.");
    }
}
