using System.Text.Json;
using Analytics.Data.Portfolios;
using Analytics.Data.Reports;
using Analytics.Data.Seeding;
using Analytics.Data.Storage;
using Analytics.Jobs;
using Analytics.TestSupport;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Analytics.EndToEnd.Tests;

/// <summary>
/// Issue 18 item 5 and the SIGKILL case of item 7: two <c>worker</c> processes on one PostgreSQL share 200 risk-report
/// jobs over 20 portfolios (each job takes its portfolio's <see cref="PortfolioJobLock"/>). The test holds portfolio 1's
/// lock until a worker is running one of its jobs, then kills that worker with SIGKILL and releases it; the other worker
/// picks the killed job up after the invisibility timeout. Every job succeeds exactly once and stores exactly one report,
/// both workers did work, and no portfolio's reports overlap in time (a report is valued when its lock is taken and
/// written before it is released, so [as-of, written] is its locked section). An API-only node (<c>Jobs:RunServer=false</c>)
/// beside them is ready before the workers start (its jobs check degraded) and healthy once their heartbeats arrive.
/// The reports are kept light (parametric VaR, one stress scenario, one margin model on one chain, no backtest): the test
/// is about the distribution of the work, the report's content has its own tests (Reports.Tests).
/// </summary>
public sealed class MultiWorkerPostgresTests
{
    private const int Portfolios = 20, JobsPerPortfolio = 10;
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoWorkers_200PortfolioJobsAndOneWorkerKilled_EachJobSucceedsOnceSpreadAndWithoutOverlap()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Postgres, Token);
        var storage = new StorageOptions { Provider = StorageProvider.Postgres, PostgresConnectionString = database.ConnectionString };
        var now = DateTimeOffset.UtcNow;
        var ids = new List<long>();
        await using (var db = database.NewContext())
        {
            await DemoData.SeedAsync(db, now.UtcDateTime, Token); // synthetic ETH and BTC closes
            var store = new PortfolioStore();
            for (var i = 0; i < Portfolios; i++)
                ids.Add((await store.CreateAsync(db, new PortfolioDefinition($"book {i}",
                    [PortfolioPosition.Perpetual("ETH", -(i + 1), "ETH-USD", 3000, "ethereum", "dydx"), PortfolioPosition.Perpetual("BTC", 0.1, "BTC-USD", 60000, "ethereum", "dydx")],
                    [new CollateralHolding("USDC", 50_000)]), now, Token)).Id);
        }

        // Short, so the killed worker's job is handed out again within the test, but not so short that a CPU-starved worker
        // misses renewing its lease (PostgreSQL slides it while the job runs): at 8 s, on a loaded 2-core machine, a running
        // job was once handed out a second time and ran twice. Hangfire delivers at least once; production uses 30 minutes.
        var jobs = new JobsOptions { InvisibilityTimeout = TimeSpan.FromSeconds(20) };
        var client = new BackgroundJobClient(JobsServiceCollectionExtensions.CreateStorage(storage, jobs, Path.GetTempPath())); // installs Hangfire's schema
        var environment = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "Postgres",
            ["Storage__PostgresConnectionString"] = database.ConnectionString,
            ["Jobs__InvisibilityTimeout"] = "00:00:20",
            ["Jobs__WorkerCount"] = "4",
        };
        // The compose layout's API node (HTTP only) is ready before any worker runs: no live job server is Degraded there, not 503.
        await using var api = await NodeProcess.StartAsync([], new Dictionary<string, string>(environment) { ["Jobs__RunServer"] = "false" }, Token);
        using var apiClient = api.Client();
        Assert.Equal("Degraded", await JobsCheckAsync(apiClient));
        var workers = await Task.WhenAll(NodeProcess.StartAsync(["worker"], environment, Token), NodeProcess.StartAsync(["worker"], environment, Token));
        try
        {
            Assert.Equal("Healthy", await JobsCheckAsync(apiClient)); // the workers' heartbeats, in the shared storage
            var parameters = ReportArguments.ToJson(new ReportParameters(["parametric"], LookbackDays: 90, MarginModels: ["dydx-v4"],
                Chains: ["arbitrum-one"], StressScenarios: ["ftx-2022-11"], BacktestDays: 0));
            var held = new PortfolioJobLock(storage, null).Acquire(ids[0], TimeSpan.FromSeconds(10));
            var enqueued = new List<string>();
            for (var round = 0; round < JobsPerPortfolio; round++)
                foreach (var id in ids)
                    enqueued.Add(client.Enqueue<RiskReportJob>(j => j.RunAsync(id, parameters, CancellationToken.None)));

            // Both workers have finished something, and one of them is running (waiting on) a job of portfolio 1: kill that one.
            string victim = "";
            await WaitUntilAsync(async () =>
            {
                await using var db = database.NewContext();
                var done = await db.JobRuns.Where(r => r.Job == RiskReportJob.Name && r.State == "succeeded").Select(r => r.Node).Distinct().CountAsync(Token);
                var waiting = await db.JobRuns.Where(r => r.PortfolioId == ids[0] && r.State == "processing").Select(r => r.Node).FirstOrDefaultAsync(Token);
                victim = waiting ?? "";
                return done == 2 && waiting is not null;
            });
            var killed = workers.Single(w => victim.EndsWith($":{w.ProcessId}", StringComparison.Ordinal));
            killed.Kill();
            held.Dispose();

            await WaitUntilAsync(async () =>
            {
                await using var db = database.NewContext();
                return await db.JobRuns.Where(r => r.Job == RiskReportJob.Name && r.State == "succeeded").Select(r => r.BackgroundJobId).Distinct().CountAsync(Token)
                       >= enqueued.Count;
            }, seconds: 120);

            await using var read = database.NewContext();
            var runs = await read.JobRuns.Where(r => r.Job == RiskReportJob.Name).ToListAsync(Token);
            var succeeded = runs.Where(r => r.State == "succeeded").ToList();
            // Every job succeeded. Hangfire delivers at least once: a worker killed after a job's method returned but before its
            // state was saved has a "succeeded" run, and the job runs again on the other worker, where it finds its report.
            Assert.Equal(enqueued.Order(StringComparer.Ordinal), succeeded.Select(r => r.BackgroundJobId).Distinct().Order(StringComparer.Ordinal));
            Assert.DoesNotContain(runs, r => r.State == "failed");
            var orphans = runs.Where(r => r.State == "processing").ToList();
            Assert.NotEmpty(orphans); // the killed worker's run(s) of portfolio 1 at least
            Assert.All(orphans, o => Assert.Equal(victim, o.Node));
            Assert.All(orphans, o => Assert.Contains(succeeded, s => s.BackgroundJobId == o.BackgroundJobId && s.Node != victim));
            Assert.Equal(2, succeeded.Select(r => r.Node).Distinct().Count());

            var reports = await read.RiskReports.AsNoTracking().Select(r => new { r.PortfolioId, r.AsOfUtc, r.CreatedUtc, r.BackgroundJobId }).ToListAsync(Token);
            // Exactly one report per job: none lost, none written twice.
            Assert.Equal(enqueued.Order(StringComparer.Ordinal), reports.Select(r => r.BackgroundJobId!).Order(StringComparer.Ordinal));
            foreach (var group in reports.GroupBy(r => r.PortfolioId))
            {
                var sections = group.OrderBy(r => r.AsOfUtc).ToList();
                Assert.Equal(JobsPerPortfolio, sections.Count);
                for (var i = 1; i < sections.Count; i++)
                    Assert.True(sections[i].AsOfUtc >= sections[i - 1].CreatedUtc,
                        $"Portfolio {group.Key}: a report was valued at {sections[i].AsOfUtc:O} while another was written at {sections[i - 1].CreatedUtc:O}.");
            }
        }
        finally
        {
            foreach (var w in workers) await w.DisposeAsync();
        }
    }

    /// <summary>The status of the <c>jobs</c> check in the node's <c>/health/ready</c> (which must answer 200).</summary>
    private static async Task<string?> JobsCheckAsync(HttpClient node)
    {
        using var response = await node.GetAsync("/health/ready", Token);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        return body.RootElement.GetProperty("checks").GetProperty("jobs").GetProperty("status").GetString();
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, int seconds = 90)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Not reached within {seconds} s.");
            await Task.Delay(250, Token);
        }
    }
}
