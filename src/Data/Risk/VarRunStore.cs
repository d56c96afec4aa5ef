using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using Analytics.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Data.Risk;

/// <summary>
/// Stores VaR runs (<see cref="VarRunEntity"/>), so a run's JSON and picture survive a restart and read the same on every
/// node, and the daily VaR history of a portfolio can be backtested. Instants in whole microseconds (PostgreSQL's
/// timestamptz resolution). Stateless and thread-safe.
/// </summary>
public sealed class VarRunStore
{
    private static readonly JsonSerializerOptions Json = new()
    {
        IncludeFields = true, // the standard errors are a value tuple
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Stores <paramref name="run"/> under a new id and returns it as it reads back.</summary>
    public async Task<StoredVarRun> AddAsync(AnalyticsDbContext db, VarRun run, (long Id, int Version)? portfolio, ImmutableArray<string> contributionLabels,
        int heldPositions, DateTimeOffset nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(run);
        var stored = new StoredVarRun(Guid.NewGuid().ToString("N")[..16], run with { AsOfUtc = Microseconds(run.AsOfUtc) },
            portfolio?.Id, portfolio?.Version, contributionLabels, heldPositions, Microseconds(nowUtc));
        var entity = new VarRunEntity
        {
            Id = stored.Id, PortfolioId = stored.PortfolioId, PortfolioVersion = stored.PortfolioVersion,
            AsOfUtc = stored.Run.AsOfUtc.UtcDateTime, CreatedUtc = stored.CreatedUtc.UtcDateTime, Method = run.Specification.Method.ToString(),
            Confidence = run.Specification.Confidence, HorizonDays = run.Specification.HorizonDays,
            ValueAtRisk = run.Estimate.ValueAtRisk, ExpectedShortfall = run.Estimate.ExpectedShortfall,
            RunJson = JsonSerializer.Serialize(stored, Json),
        };
        db.VarRuns.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(entity).State = EntityState.Detached;
        return stored;
    }

    /// <summary>The run <paramref name="id"/>, or null.</summary>
    public async Task<StoredVarRun?> FindAsync(AnalyticsDbContext db, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var json = await db.VarRuns.AsNoTracking().Where(r => r.Id == id).Select(r => r.RunJson).FirstOrDefaultAsync(cancellationToken);
        return json is null ? null : JsonSerializer.Deserialize<StoredVarRun>(json, Json);
    }

    /// <summary>
    /// The daily VaR history of portfolio <paramref name="portfolioId"/>: of its one-day runs at <paramref name="confidence"/>
    /// with an as-of on a UTC day from <paramref name="fromDay"/> to <paramref name="toDay"/>, the last of each day (latest
    /// as-of, then latest stored), in day order.
    /// </summary>
    public async Task<IReadOnlyList<StoredVarRun>> DailyAsync(
        AnalyticsDbContext db, long portfolioId, DateOnly fromDay, DateOnly toDay, double confidence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var from = fromDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var to = toDay.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var rows = await db.VarRuns.AsNoTracking()
            .Where(r => r.PortfolioId == portfolioId && r.HorizonDays == 1 && r.AsOfUtc >= from && r.AsOfUtc < to)
            .Select(r => new { r.Id, r.AsOfUtc, r.CreatedUtc, r.Confidence })
            .ToListAsync(cancellationToken);
        var last = rows.Where(r => Math.Abs(r.Confidence - confidence) < 1e-12)
            .GroupBy(r => DateOnly.FromDateTime(r.AsOfUtc))
            .Select(g => g.OrderByDescending(r => r.AsOfUtc).ThenByDescending(r => r.CreatedUtc).ThenByDescending(r => r.Id, StringComparer.Ordinal).First().Id)
            .ToHashSet(StringComparer.Ordinal);
        var runs = new List<StoredVarRun>(last.Count);
        foreach (var id in last)
            if (await FindAsync(db, id, cancellationToken) is { } run) runs.Add(run);
        return [.. runs.OrderBy(r => r.Run.AsOfUtc)];
    }

    private static DateTimeOffset Microseconds(DateTimeOffset at) => new(at.UtcTicks - at.UtcTicks % 10, TimeSpan.Zero);
}
