namespace Analytics.Pricing.Surfaces;

/// <summary>What an arbitrage repair did to a raw SVI slice (issue 13 item 4).</summary>
public enum RepairOutcome
{
    /// <summary>The slice had no such arbitrage; the repair did not run.</summary>
    NotNeeded = 0,

    /// <summary>The repair removed the arbitrage and kept every fitted vol within the quotes' bound.</summary>
    Repaired = 1,

    /// <summary>
    /// The repair removed the arbitrage only by moving a fitted vol at a two-sided quote further outside
    /// [σ_bid − h, σ_ask + h] (h the quote's own half-width) than the unrepaired fit was: the slice fails rather than being
    /// silently bent (<see cref="SurfacePointFit.ExcessOutsideQuoteBand"/>).
    /// </summary>
    OutsideQuoteBound = 2,

    /// <summary>The repair ran but arbitrage remains on the diagnostic grid.</summary>
    Unresolved = 3,
}
