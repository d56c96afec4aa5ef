using System.ComponentModel;
using System.Text.Json.Serialization;
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
    [property: Description("Price per unit, USD (in the underlying with `premiumCurrency: underlying`).")] double Price,
    [property: Description("Position value = quantity × price, USD (in the underlying with `premiumCurrency: underlying`).")] double PositionValue,
    [property: Description("Per-unit Greeks (of the price in the premium currency).")] GreeksResponse Greeks,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("This leg's expiry, UTC, when it was given as an expiry (the leg's, or the template's `expiry`/`farExpiry`). Absent for tenors given in years.")] DateTimeOffset? Expiry = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description(OptionPriceResponse.LimitDescription)] Analytics.Pricing.Limits.VanillaOptionLimit? Limit = null);
