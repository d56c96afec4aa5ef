namespace Analytics.Pricing.Surfaces;

/// <summary>Why a quote was not used for the surface. Counts per reason are reported by <see cref="SurfaceQuotePreparer"/>.</summary>
public enum QuoteDropReason
{
    /// <summary>Expiry at or before the as-of instant.</summary>
    Expired = 0,

    /// <summary>Strike, bid, ask, mark or venue forward is NaN, infinite, or not strictly positive where it must be.</summary>
    InvalidField = 1,

    /// <summary>No bid (empty or zero) and no venue mark vol to fit instead: the quote gives no target.</summary>
    NoBid = 2,

    /// <summary>No ask (empty or zero) and no venue mark vol to fit instead: the quote gives no target.</summary>
    NoAsk = 3,

    /// <summary>Bid above ask.</summary>
    Crossed = 4,

    /// <summary>
    /// The quote breaks a static no-arbitrage bound: ask at or above the upper bound DF·F (call) / DF·K (put), or the bid
    /// (hence possibly the mid) at or below the discounted intrinsic value DF·(F − K)⁺ / DF·(K − F)⁺, so it has no Black
    /// implied volatility (Merton 1973).
    /// </summary>
    OutsideArbitrageBounds = 5,

    /// <summary>Bid/ask spread wider than <see cref="QuoteFilterOptions.MaximumRelativeSpread"/> times the mid.</summary>
    SpreadTooWide = 6,

    /// <summary>No forward could be determined for the expiry (no venue forward, too few parity pairs, no carry model).</summary>
    NoForward = 7,

    /// <summary>
    /// In-the-money quote whose out-of-the-money counterpart at the same strike and expiry is used instead (ITM
    /// quotes carry the same information through parity but with far wider vol spreads).
    /// </summary>
    InTheMoneyDuplicate = 8,

    /// <summary>The expiry slice has fewer than <see cref="QuoteFilterOptions.MinimumStrikesPerSlice"/> usable strikes.</summary>
    TooFewStrikesInSlice = 9,

    /// <summary>
    /// A one-sided quote (fitted on its venue mark) at a strike that already has a better point in the slice: a two-sided
    /// quote, or a one-sided quote of the other right with a narrower width. A venue marks a strike's call and put at one
    /// vol, so the second mark adds nothing.
    /// </summary>
    OneSidedDuplicate = 10,
}
