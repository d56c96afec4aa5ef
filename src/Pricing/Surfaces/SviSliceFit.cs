using System.Collections.Immutable;

namespace Analytics.Pricing.Surfaces;

/// <summary>How the quotes of a slice are weighted in the SVI least squares (PRODUCT.md §3.2: "weights from bid/ask or vega").</summary>
/// <remarks>
/// The fit is in total variance w = σ²T; a residual Δw is a vol error Δσ ≈ Δw/(2σT). Every weighting therefore starts
/// from 1/(2σᵢT)², which makes the objective a vol-point least squares, and multiplies it by a per-quote confidence.
/// </remarks>
public enum SviWeighting
{
    /// <summary>Inverse squared half bid/ask spread in vol, 1/hᵢ² with hᵢ = max((σ_ask − σ_bid)/2, floor): tight quotes count most.</summary>
    BidAskSpread = 0,

    /// <summary>Squared Black vega: minimises price errors rather than vol errors (Δprice ≈ vega·Δσ).</summary>
    Vega = 1,

    /// <summary>Equal weight on every quote's vol error.</summary>
    Uniform = 2,
}

/// <summary>Settings of <see cref="RawSviCalibrator"/>.</summary>
/// <param name="Weighting">Quote weighting.</param>
/// <param name="MinimumHalfSpreadVol">
/// Floor on the half spread in vol for <see cref="SviWeighting.BidAskSpread"/> (annualised decimal, 0.01 = 1 vol point): a
/// quote tighter than this is trusted no more than ±1 vol point, since a board snapshot is not instantaneous (Deribit's
/// ticker calls span minutes, PROVENANCE.md §1) and the forward moves meanwhile.
/// </param>
/// <param name="MaximumWingSlope">Largest wing slope b(1 + |ρ|) allowed in the fit; Lee's bound is 2.</param>
/// <param name="RepairButterfly">When the fit shows butterfly arbitrage, refit all five parameters with a penalty on negative g(k).</param>
/// <param name="MaximumEvaluationsPerStart">Nelder-Mead budget per start of the (m, σ) search.</param>
public sealed record RawSviCalibrationOptions(
    SviWeighting Weighting = SviWeighting.BidAskSpread,
    double MinimumHalfSpreadVol = 0.01,
    double MaximumWingSlope = 2.0,
    bool RepairButterfly = true,
    int MaximumEvaluationsPerStart = 300)
{
    /// <summary>Bid/ask weighting, 1-point half-spread floor, Lee slope 2, butterfly repair on, 300 evaluations per start.</summary>
    public static RawSviCalibrationOptions Default { get; } = new();
}

/// <summary>Status of a slice calibration.</summary>
public enum SviFitStatus
{
    /// <summary>Parameters were found.</summary>
    Calibrated = 0,

    /// <summary>Fewer than five usable points (raw SVI has five parameters).</summary>
    TooFewPoints = 1,

    /// <summary>Inputs are not finite or weights are all zero.</summary>
    InvalidInput = 2,
}

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
    TimeSpan Elapsed)
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
