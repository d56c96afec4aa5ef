namespace Analytics.Data.Market.Stored;

/// <summary>
/// One fitted expiry as stored in <c>volatility_surfaces.SlicesJson</c> (a JSON array of these, by ascending expiry):
/// its forward and discount factor, raw SVI parameters, fit errors per quote and its butterfly diagnosis.
/// </summary>
/// <param name="Expiry">Expiry instant, UTC.</param>
/// <param name="TenorYears">T, Act/365F from the surface's as-of.</param>
/// <param name="Forward">Slice forward F_T, USD.</param>
/// <param name="ForwardSource">Kebab-case id of <see cref="Analytics.Pricing.Surfaces.ForwardSource"/>.</param>
/// <param name="DiscountFactor">e^{−rT}.</param>
/// <param name="Params">Raw SVI parameters.</param>
/// <param name="RmseVolPoints">RMSE of model vol − mid vol, vol points; null when not finite.</param>
/// <param name="VenueRmseVolPoints">RMSE of model vol − venue mark vol, vol points; null when no point has a mark.</param>
/// <param name="ButterflyRepaired">Whether the raw SVI fit needed the butterfly repair.</param>
/// <param name="Points">Market points with their fit errors, by ascending log-moneyness.</param>
/// <param name="Butterfly">Durrleman/Lee diagnosis of <paramref name="Params"/> as computed at fit time.</param>
/// <param name="Repair">What the butterfly and calendar repairs did; null in records stored before it was kept.</param>
internal sealed record SurfaceSliceRecord(
    DateTimeOffset Expiry,
    double TenorYears,
    double Forward,
    string ForwardSource,
    double DiscountFactor,
    SviParametersRecord Params,
    double? RmseVolPoints,
    double? VenueRmseVolPoints,
    bool ButterflyRepaired,
    IReadOnlyList<SurfacePointRecord> Points,
    ButterflyDiagnosisRecord Butterfly,
    SliceRepairRecord? Repair = null);
