namespace Analytics.Pricing.QuantLib;

/// <summary>Outcome of a QuantLib implied-volatility solve.</summary>
public enum QuantLibImpliedVolatilityStatus
{
    /// <summary>A volatility reproducing the price was found.</summary>
    Solved = 0,

    /// <summary>
    /// No volatility in the search range reproduces the price (for example a price below intrinsic value or
    /// above the upper no-arbitrage bound); <see cref="QuantLibImpliedVolatilityResult.Reason"/> says why.
    /// </summary>
    NoSolution = 1,
}
