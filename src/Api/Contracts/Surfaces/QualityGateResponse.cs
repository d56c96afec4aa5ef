using System.ComponentModel;

namespace Analytics.Api.Contracts.Surfaces;

/// <summary>The quality gate's verdict on a fit: whether it was good enough to be published for pricing at once.</summary>
public sealed record QualityGateResponse(
    [property: Description("Whether the fit passed: no butterfly (Durrleman g(k) ≥ 0, Lee wing bound) and no calendar violation, and a median slice RMSE within `maxMedianRmseVolPoints`.")] bool Passed,
    [property: Description("One sentence per failed condition; empty when it passed.")] IReadOnlyList<string> Reasons,
    [property: Description("The median slice RMSE the bound was applied to, vol points; null when no slice had one.")] double? MedianRmseVolPoints,
    [property: Description("What the slice RMSEs were measured against: `venue-marks`, `mids` (no quote carried a venue mark) or `venue-marks-else-mids` (slices without marks against mids).")] string RmseBasis,
    [property: Description("The bound applied, vol points (`Surfaces:PublishMaxMedianRmseVolPoints` at fit time).")] double MaxMedianRmseVolPoints);
