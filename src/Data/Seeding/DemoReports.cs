using Analytics.Data.Portfolios;
using Analytics.Data.Reports;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Data.Seeding;

/// <summary>
/// One risk report of the demo portfolio for <c>make run</c>, so the report examples of the OpenAPI document (report 1)
/// work on first start. It values synthetic data; its backtest section is empty until later reports have a stored VaR
/// history to test.
/// </summary>
public static class DemoReports
{
    /// <summary>The demo report's parameters: every VaR method, Monte Carlo in four blocks.</summary>
    public static readonly ReportParameters Parameters = new(["historical", "parametric", "delta-gamma", "monte-carlo"], Paths: 4_000, MonteCarloBlocks: 4, BacktestDays: 30);

    /// <summary>Writes a report of the first portfolio at <paramref name="nowUtc"/> when no report is stored; returns its id, or null.</summary>
    public static async Task<long?> SeedAsync(AnalyticsDbContext db, RiskReportService service, RiskReportStore store, PortfolioStore portfolios,
        ReportEnvironment environment, DateTimeOffset nowUtc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(portfolios);
        if (await db.RiskReports.AnyAsync(cancellationToken)) return null;
        var first = await db.Portfolios.AsNoTracking().Where(p => p.DeletedUtc == null).OrderBy(p => p.Id).Select(p => (long?)p.Id).FirstOrDefaultAsync(cancellationToken);
        if (first is not { } id) return null;
        // One second after the demo surfaces (stored at nowUtc to the tick), so that the report's whole-microsecond instant is after them.
        var asOf = nowUtc.AddSeconds(1);
        var (report, dayRun) = await service.ComputeAsync(id, null, Parameters, asOf, environment, null, cancellationToken);
        var portfolio = await portfolios.FindAsync(db, id, report.Inputs.PortfolioVersion, cancellationToken, includeDeleted: true);
        return (await store.WriteAsync(db, report, dayRun, portfolio!.Definition, null, asOf, cancellationToken)).Id;
    }
}
