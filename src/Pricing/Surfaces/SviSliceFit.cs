using System.Collections.Immutable;

namespace Analytics.Pricing.Surfaces;

/// <summary>
/// A calibrated raw SVI slice as a value: parameters, fit errors per quote in vol points (model vol − target vol, ×100),
/// the butterfly diagnosis of the result and the work done.
/// </summary>
/// <param name="Status">Whether parameters were found.</param>
/// <param name="Parameters">Raw SVI parameters (default when not calibrated).</param>
/// <param name="TenorYears">Slice tenor T in years.</param>
/// <param name="RmseVolPoints">Root mean square of <paramref name="FitErrorsVolPoints"/> (unweighted), vol points.</param>
/// <param name="FitErrorsVolPoints">Per input point: 100·(√(w_SVI(kᵢ)/T) − √(wᵢ/T)), in input order.</param>
/// <param name="WeightedObjective">Σ ωᵢ(w_SVI(kᵢ) − wᵢ)² with weights normalised to sum 1.</param>
/// <param name="Evaluations">Objective evaluations (inner solves plus repair steps).</param>
/// <param name="ButterflyRepaired">Whether the five-parameter butterfly repair ran.</param>
/// <param name="Butterfly">Butterfly and Lee diagnosis of <paramref name="Parameters"/> (null when not calibrated).</param>
/// <param name="Elapsed">Wall time of the calibration.</param>
/// <param name="UnrepairedParameters">The quasi-explicit optimum before any butterfly repair (equal to <paramref name="Parameters"/> when none ran).</param>
public sealed record SviSliceFit(
    SviFitStatus Status,
    SviParameters Parameters,
    double TenorYears,
    double RmseVolPoints,
    ImmutableArray<double> FitErrorsVolPoints,
    double WeightedObjective,
    int Evaluations,
    bool ButterflyRepaired,
    ButterflyDiagnosis? Butterfly,
    TimeSpan Elapsed,
    SviParameters UnrepairedParameters = default)
{
    /// <summary>Whether parameters were found.</summary>
    public bool IsCalibrated => Status == SviFitStatus.Calibrated;

    /// <summary>Human-readable status, including any butterfly violation.</summary>
    public string Reason => Status switch
    {
        SviFitStatus.Calibrated => Butterfly?.Reason ?? "Calibrated.",
        SviFitStatus.TooFewPoints => "Fewer than five usable points: raw SVI has five parameters.",
        _ => "Inputs are not finite, or every weight is zero.",
    };

    internal static SviSliceFit Failed(SviFitStatus status, double tenorYears, TimeSpan elapsed) =>
        new(status, default, tenorYears, double.NaN, [], double.NaN, 0, false, null, elapsed);
}
