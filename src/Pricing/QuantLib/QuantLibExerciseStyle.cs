namespace Analytics.Pricing.QuantLib;

/// <summary>
/// When a vanilla option priced by QuantLib may be exercised (Hull, <i>Options, Futures, and Other
/// Derivatives</i>, 8th ed. 2012, §9.1): QuantLib's <c>EuropeanExercise</c> or <c>AmericanExercise</c>
/// from the valuation date to expiry.
/// </summary>
public enum QuantLibExerciseStyle
{
    /// <summary>Exercise at expiry only.</summary>
    European = 0,

    /// <summary>Exercise at any time from valuation to expiry.</summary>
    American = 1,
}
