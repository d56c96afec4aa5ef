using System.ComponentModel;
using Analytics.Data.Reports;

namespace Analytics.Api.Contracts.Reports;

/// <summary>A stored report recomputed from its stored inputs and compared field by field.</summary>
public sealed record ReproduceResponse(
    [property: Description("The report recomputed.")] long ReportId,
    [property: Description("Every compared field is equal.")] bool Matches,
    [property: Description("Absolute tolerance of the comparison: 0 (every method is deterministic; Monte Carlo with its stored seed and blocks).")] double Tolerance,
    [property: Description("Fields compared (JSON leaves of the report, without timings and code version).")] int ComparedFields,
    [property: Description("Fields that differ.")] int DifferingFields,
    [property: Description("The differing fields (at most 100): JSON path, stored and recomputed value.")] IReadOnlyList<ReportComparison.Difference> Differences,
    [property: Description("Code version that computed the stored report.")] string StoredCodeVersion,
    [property: Description("Code version that recomputed it.")] string CodeVersion,
    [property: Description("How long the recomputation took, ms.")] double ElapsedMilliseconds,
    [property: Description("What the comparison leaves out and why figures can legitimately differ.")] string Note);
