using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using Analytics.Data.Entities;
using Analytics.Data.Portfolios;
using Analytics.Data.Risk;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Data.Reports;

/// <summary>
/// Stores risk reports (<see cref="RiskReportEntity"/>): the report and the one-day VaR run it extends the history with are
/// written in one transaction, so a run that throws or is killed while writing leaves neither. Instants in whole
/// microseconds (PostgreSQL's timestamptz resolution). Stateless and thread-safe.
/// </summary>
public sealed class RiskReportStore(VarRunStore runs)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The JSON a report is stored as (also what reproduction compares).</summary>
    public static string Serialize(RiskReport report) => JsonSerializer.Serialize(report, Json);

    /// <summary>The report of <see cref="Serialize"/>'s text.</summary>
    public static RiskReport Deserialize(string json) => JsonSerializer.Deserialize<RiskReport>(json, Json) ?? throw new JsonException("null report");

    /// <summary>
    /// Writes <paramref name="report"/> (and <paramref name="dayRun"/>, when given, as a stored VaR run of the report's
    /// portfolio version) in one transaction; returns the report as it reads back.
    /// </summary>
    /// <exception cref="DbUpdateException">The write failed (nothing is stored), e.g. a split run's report already exists.</exception>
    public async Task<StoredRiskReport> WriteAsync(AnalyticsDbContext db, RiskReport report, VarRun? dayRun, PortfolioDefinition definition, string? splitRunId,
        DateTimeOffset nowUtc, CancellationToken cancellationToken, string? backgroundJobId = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(definition);
        var inputs = report.Inputs;
        var created = Microseconds(nowUtc);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            string? runId = null;
            if (dayRun is not null)
            {
                var labels = Labels(definition);
                runId = (await runs.AddAsync(db, dayRun, (inputs.PortfolioId, inputs.PortfolioVersion), labels, definition.Positions.Length, created, cancellationToken)).Id;
            }

            var stored = report with { Inputs = inputs with { AsOfUtc = Microseconds(inputs.AsOfUtc) }, VarRunId = runId };
            var entity = new RiskReportEntity
            {
                PortfolioId = inputs.PortfolioId, PortfolioVersion = inputs.PortfolioVersion, PortfolioContentHash = inputs.PortfolioContentHash,
                AsOfUtc = stored.Inputs.AsOfUtc.UtcDateTime, CreatedUtc = created.UtcDateTime, CodeVersion = Truncate(inputs.CodeVersion, 200),
                SplitRunId = splitRunId, BackgroundJobId = backgroundJobId, ReportJson = Serialize(stored),
            };
            db.RiskReports.Add(entity);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }

            return new StoredRiskReport(entity.Id, created, splitRunId, stored);
        });
    }

    /// <summary>The report <paramref name="id"/>, or null.</summary>
    public async Task<StoredRiskReport?> FindAsync(AnalyticsDbContext db, long id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var row = await db.RiskReports.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new { r.Id, r.CreatedUtc, r.SplitRunId, r.ReportJson }).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : new StoredRiskReport(row.Id, new DateTimeOffset(row.CreatedUtc), row.SplitRunId, Deserialize(row.ReportJson));
    }

    /// <summary>The id of the report background job <paramref name="backgroundJobId"/> wrote, or null.</summary>
    public async Task<long?> IdOfJobAsync(AnalyticsDbContext db, string backgroundJobId, CancellationToken cancellationToken) =>
        await db.RiskReports.Where(r => r.BackgroundJobId == backgroundJobId).Select(r => (long?)r.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Whether the report of split run <paramref name="splitRunId"/> is stored.</summary>
    public Task<bool> SplitRunStoredAsync(AnalyticsDbContext db, string splitRunId, CancellationToken cancellationToken) =>
        db.RiskReports.AnyAsync(r => r.SplitRunId == splitRunId, cancellationToken);

    /// <summary>
    /// Reports newest first (as-of descending, then id descending), optionally of one portfolio and with an as-of in
    /// [<paramref name="fromUtc"/>, <paramref name="toUtc"/>), after the keyset position <paramref name="after"/>.
    /// </summary>
    public async Task<IReadOnlyList<RiskReportSummary>> ListAsync(AnalyticsDbContext db, long? portfolioId, DateTime? fromUtc, DateTime? toUtc,
        (DateTime AsOf, long Id)? after, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var query = db.RiskReports.AsNoTracking();
        if (portfolioId is { } pid) query = query.Where(r => r.PortfolioId == pid);
        if (fromUtc is { } from) query = query.Where(r => r.AsOfUtc >= from);
        if (toUtc is { } to) query = query.Where(r => r.AsOfUtc < to);
        if (after is { } a) query = query.Where(r => r.AsOfUtc < a.AsOf || (r.AsOfUtc == a.AsOf && r.Id < a.Id));
        var rows = await query.OrderByDescending(r => r.AsOfUtc).ThenByDescending(r => r.Id).Take(limit)
            .Select(r => new { r.Id, r.PortfolioId, r.PortfolioVersion, r.AsOfUtc, r.CreatedUtc, r.CodeVersion }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new RiskReportSummary(r.Id, r.PortfolioId, r.PortfolioVersion, new DateTimeOffset(r.AsOfUtc), new DateTimeOffset(r.CreatedUtc), r.CodeVersion))];
    }

    /// <summary>A label per VaR contribution: positions in book order, then coin collateral (as the VaR endpoint labels them).</summary>
    private static ImmutableArray<string> Labels(PortfolioDefinition definition)
    {
        var labels = definition.Positions.Select((p, i) => $"{i}: {p.Kind.ToString().ToLowerInvariant()} {p.Underlying}").ToList();
        labels.AddRange(RiskBook.Of(definition).Collateral.Where(c => !RiskBook.DollarAssets.Contains(c.Key) && c.Value != 0).Select(c => $"collateral {c.Key}"));
        return [.. labels];
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    private static DateTimeOffset Microseconds(DateTimeOffset at) => new(at.UtcTicks - at.UtcTicks % 10, TimeSpan.Zero);
}
