using Analytics.Data.Risk;
using Analytics.Pricing.Surfaces;

namespace Analytics.Data.Reports;

/// <summary>The configuration a report values with, as the host reads it (<c>Surfaces:DefaultModel</c>, <c>Risk:Carry</c>).</summary>
/// <param name="SurfaceModel">The surface model pricing uses.</param>
/// <param name="Carry">The configured carry defaults.</param>
public sealed record ReportEnvironment(SurfaceModel SurfaceModel, RiskCarryDefaults Carry);
