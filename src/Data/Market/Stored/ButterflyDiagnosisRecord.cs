namespace Analytics.Data.Market.Stored;

/// <summary>
/// The butterfly diagnosis of one stored slice (Durrleman's g(k) on a grid; the wing slopes follow from the slice's
/// parameters), read back as stored rather than recomputed.
/// </summary>
/// <param name="GridFrom">Lowest k of the grid.</param>
/// <param name="GridTo">Highest k of the grid.</param>
/// <param name="GridPoints">Number of grid points.</param>
/// <param name="MinimumG">Smallest g on the grid.</param>
/// <param name="LogMoneynessAtMinimum">k of that minimum.</param>
/// <param name="Violations">Intervals with g &lt; 0; empty when none.</param>
internal sealed record ButterflyDiagnosisRecord(
    double GridFrom,
    double GridTo,
    int GridPoints,
    double MinimumG,
    double LogMoneynessAtMinimum,
    IReadOnlyList<ButterflyViolationRecord> Violations);
