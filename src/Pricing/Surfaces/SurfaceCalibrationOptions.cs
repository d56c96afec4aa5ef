namespace Analytics.Pricing.Surfaces;

/// <summary>Settings of <see cref="VolatilitySurfaceCalibrator"/>.</summary>
/// <param name="Model">Raw SVI per slice, or SSVI across slices.</param>
/// <param name="Quotes">Quote filters and market conventions; null for <see cref="QuoteFilterOptions.Default"/>.</param>
/// <param name="Svi">Raw SVI settings (also used for SSVI's θ and weights); null for <see cref="RawSviCalibrationOptions.Default"/>.</param>
public sealed record SurfaceCalibrationOptions(
    SurfaceModel Model = SurfaceModel.Svi,
    QuoteFilterOptions? Quotes = null,
    RawSviCalibrationOptions? Svi = null)
{
    /// <summary>Raw SVI with default quote filters and calibration settings.</summary>
    public static SurfaceCalibrationOptions Default { get; } = new();
}
