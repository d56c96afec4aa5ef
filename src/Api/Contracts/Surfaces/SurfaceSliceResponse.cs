using System.ComponentModel;

namespace Analytics.Api.Contracts.Surfaces;

/// <summary>One fitted expiry.</summary>
public sealed record SurfaceSliceResponse(
    [property: Description("Expiry instant, UTC.")] DateTimeOffset Expiry,
    [property: Description("Tenor T, years (Act/365F from `asOf`).")] double TenorYears,
    [property: Description("Slice forward F_T, USD.")] double Forward,
    [property: Description("Where the forward came from: `venue`, `put-call-parity` or `carry-model`.")] string ForwardSource,
    [property: Description("Discount factor exp(−r·T) used to imply the vols.")] double DiscountFactor,
    [property: Description("Raw SVI parameters of total implied variance w(k) = a + b(ρ(k − m) + √((k − m)² + σ²)), k = ln(K/F_T).")] SviParamsResponse Params,
    [property: Description("RMSE of model vol − mid vol over the two-sided points, vol points (in range and wings together; see `quality`).")] double? RmseVolPoints,
    [property: Description("RMSE of model vol − venue mark vol over the points that carry one, vol points; null when none does (in range and wings together; see `quality`).")] double? VenueRmseVolPoints,
    [property: Description("Whether the raw SVI fit needed the butterfly repair.")] bool ButterflyRepaired,
    [property: Description("Market points with their fit errors, by ascending log-moneyness.")] IReadOnlyList<SurfacePointResponse> Points,
    [property: Description("Fit errors against the venue's marks and mids, inside the quoted range and in the wings apart.")] FitQualityResponse Quality,
    [property: Description("Lowest and highest log-moneyness of the slice's two-sided quotes; null when there are none.")] double?[] QuotedLogMoneynessRange,
    [property: Description("What the arbitrage repairs did; null for surfaces stored before it was kept and for SSVI-family slices.")] SliceRepairResponse? Repair);
