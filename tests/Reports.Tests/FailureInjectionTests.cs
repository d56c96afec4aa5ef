using Analytics.Data.Entities;
using Analytics.Data.Portfolios;
using Analytics.Data.Reports;
using Analytics.Data.Storage;
using Analytics.Jobs;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Reports.Tests;

/// <summary>
/// Issue 18 items 3 and 7: a report run that fails while writing leaves nothing (not the report, not the VaR run written
/// before it in the same transaction), and a run that throws once and then succeeds stores exactly one report.
/// </summary>
[Collection(ReportsCollection.Name)]
public sealed class FailureInjectionTests(ReportsFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WriteFailsAfterTheVarRun_NothingIsStored_ThenARetryStoresOneReport()
    {
        var failing = new ThrowOnReportInsert();
        var at = fixture.Today12.AddHours(3);
        var (reportsBefore, runsBefore) = await CountsAsync();

        await Assert.ThrowsAsync<IOException>(() => RunWithAsync(failing, at));
        Assert.Equal(1, failing.Thrown);
        Assert.Equal((reportsBefore, runsBefore), await CountsAsync());

        failing.Armed = false;
        var id = await RunWithAsync(failing, at);
        Assert.Equal((reportsBefore + 1, runsBefore + 1), await CountsAsync());
        await using var db = fixture.Factory.NewDbContext();
        var row = await db.RiskReports.SingleAsync(r => r.Id == id, Token);
        Assert.Equal(at.UtcDateTime, row.AsOfUtc);
    }

    [Fact]
    public async Task CancelledMidway_NothingIsStored()
    {
        var (reportsBefore, runsBefore) = await CountsAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        fixture.Clock.UtcNow = fixture.Today12.AddHours(4);
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                scope.ServiceProvider.GetRequiredService<RiskReportJob>().RunAsync(fixture.PortfolioId, ReportArguments.ToJson(ReportsFixture.Full), cancel.Token));
        Assert.Equal((reportsBefore, runsBefore), await CountsAsync());
    }

    [Fact]
    public async Task RerunOfTheSameBackgroundJob_ReturnsTheReportItWrote_AndWritesNoOther()
    {
        // Hangfire delivers at least once: a worker killed after the report was written but before the job's state was
        // saved leaves the job to run again elsewhere. The rerun (the same background job id) finds its report.
        var (reportsBefore, runsBefore) = await CountsAsync();
        fixture.Clock.UtcNow = fixture.Today12.AddHours(5);
        var jobId = "rerun-" + Guid.NewGuid().ToString("N");
        long first, again;
        CurrentJob.BackgroundJobId = jobId;
        try
        {
            await using (var scope = fixture.Factory.Services.CreateAsyncScope())
                first = (await scope.ServiceProvider.GetRequiredService<RiskReportJob>().RunAsync(fixture.PortfolioId, ReportArguments.ToJson(ReportsFixture.Daily), Token))!.Value;
            fixture.Clock.UtcNow = fixture.Today12.AddHours(6);
            await using (var scope = fixture.Factory.Services.CreateAsyncScope())
                again = (await scope.ServiceProvider.GetRequiredService<RiskReportJob>().RunAsync(fixture.PortfolioId, ReportArguments.ToJson(ReportsFixture.Daily), Token))!.Value;
        }
        finally
        {
            CurrentJob.BackgroundJobId = null;
        }

        Assert.Equal(first, again);
        Assert.Equal((reportsBefore + 1, runsBefore + 1), await CountsAsync());
        await using var db = fixture.Factory.NewDbContext();
        Assert.Equal(jobId, await db.RiskReports.Where(r => r.Id == first).Select(r => r.BackgroundJobId).SingleAsync(Token));
    }

    /// <summary>The job as Hangfire builds it, but writing through a context with <paramref name="interceptor"/>.</summary>
    private async Task<long> RunWithAsync(ThrowOnReportInsert interceptor, DateTimeOffset at)
    {
        fixture.Clock.UtcNow = at;
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var s = scope.ServiceProvider;
        await using var db = new SqliteAnalyticsDbContext(new DbContextOptionsBuilder<SqliteAnalyticsDbContext>()
            .UseSqlite(fixture.Factory.Database.ConnectionString).AddInterceptors(interceptor).Options);
        var job = new RiskReportJob(db, s.GetRequiredService<RiskReportService>(), s.GetRequiredService<RiskReportStore>(), s.GetRequiredService<PortfolioStore>(),
            s.GetRequiredService<ReportEnvironment>(), s.GetRequiredService<PortfolioJobLock>(), s.GetRequiredService<IBackgroundJobClient>(), fixture.Clock);
        return (await job.RunAsync(fixture.PortfolioId, ReportArguments.ToJson(ReportsFixture.Daily), Token))!.Value;
    }

    private async Task<(int Reports, int Runs)> CountsAsync()
    {
        await using var db = fixture.Factory.NewDbContext();
        return (await db.RiskReports.CountAsync(Token), await db.VarRuns.CountAsync(Token));
    }

    /// <summary>Fails the save that inserts a report (after the VaR run's save in the same transaction) while armed.</summary>
    internal sealed class ThrowOnReportInsert : SaveChangesInterceptor
    {
        public bool Armed { get; set; } = true;

        public int Thrown { get; private set; }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (Armed && eventData.Context!.ChangeTracker.Entries<RiskReportEntity>().Any(e => e.State == EntityState.Added))
            {
                Thrown++;
                throw new IOException("injected failure while writing the report");
            }

            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }
}
