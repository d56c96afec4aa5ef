using System.Globalization;
using Analytics.Data;
using Analytics.Pricing.Surfaces;

namespace Analytics.Api.Endpoints.Surfaces;

/// <summary>
/// Which stored surface a price, a batch item, a structure or the option chain uses (issue 13): the one named by
/// <c>surfaceId</c> (of the request's underlying, with an as-of at or before the valuation time), else Data's choice
/// (<see cref="SurfaceStore.SelectAsync"/>): the newest <em>published</em> surface of the underlying of the default model
/// with an as-of at or before the valuation time. Never a surface fitted after the valuation time. One per request: it
/// remembers what it read, so a batch asks the database once per (underlying, valuation time) and per named id.
/// </summary>
internal sealed class PricingSurfaceSelector(SurfaceStore store, AnalyticsDbContext db, SurfaceModel defaultModel, CancellationToken cancellationToken)
{
    private readonly Dictionary<(string Underlying, DateTimeOffset At), SurfacePick> _chosen = [];
    private readonly Dictionary<long, StoredSurface?> _named = [];

    /// <summary>The default model: what a request that names no surface is priced with.</summary>
    public SurfaceModel DefaultModel => defaultModel;

    /// <summary>The surface for <paramref name="underlying"/> (upper case; may be null when <paramref name="surfaceId"/> is given) at <paramref name="valuationTime"/>.</summary>
    public async Task<SurfacePick> PickAsync(string? underlying, long? surfaceId, DateTimeOffset valuationTime)
    {
        if (surfaceId is { } id) return await NamedAsync(id, underlying, valuationTime);
        ArgumentNullException.ThrowIfNull(underlying);
        if (_chosen.TryGetValue((underlying, valuationTime), out var known)) return known;
        var selection = SurfaceSelection.ForPricing(underlying, valuationTime, defaultModel);
        var pick = await store.SelectAsync(db, selection, cancellationToken) is { } surface
            ? new SurfacePick(surface)
            : SurfacePick.Failed(SurfacePickFailure.NoneAtOrBefore, "underlying", "No surface at or before the valuation time", await NoneDetailAsync(selection));
        return _chosen[(underlying, valuationTime)] = pick;
    }

    private async Task<SurfacePick> NamedAsync(long id, string? underlying, DateTimeOffset valuationTime)
    {
        if (!_named.TryGetValue(id, out var surface))
            _named[id] = surface = id > 0 ? await store.FindAsync(db, id, cancellationToken) : null;
        if (surface is null)
            return SurfacePick.Failed(SurfacePickFailure.UnknownId, "surfaceId", "No such surface", $"No surface has id {id}: see GET /api/v1/surfaces?underlying=.");
        if (underlying is not null && surface.Underlying != underlying)
            return SurfacePick.Failed(SurfacePickFailure.OtherUnderlying, "surfaceId", "Surface of another underlying",
                $"Surface {id} is a surface of {surface.Underlying}, not of {underlying}.");
        if (surface.Surface.AsOfUtc > valuationTime)
            return SurfacePick.Failed(SurfacePickFailure.AfterValuationTime, "surfaceId", "Surface after the valuation time",
                $"Surface {id} is as of {Instant(surface.Surface.AsOfUtc)}, after the valuation time {Instant(valuationTime)}: " +
                "a price never uses a surface fitted after its valuation time.");
        return new SurfacePick(surface);
    }

    /// <summary>Why nothing was found, naming what exists nearby so a user sees what to do.</summary>
    private async Task<string> NoneDetailAsync(SurfaceSelection selection)
    {
        var detail = $"No published {Model(selection.Model!.Value)} surface of {selection.Underlying} has an as-of at or before " +
                     $"{Instant(selection.AtOrBeforeUtc)}";
        if (await store.FirstAfterAsync(db, selection, cancellationToken) is { } later)
            detail += $"; the first after it is surface {later.Id}, as of {Instant(later.Surface.AsOfUtc)}";
        if (await store.SelectAsync(db, selection with { Model = null, PublishedOnly = false }, cancellationToken) is { } other)
            detail += $"; surface {other.Id} (as of {Instant(other.Surface.AsOfUtc)}) is {(other.IsPublished ? "" : "unpublished")}" +
                      $"{(other.IsPublished || other.Surface.Model == selection.Model ? "" : " and ")}" +
                      $"{(other.Surface.Model == selection.Model ? "" : $"of model {Model(other.Surface.Model)}")}";
        return detail + ". Fit one (POST /api/v1/surfaces/fit publishes a fit that passes the quality gate), publish one " +
               "(POST /api/v1/surfaces/{id}/publish) or name one with surfaceId.";
    }

    private static string Model(SurfaceModel model) => SurfaceMapping.Id(model);

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}
