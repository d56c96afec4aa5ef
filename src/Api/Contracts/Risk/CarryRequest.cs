using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Analytics.Api.Contracts.Risk;

/// <summary>The carry of one underlying in a risk request (PRODUCT.md §3.4 item 1), overriding <c>Risk:Carry</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CarryRequest(
    [property: Description("`funding` (b = annualised time-weighted mean funding of `venue` `market` over `lookbackHours` ending at `asOf`; " +
                           "falls back to rates carry with `rate`, and says so in `inputs.carry`, when too little funding is indexed), " +
                           "`rates` (b = rate − dividendYield) or `explicit` (b = costOfCarry).")] string? Source = null,
    [property: Description("Funding: venue id as indexed, e.g. `binance` (default: the configured one of this underlying).")] string? Venue = null,
    [property: Description("Funding: perp market as indexed, e.g. `ETH-USDT` (default: the configured one).")] string? Market = null,
    [property: Description("Funding: look-back window ending at `asOf`, hours, (0, 8760] (default `Risk:Carry:LookbackHours`, 168).")] double? LookbackHours = null,
    [property: Description("Discount rate r, annualised continuously compounded decimal in [−1, 1] (default `Risk:Carry:Rate`).")] double? Rate = null,
    [property: Description("Rates: the underlying's yield q in [−1, 1] (default 0).")] double? DividendYield = null,
    [property: Description("Explicit: b, annualised decimal in [−5, 5].")] double? CostOfCarry = null);
