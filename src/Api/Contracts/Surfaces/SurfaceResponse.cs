using System.ComponentModel;
using Analytics.Pricing.Surfaces;

namespace Analytics.Api.Contracts.Surfaces;

/// <summary>A stored volatility surface (API.md, Surfaces).</summary>
public sealed record SurfaceResponse(
    [property: Description("Surface id: one stored fit, never changed.")] long Id,
    [property: Description("Underlying symbol.")] string Underlying,
    [property: Description("Valuation instant, UTC; tenors run from it (Act/365F).")] DateTimeOffset AsOf,
    [property: Description("`svi`, `ssvi` or `essvi`.")] SurfaceModel Model,
    [property: Description("When the fit was stored, UTC.")] DateTimeOffset CreatedAt,
    [property: Description("Fitted expiry slices, by ascending expiry.")] IReadOnlyList<SurfaceSliceResponse> Slices,
    [property: Description("Butterfly (Durrleman g(k) ≥ 0, Lee wing bound) and calendar (total variance non-decreasing in tenor at fixed k) diagnostics.")] ArbitrageResponse Arbitrage,
    [property: Description("What went in: where the quotes came from, how many, how many were used, and dropped quotes by reason.")] SurfaceInputsResponse Inputs,
    [property: Description("Median over the slices of the RMSE of model vol − market mid vol, vol points (1 vol point = 0.01). Against our own mids: read `quality.inRange.rmseVsMarkVolPoints` for the venue's marks.")] double? MedianRmseVolPoints,
    [property: Description("SSVI surface parameters (ρ, η, γ) when `model` is `ssvi`.")] SsviParamsResponse? Ssvi,
    [property: Description("Wall time of the calibration (quote preparation, fits, diagnostics), milliseconds.")] double ElapsedMs,
    [property: Description("Fits of indexed quotes: the snapshot's instant, UTC, which is the surface's `asOf` (tenors and forwards run " +
                           "from it). Null for fits of posted quotes.")] DateTimeOffset? SnapshotAt,
    [property: Description("Fits of indexed quotes: the request's `asOf` minus `snapshotAt`, seconds (at most `Surfaces:MaxSnapshotAge`). " +
                           "Null for fits of posted quotes, and for fits stored before it was recorded.")] double? SnapshotAgeSeconds,
    [property: Description("Surface fit quality: per error, the median over slices of their RMSE and the largest of their max errors, against " +
                           "the venue's marks and against mids, inside the quoted range and in the wings apart.")] FitQualityResponse Quality,
    [property: Description("Slices whose arbitrage repair failed (moved a fitted vol outside its quote's bid/ask by more than the quote's " +
                           "half-width, or left arbitrage), by expiry.")] IReadOnlyList<DateTimeOffset> FailingSlices,
    [property: Description("Whether the surface is published: pricing, batches, structures and the option chain choose among published " +
                           "surfaces when a request names none. A fit is published when it passes `qualityGate` (unless it asked " +
                           "`publish: false`); POST /api/v1/surfaces/{id}/publish publishes any surface.")] bool Published,
    [property: Description("When the surface was published, UTC; null while it is not.")] DateTimeOffset? PublishedAt,
    [property: Description("The quality gate's verdict at fit time; null for surfaces fitted before the gate existed.")] QualityGateResponse? QualityGate);
