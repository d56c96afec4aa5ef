using System.ComponentModel;
using Analytics.Api.Contracts.Pricing;
using Analytics.Pricing;

namespace Analytics.Api.Contracts.Structures;

/// <summary>One leg of a priced structure.</summary>
public sealed record StructureLegResponse(
    [property: Description("call or put.")] OptionRight Type,
    [property: Description("Strike, USD.")] double Strike,
    [property: Description("Tenor, years.")] double TenorYears,
    [property: Description("Position quantity (structure quantity × leg quantity).")] double Quantity,
    [property: Description("Engine id.")] string Engine,
    [property: Description("Vol used, annualised decimal.")] double Vol,
    [property: Description("Price per unit, USD.")] double Price,
    [property: Description("Position value = quantity × price, USD.")] double PositionValue,
    [property: Description("Per-unit Greeks.")] GreeksResponse Greeks);
