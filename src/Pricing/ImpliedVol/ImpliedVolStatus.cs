namespace Analytics.Pricing.ImpliedVol;

/// <summary>
/// Outcome of an implied-volatility inversion. Only <see cref="Solved"/> carries a volatility; every other member
/// says why no (finite, positive) Black volatility reproduces the price. The no-arbitrage bounds are those of
/// Merton (1973) / Hull (<i>Options, Futures, and Other Derivatives</i>, 8th ed. 2012, ch. 11):
/// DF·(F − K)⁺ ≤ call &lt; DF·F and DF·(K − F)⁺ ≤ put &lt; DF·K.
/// </summary>
public enum ImpliedVolStatus
{
    /// <summary>A volatility was found; <see cref="ImpliedVolResult.LognormalVol"/> holds it.</summary>
    Solved = 0,

    /// <summary>The price is NaN or infinite.</summary>
    InvalidPrice = 1,

    /// <summary>The price is zero or negative: an option is worth more than nothing whenever σ &gt; 0.</summary>
    NonPositivePrice = 2,

    /// <summary>The price is below the discounted intrinsic value DF·(F − K)⁺ (call) or DF·(K − F)⁺ (put).</summary>
    BelowIntrinsic = 3,

    /// <summary>
    /// The price equals the discounted intrinsic value: the implied volatility is 0 in the limit, which is not a
    /// volatility the model can price with (<see cref="ImpliedVolResult.LognormalVol"/> is 0).
    /// </summary>
    AtIntrinsic = 4,

    /// <summary>
    /// The price is at or above the upper bound DF·F (call) or DF·K (put), reached only as σ → ∞.
    /// </summary>
    AboveUpperBound = 5,

    /// <summary>
    /// The time value (price − intrinsic)/DF is positive but below 2.2e-308·√(F·K), the smallest normal double
    /// of the normalised price: it carries no usable information about the volatility.
    /// </summary>
    TimeValueTooSmall = 6,
}
