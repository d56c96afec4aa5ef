using System.Collections.Concurrent;
using System.Text.Json;
using Analytics.Api.Contracts.Surfaces;
using Analytics.Api.Hosting;
using Analytics.Data;
using Analytics.Data.Entities;
using Analytics.Pricing.Surfaces;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Api.Endpoints.Surfaces;

/// <summary>A stored surface: its contract and the queryable numerics rebuilt from it.</summary>
internal sealed record LoadedSurface(SurfaceResponse Response, VolatilitySurface Surface);

/// <summary>What a fit stores besides its slices: the inputs (quote ids or posted quotes) and the diagnostics.</summary>
internal sealed record StoredInputs(string Source, DateTimeOffset? SnapshotAt, long[]? QuoteIds, IReadOnlyList<SurfaceQuoteRow>? Quotes);

internal sealed record StoredDiagnostics(ArbitrageResponse Arbitrage, SsviParamsResponse? Ssvi);

/// <summary>
/// Reads and writes stored surfaces. A stored surface never changes, so loaded ones are kept in memory by id (bounded);
/// "the latest surface of X" is always asked of the database (one index seek), so every node sees a new fit at once.
/// One instance per application (a singleton service); thread-safe.
/// </summary>
internal sealed class SurfaceCatalog
{
    private const int MaxCached = 256;
    private static readonly JsonSerializerOptions Json = CreateJson();
    private readonly ConcurrentDictionary<long, LoadedSurface> _loaded = new();

    private readonly Func<AnalyticsDbContext, string, CancellationToken, Task<long>> _latestId = EF.CompileAsyncQuery(
        (AnalyticsDbContext db, string underlying, CancellationToken ct) => db.VolatilitySurfaces.AsNoTracking()
            .Where(s => s.Underlying == underlying).OrderByDescending(s => s.AsOfUtc).ThenByDescending(s => s.Id)
            .Select(s => s.Id).FirstOrDefault());

    /// <summary>Id of the underlying's latest surface (greatest as-of, then id), or null when it has none.</summary>
    public async Task<long?> LatestIdAsync(AnalyticsDbContext db, string underlying, CancellationToken cancellationToken)
    {
        var id = await _latestId(db, underlying, cancellationToken);
        return id == 0 ? null : id;
    }

    public async Task<LoadedSurface?> LatestAsync(AnalyticsDbContext db, string underlying, CancellationToken cancellationToken) =>
        await LatestIdAsync(db, underlying, cancellationToken) is { } id ? await FindAsync(db, id, cancellationToken) : null;

    public async Task<LoadedSurface?> FindAsync(AnalyticsDbContext db, long id, CancellationToken cancellationToken)
    {
        if (_loaded.TryGetValue(id, out var cached)) return cached;
        var entity = await db.VolatilitySurfaces.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        return entity is null ? null : Remember(entity);
    }

    /// <summary>Stores a fit and returns it as stored (with its id).</summary>
    public async Task<LoadedSurface> StoreAsync(
        AnalyticsDbContext db, string underlying, SurfaceModelKind model, VolatilitySurface surface, StoredInputs inputs,
        IReadOnlyList<SurfaceSliceResponse> slices, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var entity = new VolatilitySurfaceEntity
        {
            Underlying = underlying,
            AsOfUtc = surface.AsOfUtc.UtcDateTime,
            CreatedUtc = now.UtcDateTime,
            Model = SurfaceMapping.Id(model),
            InputSource = inputs.Source,
            QuotesIn = surface.QuotesIn,
            QuotesUsed = surface.Slices.Sum(s => s.Points.Length),
            SliceCount = surface.Slices.Length,
            MedianRmseVolPoints = SurfaceMapping.Finite(surface.MedianRmseVolPoints),
            ArbitrageFree = surface.Arbitrage.IsArbitrageFree,
            ElapsedMilliseconds = surface.Elapsed.TotalMilliseconds,
            SlicesJson = JsonSerializer.Serialize(slices, Json),
            DiagnosticsJson = JsonSerializer.Serialize(new StoredDiagnostics(SurfaceMapping.Arbitrage(surface), SurfaceMapping.Ssvi(surface)), Json),
            DroppedJson = JsonSerializer.Serialize(SurfaceMapping.Dropped(surface), Json),
            InputsJson = JsonSerializer.Serialize(inputs, Json),
        };
        db.VolatilitySurfaces.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        return Remember(entity);
    }

    /// <summary>The stored inputs of a surface, or null when there is no such surface.</summary>
    public static async Task<StoredInputs?> InputsAsync(AnalyticsDbContext db, long id, CancellationToken cancellationToken) =>
        await db.VolatilitySurfaces.Where(s => s.Id == id).Select(s => s.InputsJson).SingleOrDefaultAsync(cancellationToken) is { } json
            ? JsonSerializer.Deserialize<StoredInputs>(json, Json)
            : null;

    public static SurfaceSummaryResponse Summary(VolatilitySurfaceEntity s) => new(
        s.Id, s.Underlying, new DateTimeOffset(s.AsOfUtc), Model(s.Model), new DateTimeOffset(s.CreatedUtc), s.InputSource, s.SliceCount,
        s.QuotesUsed, s.MedianRmseVolPoints, s.ArbitrageFree);

    private LoadedSurface Remember(VolatilitySurfaceEntity entity)
    {
        var inputs = JsonSerializer.Deserialize<StoredInputs>(entity.InputsJson, Json)!;
        var diagnostics = JsonSerializer.Deserialize<StoredDiagnostics>(entity.DiagnosticsJson, Json)!;
        var response = new SurfaceResponse(
            entity.Id, entity.Underlying, new DateTimeOffset(entity.AsOfUtc), Model(entity.Model), new DateTimeOffset(entity.CreatedUtc),
            JsonSerializer.Deserialize<List<SurfaceSliceResponse>>(entity.SlicesJson, Json)!, diagnostics.Arbitrage,
            new SurfaceInputsResponse(inputs.Source, inputs.SnapshotAt, entity.QuotesIn, entity.QuotesUsed,
                JsonSerializer.Deserialize<Dictionary<string, int>>(entity.DroppedJson, Json)!),
            entity.MedianRmseVolPoints, diagnostics.Ssvi, entity.ElapsedMilliseconds);
        var loaded = new LoadedSurface(response, SurfaceMapping.ToSurface(response));
        if (_loaded.Count >= MaxCached) _loaded.Clear();
        _loaded[entity.Id] = loaded;
        return loaded;
    }

    private static SurfaceModelKind Model(string id) => id == "ssvi" ? SurfaceModelKind.Ssvi : SurfaceModelKind.Svi;

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        AnalyticsServices.ConfigureJson(options);
        return options;
    }
}
