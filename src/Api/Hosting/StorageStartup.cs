using Analytics.Data;
using Analytics.Data.Portfolios;
using Analytics.Data.Seeding;
using Analytics.Data.Storage;
using Hangfire;

namespace Analytics.Api.Hosting;

public static class StorageStartup
{
    /// <summary>The <c>migrate</c> command: apply pending migrations and report.</summary>
    public static async Task MigrateStorageAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
        await SchemaMigrator.MigrateAsync(db);
        // Building the job storage installs or upgrades Hangfire's own schema, so nodes started together afterwards find it
        // current instead of racing to install it (PostgreSQL answered one of three with a serialization failure).
        _ = app.Services.GetRequiredService<JobStorage>();
        app.Logger.LogInformation("Migrations applied to {Provider}, job storage schema ready", db.Database.ProviderName);
    }

    /// <summary>
    /// At start: apply migrations where this node is allowed to (the embedded default), else refuse a schema that is
    /// behind; then seed synthetic demo data when configured.
    /// </summary>
    public static async Task PrepareStorageAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<StorageOptions>();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
        if (options.ShouldApplyMigrationsAtStartup)
            await SchemaMigrator.MigrateAsync(db);
        else
            await SchemaMigrator.EnsureUpToDateAsync(db);

        if (options.SeedDemoData)
        {
            // Nodes starting together on one PostgreSQL seed one at a time: the first writes, the others find the rows.
            await using var seeding = await SeedingLock.AcquireAsync(db, options);
            var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            var written = await DemoData.SeedAsync(db, now);
            if (written > 0)
                app.Logger.LogInformation("Seeded {Rows} synthetic demo price rows (source {Source}; not market data)", written, DemoData.SyntheticSource);
            var surfaces = await DemoSurfaces.SeedAsync(db, scope.ServiceProvider.GetRequiredService<SurfaceStore>(), now);
            if (surfaces > 0)
                app.Logger.LogInformation("Fitted {Surfaces} surfaces to synthetic demo option boards (inputs source {Source}; not market data)", surfaces, DemoData.SyntheticSource);
            var funding = await DemoBook.SeedFundingAsync(db, now);
            if (funding > 0)
                app.Logger.LogInformation("Seeded {Rows} synthetic demo funding rows (venue {Source}; not market data)", funding, DemoData.SyntheticSource);
            if (await DemoBook.SeedPortfolioAsync(db, scope.ServiceProvider.GetRequiredService<PortfolioStore>(), now))
                app.Logger.LogInformation("Stored the demo portfolio (synthetic positions)");
            var services = scope.ServiceProvider;
            if (await DemoReports.SeedAsync(db, services.GetRequiredService<Data.Reports.RiskReportService>(), services.GetRequiredService<Data.Reports.RiskReportStore>(),
                    services.GetRequiredService<PortfolioStore>(), services.GetRequiredService<Data.Reports.ReportEnvironment>(), now) is { } report)
                app.Logger.LogInformation("Stored risk report {Report} of the demo portfolio (synthetic data)", report);
        }
    }
}
