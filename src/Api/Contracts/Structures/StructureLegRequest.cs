using System.ComponentModel;
using System.Text.Json.Serialization;
using Analytics.Pricing;
using Analytics.Pricing.Engines;

namespace Analytics.Api.Contracts.Structures;

/// <summary>One custom leg.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record StructureLegRequest(
    [property: Description("`call` or `put`.")] OptionRight? Type,
    [property: Description("Strike, USD.")] double? Strike,
    [property: Description("Tenor, years (Act/365F).")] double? TenorYears,
    [property: Description("Quantity per unit of the structure; negative = sold. Non-zero.")] double? Quantity,
    [property: Description("This leg's vol, annualised decimal (default: the structure's `vol`).")] double? Vol,
    [property: Description("`european` (default) or `american`.")] OptionExerciseStyle? Style);
