namespace Analytics.Data.Market.Stored;

/// <summary><c>volatility_surfaces.QualityGateJson</c>: the quality gate's verdict on a fit, as it was given at fit time.</summary>
/// <param name="Passed">Whether every condition held.</param>
/// <param name="Reasons">One sentence per failed condition.</param>
/// <param name="MedianRmseVolPoints">The median slice RMSE the bound was applied to, vol points; null when none was finite.</param>
/// <param name="RmseBasis">Kebab-case id of what the RMSEs were measured against (<c>venue-marks</c>, <c>mids</c>, ...).</param>
/// <param name="MaxMedianRmseVolPoints">The bound applied, vol points.</param>
internal sealed record QualityGateRecord(bool Passed, List<string> Reasons, double? MedianRmseVolPoints, string RmseBasis, double MaxMedianRmseVolPoints);
