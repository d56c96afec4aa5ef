using System.Collections.Concurrent;
using Analytics.Pricing;
using Analytics.Pricing.Surfaces;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Data.Market;

/// <summary>
/// Stores fitted surfaces and reads them back (<see cref="SurfaceStorageMapping"/>). A stored surface never changes, so
/// loaded ones are kept in memory by id (bounded); "the latest surface of X" is always asked of the database (one index
/// seek), so every node sees a new fit at once. One instance per application (a singleton service); thread-safe.
/// </summary>
public sealed class SurfaceStore
{
    /// <summary>Most surfaces kept in memory; the cache is emptied when it is full.</summary>
    public const int MaxCached = 256;

    private readonly ConcurrentDictionary<long, StoredSurface> _loaded = new();

    private readonly Func<AnalyticsDbContext, string, CancellationToken, Task<long>> _latestId = EF.CompileAsyncQuery(
        (AnalyticsDbContext db, string underlying, CancellationToken ct) => db.VolatilitySurfaces.AsNoTracking()
            .Where(s => s.Underlying == underlying).OrderByDescending(s => s.AsOfUtc).ThenByDescending(s => s.Id)
            .Select(s => s.Id).FirstOrDefault());

    private readonly Func<AnalyticsDbContext, string, DateTime, CancellationToken, Task<long>> _latestIdAtOrBefore = EF.CompileAsyncQuery(
        (AnalyticsDbContext db, string underlying, DateTime atOrBeforeUtc, CancellationToken ct) => db.VolatilitySurfaces.AsNoTracking()
            .Where(s => s.Underlying == underlying && s.AsOfUtc <= atOrBeforeUtc).OrderByDescending(s => s.AsOfUtc).ThenByDescending(s => s.Id)
            .Select(s => s.Id).FirstOrDefault());

    /// <summary>Id of the underlying's latest surface (greatest as-of, then id), or null when it has none.</summary>
    public async Task<long?> LatestIdAsync(AnalyticsDbContext db, string underlying, CancellationToken cancellationToken) =>
        NullWhenZero(await _latestId(db, underlying, cancellationToken));

    /// <summary>Id of the underlying's latest surface with an as-of at or before <paramref name="atOrBeforeUtc"/>, or null.</summary>
    public async Task<long?> LatestIdAsync(AnalyticsDbContext db, string underlying, DateTimeOffset atOrBeforeUtc, CancellationToken cancellationToken) =>
        NullWhenZero(await _latestIdAtOrBefore(db, underlying, atOrBeforeUtc.UtcDateTime, cancellationToken));

    /// <summary>The underlying's latest surface (greatest as-of, then id), or null when it has none.</summary>
    public async Task<StoredSurface?> LatestAsync(AnalyticsDbContext db, string underlying, CancellationToken cancellationToken) =>
        await LatestIdAsync(db, underlying, cancellationToken) is { } id ? await FindAsync(db, id, cancellationToken) : null;

    /// <summary>The stored surface with this id (from memory when it was read before), or null.</summary>
    public async Task<StoredSurface?> FindAsync(AnalyticsDbContext db, long id, CancellationToken cancellationToken)
    {
        if (_loaded.TryGetValue(id, out var cached)) return cached;
        var entity = await db.VolatilitySurfaces.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        return entity is null ? null : Remember(SurfaceStorageMapping.ToStoredSurface(entity));
    }

    /// <summary>Stores a fit and returns it as it reads back (with its id).</summary>
    /// <param name="db">The context to write with.</param>
    /// <param name="underlying">Underlying symbol, upper case.</param>
    /// <param name="surface">The fitted surface.</param>
    /// <param name="inputs">What the fit was given.</param>
    /// <param name="quoteId">The indexed quote id behind a smile point (expiry, strike, right), or null.</param>
    /// <param name="createdUtc">The storing instant.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public async Task<StoredSurface> StoreAsync(
        AnalyticsDbContext db, string underlying, VolatilitySurface surface, SurfaceInputs inputs,
        Func<DateTimeOffset, double, OptionRight, long?> quoteId, DateTimeOffset createdUtc, CancellationToken cancellationToken)
    {
        var entity = SurfaceStorageMapping.ToEntity(underlying, surface, inputs, quoteId, createdUtc);
        db.VolatilitySurfaces.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        return Remember(SurfaceStorageMapping.ToStoredSurface(entity));
    }

    private static long? NullWhenZero(long id) => id == 0 ? null : id;

    private StoredSurface Remember(StoredSurface stored)
    {
        if (_loaded.Count >= MaxCached) _loaded.Clear();
        _loaded[stored.Id] = stored;
        return stored;
    }
}
