namespace Analytics.Data.Risk;

/// <summary>Where an underlying's cost of carry b comes from (PRODUCT.md §3.4, item 1).</summary>
public enum CarrySource
{
    /// <summary>b = the annualised time-weighted mean funding rate of a perp over a look-back ending at the valuation instant.</summary>
    Funding,

    /// <summary>b = r − q (collateral rate minus the underlying's yield).</summary>
    Rates,

    /// <summary>b given.</summary>
    Explicit,
}
