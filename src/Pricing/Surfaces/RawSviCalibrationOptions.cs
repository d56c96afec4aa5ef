namespace Analytics.Pricing.Surfaces;

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
/// <param name="RepairCalendar">
/// On a raw SVI surface, refit slices that cross their neighbours so that total variance is non-decreasing in tenor at every
/// log-moneyness (<see cref="SviCalendarRepair"/>).
/// </param>
public sealed record RawSviCalibrationOptions(
    SviWeighting Weighting = SviWeighting.BidAskSpread,
    double MinimumHalfSpreadVol = 0.01,
    double MaximumWingSlope = 2.0,
    bool RepairButterfly = true,
    int MaximumEvaluationsPerStart = 300,
    bool RepairCalendar = true)
{
    /// <summary>
    /// Bid/ask weighting, 1-point half-spread floor, Lee slope 2, butterfly and calendar repairs on, 300 evaluations per start.
    /// </summary>
    public static RawSviCalibrationOptions Default { get; } = new();
}
