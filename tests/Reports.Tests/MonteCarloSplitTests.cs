using System.Collections.Concurrent;
using Analytics.Data;
using Analytics.Data.Portfolios;
using Analytics.Data.Reports;
using Analytics.Data.Risk;
using Analytics.Jobs;
using Analytics.Pricing.Risk.Var;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Reports.Tests;

/// <summary>
/// Issue 18 item 6: one Monte Carlo VaR run cut into blocks of paths, each with its own seed derived from the run's seed and
/// the block number, combined in block order. The combined VaR and ES are bit-identical whether the blocks ran in order, in
/// reverse, on several threads, as separate Hangfire jobs on the host's workers, or in process within one report job.
/// </summary>
[Collection(ReportsCollection.Name)]
public sealed class MonteCarloSplitTests(ReportsFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Blocks_InAnyOrderOrThread_CombineToTheReportsFiguresBitForBit()
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AnalyticsDbContext>();
        var portfolio = (await services.GetRequiredService<PortfolioStore>().FindAsync(db, fixture.PortfolioId, 1, Token))!;
        var environment = services.GetRequiredService<ReportEnvironment>();
        var spec = ReportsFixture.Full.Specification(VarMethod.MonteCarlo);
        int blocks = ReportsFixture.Full.MonteCarloBlocks;
        var (setup, missing) = await services.GetRequiredService<VarService>().PrepareMonteCarloAsync(RiskBook.Of(portfolio.Definition), spec, fixture.Today12,
            environment.SurfaceModel, RiskCarryPlan.Of(environment.Carry), Token);
        Assert.True(setup is not null, string.Join(" ", missing.Select(m => m.Reason)));

        var inOrder = Enumerable.Range(0, blocks).Select(b => VarService.BlockProfitAndLoss(setup, blocks, b)).ToArray();
        var reversed = new double[blocks][];
        foreach (int b in Enumerable.Range(0, blocks).Reverse()) reversed[b] = VarService.BlockProfitAndLoss(setup, blocks, b);
        var threaded = new ConcurrentDictionary<int, double[]>();
        await Task.WhenAll(Enumerable.Range(0, blocks).Select(b => Task.Run(() => threaded[b] = VarService.BlockProfitAndLoss(setup, blocks, b), Token)));

        var expected = MonteCarloBlocks.Combine(inOrder, spec.Confidence);
        foreach (var other in new[] { reversed, Enumerable.Range(0, blocks).Select(b => threaded[b]).ToArray() })
        {
            var combined = MonteCarloBlocks.Combine(other, spec.Confidence);
            Assert.Equal(Bits(expected.ProfitAndLoss), Bits(combined.ProfitAndLoss));
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected.ValueAtRisk), BitConverter.DoubleToInt64Bits(combined.ValueAtRisk));
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected.ExpectedShortfall), BitConverter.DoubleToInt64Bits(combined.ExpectedShortfall));
        }

        // The final report ran the same blocks in process: the same figures, bit for bit (its JSON keeps doubles exact).
        var report = (await services.GetRequiredService<RiskReportStore>().FindAsync(db, fixture.FinalReportId, Token))!.Report;
        var mc = report.Var.Single(v => v.Method == "monte-carlo");
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.ValueAtRisk), BitConverter.DoubleToInt64Bits(mc.ValueAtRisk));
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.ExpectedShortfall), BitConverter.DoubleToInt64Bits(mc.ExpectedShortfall));
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.StandardError.ValueAtRisk), BitConverter.DoubleToInt64Bits(mc.VarStandardError!.Value));
    }

    [Fact]
    public async Task SplitRun_AsHangfireJobs_OnSeveralWorkersOrOne_GivesTheInProcessFigures()
    {
        var split = ReportsFixture.Full with { SplitMonteCarlo = true, BacktestDays = 0, Methods = ["monte-carlo"] };
        var json = ReportArguments.ToJson(split);
        fixture.Clock.UtcNow = fixture.Today12;

        // 1. Enqueued: the host's Hangfire server (several workers) runs the blocks and the finisher.
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
            Assert.Null(await scope.ServiceProvider.GetRequiredService<RiskReportJob>().RunAsync(fixture.PortfolioId, json, Token));
        var byWorkers = await WaitForSplitReportsAsync(1);

        // 2. One worker: this thread runs every block, last block first; the last block to be stored enqueues the finisher.
        var runId = Guid.NewGuid().ToString("N");
        for (int b = split.MonteCarloBlocks - 1; b >= 0; b--)
        {
            await using var scope = fixture.Factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<MonteCarloBlockJob>().RunAsync(runId, fixture.PortfolioId, 1, fixture.Today12.UtcTicks, json, b, Token);
        }

        var reports = await WaitForSplitReportsAsync(2);
        await using var db = fixture.Factory.NewDbContext();
        var nodes = await db.MonteCarloBlocks.Where(b => b.RunId == runId).CountAsync(Token);
        Assert.Equal(split.MonteCarloBlocks, nodes);

        var store = new RiskReportStore(new VarRunStore());
        var final = (await store.FindAsync(db, fixture.FinalReportId, Token))!.Report.Var.Single(v => v.Method == "monte-carlo");
        foreach (var id in reports)
        {
            var mc = (await store.FindAsync(db, id, Token))!.Report.Var.Single();
            Assert.Equal(BitConverter.DoubleToInt64Bits(final.ValueAtRisk), BitConverter.DoubleToInt64Bits(mc.ValueAtRisk));
            Assert.Equal(BitConverter.DoubleToInt64Bits(final.ExpectedShortfall), BitConverter.DoubleToInt64Bits(mc.ExpectedShortfall));
            Assert.Equal(Bits([.. final.ProfitAndLoss]), Bits([.. mc.ProfitAndLoss]));
        }

        Assert.Contains(byWorkers.Single(), reports);
    }

    [Fact]
    public void BlockSeeds_AreDistinct_AndPathsAddUp()
    {
        var seeds = Enumerable.Range(0, MonteCarloBlocks.MaxBlocks).Select(b => MonteCarloBlocks.BlockSeed(7, b)).ToHashSet();
        Assert.Equal(MonteCarloBlocks.MaxBlocks, seeds.Count);
        Assert.NotEqual(MonteCarloBlocks.BlockSeed(7, 0), MonteCarloBlocks.BlockSeed(8, 0));
        foreach (var (paths, blocks) in new[] { (2_000, 4), (10_000, 7), (1_002, 5) })
        {
            var sizes = Enumerable.Range(0, blocks).Select(b => MonteCarloBlocks.BlockPaths(paths, blocks, b)).ToArray();
            Assert.Equal(paths, sizes.Sum());
            Assert.All(sizes, s => Assert.True(s % 2 == 0 && s > 0));
        }
    }

    private async Task<List<long>> WaitForSplitReportsAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            await using var db = fixture.Factory.NewDbContext();
            var ids = await db.RiskReports.Where(r => r.SplitRunId != null).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(Token);
            if (ids.Count >= count) return ids;
            if (DateTime.UtcNow >= deadline) Assert.Fail($"{ids.Count} split report(s) after 3 minutes; expected {count}. {await DiagnosisAsync(db)}");
            await Task.Delay(200, Token);
        }
    }

    /// <summary>What the host's job server did: Hangfire's counts and failed jobs, the job_runs rows, the stored blocks.</summary>
    private async Task<string> DiagnosisAsync(AnalyticsDbContext db)
    {
        var monitoring = fixture.Factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var stats = monitoring.GetStatistics();
        var failed = monitoring.FailedJobs(0, 10).Select(f => $"{f.Value.Job?.Method.Name}: {f.Value.ExceptionType} {f.Value.ExceptionMessage}");
        var runs = await db.JobRuns.OrderBy(r => r.Id).Select(r => $"{r.Job} {r.State} attempt {r.Attempt} {r.Error}").ToListAsync(Token);
        var blocks = (await db.MonteCarloBlocks.Select(b => new { b.RunId, b.Block }).ToListAsync(Token)).Select(b => $"{b.RunId[..8]}#{b.Block}");
        return $"Hangfire: enqueued {stats.Enqueued}, processing {stats.Processing}, scheduled {stats.Scheduled}, failed {stats.Failed}, " +
               $"servers {stats.Servers}; failed jobs: [{string.Join("; ", failed)}]; job_runs: [{string.Join("; ", runs)}]; blocks stored: [{string.Join(", ", blocks)}]";
    }

    private static long[] Bits(double[] values) => [.. values.Select(BitConverter.DoubleToInt64Bits)];
}
