namespace Analytics.Pricing.QuantLib;

/// <summary>
/// Result of <see cref="QuantLibVanillaOptionPricer.ImpliedVolatility"/>: QuantLib's
/// <c>VanillaOption::impliedVolatility</c> (Brent's method on the engine price; analytic engine for European,
/// finite differences for American exercise). An expected numerical failure is a value, not an exception
/// (STYLE.md "Errors").
/// </summary>
/// <param name="Status">Whether a volatility was found.</param>
/// <param name="Volatility">The lognormal volatility σ, annualised decimal, when <see cref="QuantLibImpliedVolatilityStatus.Solved"/>; otherwise NaN.</param>
/// <param name="Reason">Why no volatility was found (QuantLib's message), or <see langword="null"/>.</param>
public sealed record QuantLibImpliedVolatilityResult(
    QuantLibImpliedVolatilityStatus Status,
    double Volatility,
    string? Reason)
{
    /// <summary>True when <see cref="Status"/> is <see cref="QuantLibImpliedVolatilityStatus.Solved"/>.</summary>
    public bool IsSolved => Status == QuantLibImpliedVolatilityStatus.Solved;
}
