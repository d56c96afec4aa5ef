namespace Analytics.Data.Entities;

/// <summary>
/// One stored volatility-surface fit (PRODUCT.md §3.2: persisted and versioned with its as-of time, inputs, parameters
/// and diagnostics). Rows are immutable once written: a refit is a new row, so the id names one version for good.
/// </summary>
/// <remarks>
/// The structured parts are JSON text columns (the same <c>text</c> type on SQLite and PostgreSQL, so both providers
/// keep one model). Data owns their shape: the records of <c>Analytics.Data.Market.Stored</c>, mapped to and from the
/// numerics by <c>Analytics.Data.Market.SurfaceStorageMapping</c>; the API's contracts never reach storage (migration
/// <c>SurfaceStorageOwnedByData</c> converted the rows written in the API's shape). Queries filter and order only on the
/// scalar columns.
/// </remarks>
public sealed class VolatilitySurfaceEntity
{
    public long Id { get; set; }

    /// <summary>Underlying symbol, upper case, e.g. <c>ETH</c>.</summary>
    public required string Underlying { get; set; }

    /// <summary>The valuation instant the surface was fitted at (UTC); tenors run from it.</summary>
    public DateTime AsOfUtc { get; set; }

    /// <summary>When the fit was stored (UTC).</summary>
    public DateTime CreatedUtc { get; set; }

    /// <summary><c>svi</c> or <c>ssvi</c>.</summary>
    public required string Model { get; set; }

    /// <summary>Where the quotes came from: <c>request</c> (posted inline) or <c>index</c> (indexed quote snapshots).</summary>
    public required string InputSource { get; set; }

    public int QuotesIn { get; set; }
    public int QuotesUsed { get; set; }
    public int SliceCount { get; set; }

    /// <summary>Median over the slices of the RMSE of model vol − market mid vol, vol points.</summary>
    public double? MedianRmseVolPoints { get; set; }

    /// <summary>No butterfly, Lee or calendar violation.</summary>
    public bool ArbitrageFree { get; set; }

    /// <summary>Wall time of the calibration, milliseconds.</summary>
    public double ElapsedMilliseconds { get; set; }

    /// <summary>
    /// When the surface was published for pricing (UTC), or null while it is not: pricing and the option chain choose among
    /// published surfaces only. Set once, by a fit that passed its quality gate or by the publish endpoint; rows stored
    /// before publication existed were published at their creation (migration <c>SurfacePublication</c>).
    /// </summary>
    public DateTime? PublishedUtc { get; set; }

    /// <summary>The quality gate's verdict at fit time (<c>QualityGateRecord</c>); null for fits stored before the gate existed.</summary>
    public string? QualityGateJson { get; set; }

    /// <summary>Slices: expiry, tenor, forward, discount factor, SVI parameters, fit errors per quote, butterfly diagnosis (<c>SurfaceSliceRecord</c>[]).</summary>
    public required string SlicesJson { get; set; }

    /// <summary>Calendar diagnosis, plus the SSVI parameters when the model is SSVI (<c>SurfaceDiagnosticsRecord</c>).</summary>
    public required string DiagnosticsJson { get; set; }

    /// <summary>Dropped quotes per reason.</summary>
    public required string DroppedJson { get; set; }

    /// <summary>The inputs: indexed quote ids and snapshot instant, or the posted quotes inline.</summary>
    public required string InputsJson { get; set; }
}
