using Analytics.Api.Tests.Infrastructure;
using Analytics.Data;
using Analytics.Data.Entities;
using Analytics.Data.Portfolios;
using Analytics.Data.Reports;
using Analytics.Data.Seeding;
using Analytics.Data.Market;
using Analytics.Data.Storage;
using Analytics.Jobs;
using Analytics.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Analytics.Reports.Tests;

/// <summary>
/// The service on a SQLite database holding the synthetic demo book (a year of daily closes, surfaces as of 25 days ago,
/// the demo portfolio stored then), and the <c>risk-report</c> job run once a day at 12:00 UTC for the 20 days before
/// today under the fake clock (each run stores its one-day VaR, the history later reports backtest), then once today
/// with every section: <see cref="FinalReportId"/>.
/// </summary>
public sealed class ReportsFixture : IAsyncLifetime
{
    /// <summary>Days of daily reports before the final one.</summary>
    public const int HistoryDays = 20;

    /// <summary>The daily reports' parameters: historical VaR only, one scenario, one model on one chain, no backtest.</summary>
    public static readonly ReportParameters Daily = new(["historical"], MarginModels: ["deribit-standard"], Chains: ["arbitrum-one"],
        StressScenarios: ["ftx-2022-11"], BacktestDays: 0);

    /// <summary>The final report's parameters: every method, Monte Carlo in four blocks, everything configured, 30 days of backtest.</summary>
    public static readonly ReportParameters Full = new(["historical", "parametric", "delta-gamma", "monte-carlo"], Paths: 2_000, Seed: 7, MonteCarloBlocks: 4, BacktestDays: 30);

    private TestDatabase? _database;

    public ApiFactory Factory { get; private set; } = null!;

    /// <summary>The host's clock (its <see cref="TimeProvider"/>).</summary>
    public SettableClock Clock { get; } = new(DateTimeOffset.UtcNow);

    public long PortfolioId { get; private set; }

    public long FinalReportId { get; private set; }

    public DateTimeOffset Today12 { get; } = new(DateTime.UtcNow.Date.AddHours(12), TimeSpan.Zero);

    public async ValueTask InitializeAsync()
    {
        var token = TestContext.Current.CancellationToken;
        _database = await TestDatabase.CreateAsync(StorageProvider.Sqlite, token);
        // Anonymous callers get 1 CPU-ms per request, so reproducing any report without a key is refused (ReportEndpointTests).
        Factory = new ApiFactory(_database, new Dictionary<string, string?> { ["Limits:AnonymousRequestBudgetCpuMs"] = "1" }, services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
        _ = Factory.Server; // start the host
        var past = Today12.AddDays(-25).UtcDateTime;
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
            await DemoData.SeedAsync(db, Today12.UtcDateTime, token);
            await DemoSurfaces.SeedAsync(db, scope.ServiceProvider.GetRequiredService<SurfaceStore>(), past, token);
            await DemoBook.SeedFundingAsync(db, Today12.UtcDateTime, token);
            Assert.True(await DemoBook.SeedPortfolioAsync(db, scope.ServiceProvider.GetRequiredService<PortfolioStore>(), past, token));
            PortfolioId = await db.Portfolios.Select(p => p.Id).SingleAsync(token);
            // Margin alerts as the margin-monitor job stores them: the final report lists the one raised two days before it
            // (its window is RiskReportService.AlertWindowDays = 7), not the one eight days before nor the one after it.
            foreach (var (raised, level) in new[] { (Today12.AddDays(-2), "warning"), (Today12.AddDays(-8), "warning"), (Today12.AddHours(1), "liquidation") })
                db.MarginAlerts.Add(new MarginAlertEntity
                {
                    PortfolioId = PortfolioId, PortfolioVersion = 1, Model = "deribit-standard", Chain = "arbitrum-one", Level = level,
                    RaisedAtUtc = raised.UtcDateTime, AsOfUtc = raised.UtcDateTime, Utilisation = 0.85, Threshold = 0.8, EquityUsd = 20_000,
                    MaintenanceMarginUsd = 17_000, InitialMarginUsd = 21_000, RecurringJobId = "monitor-test",
                });
            await db.SaveChangesAsync(token);
        }

        for (int k = HistoryDays; k >= 1; k--)
            await RunJobAsync(Today12.AddDays(-k), Daily);
        FinalReportId = await RunJobAsync(Today12, Full);
    }

    /// <summary>Runs the job as Hangfire would (a scope of the host's services), the fake clock at <paramref name="at"/>; returns the report id.</summary>
    public async Task<long> RunJobAsync(DateTimeOffset at, ReportParameters parameters)
    {
        Clock.UtcNow = at;
        await using var scope = Factory.Services.CreateAsyncScope();
        var id = await scope.ServiceProvider.GetRequiredService<RiskReportJob>().RunAsync(PortfolioId, ReportArguments.ToJson(parameters), TestContext.Current.CancellationToken);
        return id ?? throw new InvalidOperationException("the job split its Monte Carlo run");
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
    }
}
