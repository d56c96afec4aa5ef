namespace Analytics.Pricing.Structures;

/// <summary>
/// Gas of executing the structure in one L2 transaction vs one transaction per leg (PRODUCT.md §3.3, §3.4 part 3).
/// </summary>
/// <param name="SingleTxUsd">One transaction: the chain's gasCostUsd, USD.</param>
/// <param name="PerLegTxUsd">One transaction per leg: legs × gasCostUsd, USD.</param>
/// <param name="SavedUsd">PerLegTxUsd − SingleTxUsd, USD.</param>
public readonly record struct StructureGas(double SingleTxUsd, double PerLegTxUsd, double SavedUsd);
