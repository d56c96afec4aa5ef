using System.Collections.Immutable;

namespace Analytics.Pricing.Surfaces;

/// <summary>An SSVI calibration: parameters, the ATM total-variance curve θ_t used, and the fit quality.</summary>
/// <param name="Parameters">Power-law SSVI parameters.</param>
/// <param name="TenorsYears">Slice tenors, ascending.</param>
/// <param name="AtmTotalVariances">θ per tenor, non-decreasing (isotonic regression of the slices' ATM total variances).</param>
/// <param name="RmseVolPoints">RMSE of model vol − target vol over every point of every slice, vol points.</param>
/// <param name="Evaluations">Objective evaluations.</param>
/// <param name="Elapsed">Wall time.</param>
public sealed record SsviFit(
    SsviParameters Parameters,
    ImmutableArray<double> TenorsYears,
    ImmutableArray<double> AtmTotalVariances,
    double RmseVolPoints,
    int Evaluations,
    TimeSpan Elapsed)
{
    /// <summary>The slice i as raw SVI.</summary>
    /// <param name="index">Slice index.</param>
    public SviParameters SliceParameters(int index) => Parameters.ToRawSvi(AtmTotalVariances[index]);
}
