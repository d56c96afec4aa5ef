using System.ComponentModel;

namespace Analytics.Api.Contracts.Surfaces;

/// <summary>Fit errors of a set of points, vol points (1 vol point = 0.01 of annualised vol).</summary>
public sealed record FitErrorResponse(
    [property: Description("Points in the set.")] int Points,
    [property: Description("Points that carry a venue mark vol.")] int PointsWithMark,
    [property: Description("RMSE of model vol − venue mark vol over those points; null when none (for a surface: the median over slices).")] double? RmseVsMarkVolPoints,
    [property: Description("Largest |model vol − venue mark vol| over those points; null when none (for a surface: the largest over slices).")] double? MaxErrorVsMarkVolPoints,
    [property: Description("Two-sided points (a mid vol exists).")] int PointsWithMid,
    [property: Description("RMSE of model vol − mid vol over the two-sided points; null when none (for a surface: the median over slices).")] double? RmseVsMidVolPoints,
    [property: Description("Largest |model vol − mid vol| over the two-sided points; null when none (for a surface: the largest over slices).")] double? MaxErrorVsMidVolPoints);
