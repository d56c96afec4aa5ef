using System.ComponentModel;
using Analytics.Pricing.Surfaces;

namespace Analytics.Api.Contracts.Surfaces;

/// <summary>A surface listing entry (no slices; GET /surfaces/{id} has them).</summary>
public sealed record SurfaceSummaryResponse(
    [property: Description("Surface id.")] long Id,
    [property: Description("Underlying symbol.")] string Underlying,
    [property: Description("Valuation instant, UTC.")] DateTimeOffset AsOf,
    [property: Description("`svi`, `ssvi` or `essvi`.")] SurfaceModel Model,
    [property: Description("When the fit was stored, UTC.")] DateTimeOffset CreatedAt,
    [property: Description("`request` (posted quotes), `index` (indexed quote snapshots) or `synthetic-demo` (the demo seed's synthetic board).")] string InputSource,
    [property: Description("Number of fitted expiries.")] int SliceCount,
    [property: Description("Quotes kept as smile points.")] int QuotesUsed,
    [property: Description("Median slice RMSE vs market mid, vol points.")] double? MedianRmseVolPoints,
    [property: Description("No butterfly, Lee or calendar violation.")] bool ArbitrageFree,
    [property: Description("Whether the surface is published for pricing.")] bool Published,
    [property: Description("When the surface was published, UTC; null while it is not.")] DateTimeOffset? PublishedAt,
    [property: Description("The quality gate's verdict at fit time; null for surfaces fitted before the gate existed.")] QualityGateResponse? QualityGate,
    [property: Description("Fits of indexed quotes: the snapshot's instant, UTC (the surface's `asOf`); null otherwise.")] DateTimeOffset? SnapshotAt,
    [property: Description("Fits of indexed quotes: the request's `asOf` minus `snapshotAt`, seconds; null otherwise.")] double? SnapshotAgeSeconds);
