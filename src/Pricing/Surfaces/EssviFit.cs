using System.Collections.Immutable;

namespace Analytics.Pricing.Surfaces;

/// <summary>An eSSVI calibration (<see cref="EssviCalibrator"/>): one (θ, ρ, ψ) per slice and the fit quality.</summary>
/// <param name="Slices">The slices by ascending tenor; consecutive slices meet <see cref="EssviSlice.PrecedesWithoutCalendarArbitrage"/>.</param>
/// <param name="TenorsYears">Slice tenors in years, ascending.</param>
/// <param name="RmseVolPoints">RMSE of model vol − target mid vol over every point of every slice, vol points.</param>
/// <param name="Evaluations">Objective evaluations over all slices.</param>
/// <param name="Elapsed">Wall time.</param>
public sealed record EssviFit(
    ImmutableArray<EssviSlice> Slices,
    ImmutableArray<double> TenorsYears,
    double RmseVolPoints,
    int Evaluations,
    TimeSpan Elapsed)
{
    /// <summary>The slice i as raw SVI (<see cref="EssviSlice.ToRawSvi"/>).</summary>
    /// <param name="index">Slice index.</param>
    public SviParameters SliceParameters(int index) => Slices[index].ToRawSvi();
}
