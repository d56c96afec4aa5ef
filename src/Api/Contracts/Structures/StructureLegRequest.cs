using System.ComponentModel;
using Analytics.Api.Serialization;
using System.Text.Json.Serialization;
using Analytics.Pricing;
using Analytics.Pricing.Engines;

namespace Analytics.Api.Contracts.Structures;

/// <summary>One custom leg.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record StructureLegRequest(
    [property: Description("`call` or `put`.")] OptionRight? Type,
    [property: Description("Strike, USD, ≥ 0 and ≤ 1e12 (0 is priced at its limit: a call is the discounted forward, a put 0; the leg reports `limit`).")] double? Strike,
    [property: Description("Tenor, years (Act/365F), ≥ 0 and ≤ 1000 (0 is the expiry instant: intrinsic value and `limit`, with an `l2` block too). Give either `tenorYears` or `expiry`.")] double? TenorYears,
    [property: Description("Quantity per unit of the structure; negative = sold. Non-zero.")] double? Quantity,
    [property: Description("This leg's vol, annualised decimal in [0, 100] (default: the structure's `vol`).")] double? Vol,
    [property: Description("`european` (default) or `american`.")] OptionExerciseStyle? Style,
    [property: JsonConverter(typeof(ExpiryJsonConverter)), Description("This leg's expiry as an ISO-8601 UTC instant, or a date meaning 08:00 UTC (the crypto venues' expiry time). Replaces `tenorYears`; the tenor runs from the structure's `valuationTime` (default now).")] DateTimeOffset? Expiry = null);
