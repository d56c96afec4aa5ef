using System.Collections.Immutable;

namespace Analytics.Pricing.Surfaces;

/// <summary>The outcome of <see cref="SurfaceQualityGate.Evaluate"/>.</summary>
/// <param name="Passed">Whether every condition held.</param>
/// <param name="Reasons">One sentence per failed condition; empty when <paramref name="Passed"/>.</param>
/// <param name="MedianRmseVolPoints">The median slice RMSE the bound was applied to, vol points; NaN when no slice has one.</param>
/// <param name="RmseBasis">What the slice RMSEs were measured against.</param>
/// <param name="MaxMedianRmseVolPoints">The bound applied, vol points.</param>
public sealed record SurfaceQualityVerdict(
    bool Passed,
    ImmutableArray<string> Reasons,
    double MedianRmseVolPoints,
    SurfaceRmseBasis RmseBasis,
    double MaxMedianRmseVolPoints);
