using Analytics.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Data.Portfolios;

/// <summary>
/// Stores portfolios as immutable versions (<see cref="PortfolioVersionEntity"/>) behind a current-version pointer
/// (<see cref="PortfolioEntity"/>). An update writes version n + 1 in one transaction that first moves the pointer with a
/// conditional update (<c>WHERE CurrentVersion = n</c>): of two concurrent updates of version n only one moves it, the
/// other reads the new version and tries again, so they become n + 1 and n + 2 (the (portfolio, version) key refuses a
/// duplicate as well). Deletion marks the portfolio deleted and keeps every version, so results that name a version can
/// be reproduced. Stateless and thread-safe; one instance per application.
/// </summary>
public sealed class PortfolioStore
{
    /// <summary>How often an update tries again after losing a race to another update of the same portfolio.</summary>
    public const int MaxUpdateAttempts = 20;

    /// <summary>Stores <paramref name="definition"/> as version 1 of a new portfolio and returns it as it reads back.</summary>
    public async Task<StoredPortfolio> CreateAsync(AnalyticsDbContext db, PortfolioDefinition definition, DateTimeOffset nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(definition);
        var at = Stored(nowUtc);
        var version = PortfolioStorageMapping.ToVersion(0, 1, definition, at);
        var portfolio = new PortfolioEntity { CurrentVersion = 1, CreatedUtc = at, UpdatedUtc = at, Versions = [version] };
        db.Portfolios.Add(portfolio);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(portfolio).State = EntityState.Detached;
        db.Entry(version).State = EntityState.Detached;
        return PortfolioStorageMapping.ToStored(portfolio, version);
    }

    /// <summary>
    /// Version <paramref name="version"/> of portfolio <paramref name="id"/> (the current one when null), or null when there is
    /// no such portfolio or version, or the portfolio is deleted and <paramref name="includeDeleted"/> is false (reproducing a
    /// stored result of a deleted portfolio passes true).
    /// </summary>
    public async Task<StoredPortfolio?> FindAsync(
        AnalyticsDbContext db, long id, int? version, CancellationToken cancellationToken, bool includeDeleted = false)
    {
        ArgumentNullException.ThrowIfNull(db);
        var portfolio = await db.Portfolios.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (portfolio is null || (portfolio.DeletedUtc is not null && !includeDeleted)) return null;
        var number = version ?? portfolio.CurrentVersion;
        var row = await db.PortfolioVersions.AsNoTracking()
            .SingleOrDefaultAsync(v => v.PortfolioId == id && v.Version == number, cancellationToken);
        return row is null ? null : PortfolioStorageMapping.ToStored(portfolio, row);
    }

    /// <summary>
    /// Portfolios that are not deleted, most recently updated first (then greatest id), after the keyset position
    /// <paramref name="after"/> (the last entry of the previous page), at most <paramref name="limit"/>.
    /// </summary>
    public async Task<IReadOnlyList<PortfolioSummary>> ListAsync(
        AnalyticsDbContext db, (DateTime UpdatedUtc, long Id)? after, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var portfolios = db.Portfolios.AsNoTracking().Where(p => p.DeletedUtc == null);
        if (after is var (at, afterId)) portfolios = portfolios.Where(p => p.UpdatedUtc < at || (p.UpdatedUtc == at && p.Id < afterId));
        var rows = await portfolios
            .Join(db.PortfolioVersions, p => new { Id = p.Id, Version = p.CurrentVersion }, v => new { Id = v.PortfolioId, v.Version },
                (p, v) => new { p.Id, v.Name, p.CurrentVersion, p.CreatedUtc, p.UpdatedUtc, v.PositionCount })
            .OrderByDescending(r => r.UpdatedUtc).ThenByDescending(r => r.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
        return rows.Select(r => new PortfolioSummary(r.Id, r.Name, r.CurrentVersion, PortfolioStorageMapping.Utc(r.CreatedUtc),
            PortfolioStorageMapping.Utc(r.UpdatedUtc), r.PositionCount)).ToList();
    }

    /// <summary>
    /// Stores <paramref name="definition"/> as the next version of portfolio <paramref name="id"/> and returns it, or null
    /// when there is no such portfolio or it is deleted. Concurrent updates each get their own version (see the class).
    /// </summary>
    /// <exception cref="DbUpdateConcurrencyException">Every one of <see cref="MaxUpdateAttempts"/> attempts lost a race.</exception>
    public async Task<StoredPortfolio?> UpdateAsync(
        AnalyticsDbContext db, long id, PortfolioDefinition definition, DateTimeOffset nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(definition);
        var at = Stored(nowUtc);
        for (var attempt = 0; attempt < MaxUpdateAttempts; attempt++)
        {
            var current = await db.Portfolios.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
            if (current is null || current.DeletedUtc is not null) return null;
            var next = current.CurrentVersion + 1;
            var strategy = db.Database.CreateExecutionStrategy();
            var stored = await strategy.ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var moved = await db.Portfolios
                    .Where(p => p.Id == id && p.CurrentVersion == current.CurrentVersion && p.DeletedUtc == null)
                    .ExecuteUpdateAsync(u => u.SetProperty(p => p.CurrentVersion, next).SetProperty(p => p.UpdatedUtc, at), cancellationToken);
                if (moved == 0) return null; // another update (or a delete) came first: read again
                var version = PortfolioStorageMapping.ToVersion(id, next, definition, at);
                db.PortfolioVersions.Add(version);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                finally
                {
                    db.Entry(version).State = EntityState.Detached;
                }
                await transaction.CommitAsync(cancellationToken);
                var updated = new PortfolioEntity { Id = id, CurrentVersion = next, CreatedUtc = current.CreatedUtc, UpdatedUtc = at };
                return PortfolioStorageMapping.ToStored(updated, version);
            });
            if (stored is not null) return stored;
        }
        throw new DbUpdateConcurrencyException($"Portfolio {id} was updated concurrently {MaxUpdateAttempts} times in a row; try again.");
    }

    /// <summary>
    /// An instant as both providers store it: whole microseconds (PostgreSQL's <c>timestamptz</c> resolution), so what a
    /// write returns is what later reads return.
    /// </summary>
    private static DateTime Stored(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        return utc.AddTicks(-(utc.Ticks % (TimeSpan.TicksPerMillisecond / 1000)));
    }

    /// <summary>Deletes portfolio <paramref name="id"/> (its versions are kept); false when there is no such portfolio or it is already deleted.</summary>
    public async Task<bool> DeleteAsync(AnalyticsDbContext db, long id, DateTimeOffset nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var at = Stored(nowUtc);
        return await db.Portfolios.Where(p => p.Id == id && p.DeletedUtc == null)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.DeletedUtc, at), cancellationToken) == 1;
    }
}
