using System.Collections.Concurrent;
using Analytics.Data.Entities;
using Analytics.Data.Market.Stored;
using Analytics.Data.Telemetry;
using Analytics.Pricing;
using Analytics.Pricing.Surfaces;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Data.Market;

/// <summary>
/// Stores fitted surfaces and reads them back (<see cref="SurfaceStorageMapping"/>). A stored surface never changes but
/// for its publication, which happens at most once, so loaded ones are kept in memory by id (bounded) and only an
/// unpublished one is checked again; "the latest surface of X" and the surface pricing uses
/// (<see cref="SelectIdAsync"/>) are always asked of the database (one index seek), so every node sees a new fit or a
/// publication at once. One instance per application (a singleton service); thread-safe.
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

    private readonly Func<AnalyticsDbContext, string, DateTime, string?, bool, CancellationToken, Task<long>> _selectedId = EF.CompileAsyncQuery(
        (AnalyticsDbContext db, string underlying, DateTime atOrBeforeUtc, string? model, bool publishedOnly, CancellationToken ct) =>
            db.VolatilitySurfaces.AsNoTracking()
                .Where(s => s.Underlying == underlying && s.AsOfUtc <= atOrBeforeUtc && (model == null || s.Model == model)
                            && (!publishedOnly || s.PublishedUtc != null))
                .OrderByDescending(s => s.AsOfUtc).ThenByDescending(s => s.Id)
                .Select(s => s.Id).FirstOrDefault());

    private readonly Func<AnalyticsDbContext, string, DateTime, string?, bool, CancellationToken, Task<long>> _oldestIdAfter = EF.CompileAsyncQuery(
        (AnalyticsDbContext db, string underlying, DateTime afterUtc, string? model, bool publishedOnly, CancellationToken ct) =>
            db.VolatilitySurfaces.AsNoTracking()
                .Where(s => s.Underlying == underlying && s.AsOfUtc > afterUtc && (model == null || s.Model == model)
                            && (!publishedOnly || s.PublishedUtc != null))
                .OrderBy(s => s.AsOfUtc).ThenByDescending(s => s.Id)
                .Select(s => s.Id).FirstOrDefault());

    /// <summary>
    /// The surface pricing uses without look-ahead: id of the surface of <see cref="SurfaceSelection.Underlying"/> with the
    /// greatest as-of at or before <see cref="SurfaceSelection.AtOrBeforeUtc"/> (ties: the newest fit), of
    /// <see cref="SurfaceSelection.Model"/> (any when null) and, when <see cref="SurfaceSelection.PublishedOnly"/>, published;
    /// null when there is none. One query shared by the API, jobs and the risk engine.
    /// </summary>
    public async Task<long?> SelectIdAsync(AnalyticsDbContext db, SurfaceSelection selection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(selection);
        return NullWhenZero(await _selectedId(db, selection.Underlying, selection.AtOrBeforeUtc.UtcDateTime, ModelId(selection.Model),
            selection.PublishedOnly, cancellationToken));
    }

    /// <summary>The surface <see cref="SelectIdAsync"/> names, or null.</summary>
    public async Task<StoredSurface?> SelectAsync(AnalyticsDbContext db, SurfaceSelection selection, CancellationToken cancellationToken) =>
        await SelectIdAsync(db, selection, cancellationToken) is { } id ? await FindAsync(db, id, cancellationToken) : null;

    /// <summary>
    /// The first surface that <paramref name="selection"/> would find after its instant (least as-of greater than
    /// <see cref="SurfaceSelection.AtOrBeforeUtc"/>, ties: the newest fit), or null: what to name when
    /// <see cref="SelectAsync"/> finds nothing, so a user sees that a surface exists only later.
    /// </summary>
    public async Task<StoredSurface?> FirstAfterAsync(AnalyticsDbContext db, SurfaceSelection selection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var id = await _oldestIdAfter(db, selection.Underlying, selection.AtOrBeforeUtc.UtcDateTime, ModelId(selection.Model),
            selection.PublishedOnly, cancellationToken);
        return id == 0 ? null : await FindAsync(db, id, cancellationToken);
    }

    /// <summary>
    /// Per UTC day from <paramref name="fromDay"/> to <paramref name="toUtc"/>'s day, the id of the last surface of that day
    /// pricing could select (published, of <paramref name="model"/>, as-of within the day and at or before
    /// <paramref name="toUtc"/>; ties: the newest fit): the day's closing surface, as the day's last price is its close.
    /// Days without one are absent.
    /// </summary>
    public async Task<IReadOnlyDictionary<DateOnly, long>> DailyClosingIdsAsync(
        AnalyticsDbContext db, string underlying, SurfaceModel model, DateOnly fromDay, DateTimeOffset toUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var from = fromDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var to = toUtc.UtcDateTime;
        var modelId = SurfaceStorageMapping.Id(model);
        var rows = await db.VolatilitySurfaces.AsNoTracking()
            .Where(s => s.Underlying == underlying && s.Model == modelId && s.PublishedUtc != null && s.AsOfUtc >= from && s.AsOfUtc <= to)
            .Select(s => new { s.Id, s.AsOfUtc })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => DateOnly.FromDateTime(r.AsOfUtc))
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.AsOfUtc).ThenByDescending(r => r.Id).First().Id);
    }

    /// <summary>
    /// Publishes surface <paramref name="id"/> for pricing at <paramref name="publishedUtc"/>, or keeps its first publication
    /// when it already is published (idempotent). Returns the surface as now stored, or null when there is no such id.
    /// </summary>
    public async Task<StoredSurface?> PublishAsync(AnalyticsDbContext db, long id, DateTimeOffset publishedUtc, CancellationToken cancellationToken)
    {
        var at = publishedUtc.UtcDateTime;
        // One conditional UPDATE: concurrent publishers on several nodes keep the first instant.
        var updated = await db.VolatilitySurfaces.Where(s => s.Id == id && s.PublishedUtc == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.PublishedUtc, at), cancellationToken);
        if (updated == 0 && !await db.VolatilitySurfaces.AnyAsync(s => s.Id == id, cancellationToken)) return null;
        _loaded.TryRemove(id, out _);
        return await FindAsync(db, id, cancellationToken);
    }

    /// <summary>Id of the underlying's latest surface (greatest as-of, then id), or null when it has none.</summary>
    public async Task<long?> LatestIdAsync(AnalyticsDbContext db, string underlying, CancellationToken cancellationToken) =>
        NullWhenZero(await _latestId(db, underlying, cancellationToken));

    /// <summary>Id of the underlying's latest surface with an as-of at or before <paramref name="atOrBeforeUtc"/>, or null.</summary>
    public async Task<long?> LatestIdAsync(AnalyticsDbContext db, string underlying, DateTimeOffset atOrBeforeUtc, CancellationToken cancellationToken) =>
        NullWhenZero(await _latestIdAtOrBefore(db, underlying, atOrBeforeUtc.UtcDateTime, cancellationToken));

    /// <summary>The underlying's latest surface (greatest as-of, then id), or null when it has none.</summary>
    public async Task<StoredSurface?> LatestAsync(AnalyticsDbContext db, string underlying, CancellationToken cancellationToken) =>
        await LatestIdAsync(db, underlying, cancellationToken) is { } id ? await FindAsync(db, id, cancellationToken) : null;

    /// <summary>
    /// The stored surface with this id (from memory when it was read before; an unpublished one has its publication
    /// checked again, since another node may have published it), or null.
    /// </summary>
    public async Task<StoredSurface?> FindAsync(AnalyticsDbContext db, long id, CancellationToken cancellationToken)
    {
        if (_loaded.TryGetValue(id, out var cached))
        {
            if (cached.IsPublished) return cached;
            var published = await db.VolatilitySurfaces.AsNoTracking().Where(s => s.Id == id).Select(s => s.PublishedUtc).FirstOrDefaultAsync(cancellationToken);
            return published is null ? cached : Remember(cached with { PublishedUtc = SurfaceStorageMapping.Utc(published.Value) });
        }
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
    /// <param name="qualityGate">The quality gate's verdict on the fit, stored with it; null when none was evaluated.</param>
    /// <param name="published">Whether the surface is published for pricing at once (at <paramref name="createdUtc"/>).</param>
    public async Task<StoredSurface> StoreAsync(
        AnalyticsDbContext db, string underlying, VolatilitySurface surface, SurfaceInputs inputs,
        Func<DateTimeOffset, double, OptionRight, long?> quoteId, DateTimeOffset createdUtc, CancellationToken cancellationToken,
        SurfaceQualityVerdict? qualityGate = null, bool published = true)
    {
        var entity = SurfaceStorageMapping.ToEntity(underlying, surface, inputs, quoteId, createdUtc, qualityGate, published ? createdUtc : null);
        db.VolatilitySurfaces.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        AnalyticsMetrics.SurfacesFitted.Add(1, new("model", surface.Model.ToString().ToLowerInvariant()), new("published", published));
        return Remember(SurfaceStorageMapping.ToStoredSurface(entity));
    }

    /// <summary>The quality-gate verdict stored in a surface row (for listings read straight from the table), or null.</summary>
    public static SurfaceQualityVerdict? QualityGateOf(VolatilitySurfaceEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return SurfaceStorageMapping.QualityGate(row.QualityGateJson);
    }

    /// <summary>
    /// The snapshot instant and age stored in a surface row's inputs (for listings read straight from the table). Only
    /// those fields are materialised: a fit of posted quotes keeps every quote in the same JSON.
    /// </summary>
    public static (DateTimeOffset? SnapshotAt, double? SnapshotAgeSeconds) SnapshotOf(VolatilitySurfaceEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var header = StoredJson.Deserialize<SurfaceInputsHeader>(row.InputsJson);
        return (header.SnapshotAt, new SurfaceInputs(header.Source, header.SnapshotAt, null, null, header.RequestedAsOf).SnapshotAgeSeconds());
    }

    private static long? NullWhenZero(long id) => id == 0 ? null : id;

    private static string? ModelId(SurfaceModel? model) => model is { } m ? SurfaceStorageMapping.Id(m) : null;

    private StoredSurface Remember(StoredSurface stored)
    {
        if (_loaded.Count >= MaxCached) _loaded.Clear();
        _loaded[stored.Id] = stored;
        return stored;
    }
}
