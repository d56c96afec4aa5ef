
namespace Analytics.Pricing.L2;

/// <summary>
/// Where the cost of carry b of an L2 price comes from (PRODUCT.md §3.4 part 1, API.md <c>l2.carrySource</c>).
/// </summary>
public enum CarrySource
{
    /// <summary><c>rates</c>: b = r − q, collateral rate minus underlying yield, continuously compounded; b moves with r.</summary>
    Rates = 0,

    /// <summary>
    /// <c>funding</c>: b = the annualised time-weighted mean perp funding rate over a look-back window ending at the
    /// valuation time (ratePerInterval × 8760 / intervalHours), resolved to a number by the caller; held fixed.
    /// </summary>
    Funding = 1,

    /// <summary><c>explicit</c>: b given by the caller; held fixed.</summary>
    Explicit = 2,
}
