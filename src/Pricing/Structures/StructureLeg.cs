using Analytics.Pricing.Engines;

namespace Analytics.Pricing.Structures;

/// <summary>
/// One leg of a structure, per unit of the structure's quantity. Plain data: <see cref="StructureBuilder"/>
/// validates legs and reports problems as values.
/// </summary>
/// <param name="Right">Call or put.</param>
/// <param name="Strike">Strike K, &gt; 0, USD.</param>
/// <param name="TenorYears">Time to this leg's expiry in years (Act/365F), &gt; 0.</param>
/// <param name="Quantity">Signed number of options per structure unit, non-zero (negative = sold); may be fractional.</param>
/// <param name="Volatility">This leg's lognormal vol (annualised decimal, &gt; 0), or <see langword="null"/> for the market vol.</param>
/// <param name="Style">European or American exercise.</param>
public sealed record StructureLeg(
    OptionRight Right,
    double Strike,
    double TenorYears,
    double Quantity,
    double? Volatility = null,
    OptionExerciseStyle Style = OptionExerciseStyle.European);
