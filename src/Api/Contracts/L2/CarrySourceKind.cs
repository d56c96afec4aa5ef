namespace Analytics.Api.Contracts.L2;

/// <summary>Where the cost of carry b comes from (PRODUCT.md §3.4 part 1).</summary>
public enum CarrySourceKind
{
    Rates,
    Funding,
    Explicit,
}
