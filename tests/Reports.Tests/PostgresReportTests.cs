using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Analytics.Api.Tests.Infrastructure;
using Analytics.Data;
using Analytics.Data.Market;
using Analytics.Data.Portfolios;
using Analytics.Data.Reports;
using Analytics.Data.Seeding;
using Analytics.Data.Storage;
using Analytics.Jobs;
using Analytics.TestSupport;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Analytics.Reports.Tests;

/// <summary>
/// The report job on PostgreSQL (issue 18 item 7, "on both databases"): daily runs under the fake clock build the stored
/// VaR history the last report backtests, a write that fails after the VaR run leaves nothing and the retry stores one
/// report, and the stored report reproduces exactly.
/// </summary>
public sealed class PostgresReportTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DailyRuns_FailureThenRetry_AndReproduce_OnPostgres()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Postgres, Token);
        var today12 = new DateTimeOffset(DateTime.UtcNow.Date.AddHours(12), TimeSpan.Zero);
        var clock = new SettableClock(DateTimeOffset.UtcNow);
        await using var factory = new ApiFactory(database, configureServices: services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(clock);
        });
        _ = factory.Server;
        long portfolioId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
            await DemoData.SeedAsync(db, today12.UtcDateTime, Token);
            await DemoSurfaces.SeedAsync(db, scope.ServiceProvider.GetRequiredService<SurfaceStore>(), today12.AddDays(-10).UtcDateTime, Token);
            Assert.True(await DemoBook.SeedPortfolioAsync(db, scope.ServiceProvider.GetRequiredService<PortfolioStore>(), today12.AddDays(-10).UtcDateTime, Token));
            portfolioId = await db.Portfolios.Select(p => p.Id).SingleAsync(Token);
        }

        var daily = ReportArguments.ToJson(ReportsFixture.Daily);
        for (int k = 3; k >= 1; k--)
        {
            clock.UtcNow = today12.AddDays(-k);
            await using var scope = factory.Services.CreateAsyncScope();
            Assert.NotNull(await scope.ServiceProvider.GetRequiredService<RiskReportJob>().RunAsync(portfolioId, daily, Token));
        }

        // Today's run fails while writing (after its VaR run, in the same transaction), then succeeds.
        clock.UtcNow = today12;
        var failing = new FailureInjectionTests.ThrowOnReportInsert();
        var final = ReportArguments.ToJson(ReportsFixture.Full with { BacktestDays = 5 });
        await Assert.ThrowsAsync<IOException>(() => RunWithAsync(factory, database, clock, failing, portfolioId, final));
        Assert.Equal((3, 3), await CountsAsync(database));
        failing.Armed = false;
        long id = await RunWithAsync(factory, database, clock, failing, portfolioId, final);
        Assert.Equal((4, 4), await CountsAsync(database));

        var client = factory.CreateClient();
        var report = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reports/{id}", Token);
        Assert.Equal(today12, report.GetProperty("inputs").GetProperty("asOfUtc").GetDateTimeOffset());
        // Days −3 and −2; day −1's next close (today's) is not known at the report's noon (issue 15), so it is skipped.
        Assert.Equal(2, report.GetProperty("backtest").GetProperty("days").GetArrayLength());
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reports?portfolioId={portfolioId}", Token);
        Assert.Equal(id, list.GetProperty("items")[0].GetProperty("id").GetInt64());

        // With a key: the anonymous CPU budget may refuse it, since its estimate is the wall time the report took (long on a busy machine).
        using var reader = factory.CreateClient();
        reader.DefaultRequestHeaders.Add("X-Api-Key", TestKeys.Reader);
        var response = await reader.PostAsync($"/api/v1/reports/{id}/reproduce", null, Token);
        var reproduce = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {reproduce}");
        Assert.True(reproduce.GetProperty("matches").GetBoolean(), reproduce.ToString());
    }

    private static async Task<long> RunWithAsync(ApiFactory factory, TestDatabase database, SettableClock clock, FailureInjectionTests.ThrowOnReportInsert interceptor,
        long portfolioId, string parameters)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var s = scope.ServiceProvider;
        await using var db = new PostgresAnalyticsDbContext(new DbContextOptionsBuilder<PostgresAnalyticsDbContext>()
            .UseNpgsql(database.ConnectionString).AddInterceptors(interceptor).Options);
        var job = new RiskReportJob(db, s.GetRequiredService<RiskReportService>(), s.GetRequiredService<RiskReportStore>(), s.GetRequiredService<PortfolioStore>(),
            s.GetRequiredService<ReportEnvironment>(), s.GetRequiredService<PortfolioJobLock>(), s.GetRequiredService<IBackgroundJobClient>(), clock);
        return (await job.RunAsync(portfolioId, parameters, Token))!.Value;
    }

    private static async Task<(int Reports, int Runs)> CountsAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        return (await db.RiskReports.CountAsync(Token), await db.VarRuns.CountAsync(Token));
    }
}
