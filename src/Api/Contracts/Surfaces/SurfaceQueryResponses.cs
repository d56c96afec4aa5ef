using System.ComponentModel;

namespace Analytics.Api.Contracts.Surfaces;

/// <summary>A surface listing entry (no slices; GET /surfaces/{id} has them).</summary>
public sealed record SurfaceSummaryResponse(
    [property: Description("Surface id.")] long Id,
    [property: Description("Underlying symbol.")] string Underlying,
    [property: Description("Valuation instant, UTC.")] DateTimeOffset AsOf,
    [property: Description("`svi` or `ssvi`.")] SurfaceModelKind Model,
    [property: Description("When the fit was stored, UTC.")] DateTimeOffset CreatedAt,
    [property: Description("`request` or `index`.")] string InputSource,
    [property: Description("Number of fitted expiries.")] int SliceCount,
    [property: Description("Quotes kept as smile points.")] int QuotesUsed,
    [property: Description("Median slice RMSE vs market mid, vol points.")] double? MedianRmseVolPoints,
    [property: Description("No butterfly, Lee or calendar violation.")] bool ArbitrageFree);

/// <summary>A page of surfaces, newest first.</summary>
public sealed record SurfacePageResponse(
    [property: Description("Surfaces, newest as-of first.")] IReadOnlyList<SurfaceSummaryResponse> Items,
    [property: Description("Cursor of the next page; null on the last.")] string? NextCursor);

/// <summary>The surface's implied vol at one point.</summary>
public sealed record SurfaceVolResponse(
    [property: Description("Surface id.")] long SurfaceId,
    [property: Description("Implied lognormal (Black) vol, annualised decimal.")] double Vol,
    [property: Description("Total implied variance w = vol²·T.")] double TotalVariance,
    [property: Description("k = ln(K/F_T) the vol was read at.")] double LogMoneyness,
    [property: Description("T, years (Act/365F from the surface's as-of).")] double TenorYears,
    [property: Description("Forward F_T, USD (ln F linear in T between slices, flat outside).")] double Forward,
    [property: Description("Strike K = F_T·e^k, USD.")] double Strike,
    [property: Description("`interpolated` (between slices, or on one), `before-first-slice` (constant vol at fixed k) or `after-last-slice` (constant vol at fixed k).")] string Extrapolation);

/// <summary>Vols on a log-moneyness × tenor grid.</summary>
public sealed record SurfaceGridResponse(
    [property: Description("Surface id.")] long SurfaceId,
    [property: Description("Log-moneyness grid k = ln(K/F_T).")] IReadOnlyList<double> LogMoneyness,
    [property: Description("Tenor grid, years.")] IReadOnlyList<double> TenorsYears,
    [property: Description("Implied vols, annualised decimals: `vols[i][j]` at tenor i and log-moneyness j.")] IReadOnlyList<double[]> Vols);
