namespace Analytics.Pricing.Surfaces;

/// <summary>Outcome of <see cref="VolatilitySurfaceCalibrator.Calibrate(IReadOnlyList{SurfaceQuote}, DateTimeOffset, CancellationToken)"/>.</summary>
/// <param name="Surface">The surface, or null when no slice could be fitted.</param>
/// <param name="Prepared">The prepared smiles and the dropped-quote counts.</param>
/// <param name="Reason">Why there is no surface; empty when there is one.</param>
public sealed record SurfaceCalibrationResult(VolatilitySurface? Surface, PreparedQuotes Prepared, string Reason)
{
    /// <summary>Whether a surface was fitted.</summary>
    public bool IsCalibrated => Surface is not null;
}
