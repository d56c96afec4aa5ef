using System.ComponentModel;
using Analytics.Api.Serialization;
using System.Text.Json.Serialization;
using Analytics.Api.Contracts.L2;
using Analytics.Pricing;
using Analytics.Pricing.Engines;

namespace Analytics.Api.Contracts.Structures;

/// <summary>A multi-leg structure: a template of API.md's table, or custom legs.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record StructurePriceRequest(
    [property: Description("One of call-spread, put-spread, butterfly, iron-butterfly, condor, iron-condor, straddle, strangle, risk-reversal, collar, calendar, diagonal. Give `template` or `legs`. `calendar`: −1 `type` K at the near expiry, +1 `type` K at the far one. `diagonal` (strikes K1 < K2): calls −1 call K2 near, +1 call K1 far; puts −1 put K1 near, +1 put K2 far (the long far leg the further in the money).")] string? Template,
    [property: Description("`call` or `put`, for the templates built of one right (butterfly, condor, calendar, diagonal).")] OptionRight? Type,
    [property: Description("Strikes in ascending order, USD, each ≥ 0 and ≤ 1e12 (0 is priced at its limit), as many as the template needs.")] IReadOnlyList<double>? Strikes,
    [property: Description("Spot price of the underlying, USD, > 0. Required.")] double? Spot,
    [property: Description("Tenor of every template leg (the near leg of a calendar or diagonal), years (Act/365F), ≥ 0 and ≤ 1000 (0, the expiry instant, is priced at the intrinsic value and the leg reports `limit`, with an `l2` block too). A template needs `tenorYears` or `expiry`; custom legs carry their own (giving it with `legs` is a 400).")] double? TenorYears,
    [property: Description("Far tenor of a calendar or diagonal, years, beyond the near one. Give either `farTenorYears` or `farExpiry`; only for those two templates.")] double? FarTenorYears,
    [property: Description("Lognormal vol, annualised decimal in [0, 100] (0: the deterministic limit, with an `l2` block too), for every leg without its own. Required unless every leg has one.")] double? Vol,
    [property: Description("Risk-free rate r, annualised, continuously compounded decimal. Required.")] double? Rate,
    [property: Description("Dividend (or staking) yield q, annualised decimal. Default 0.")] double? DividendYield,
    [property: Description("Cost of carry b, annualised decimal; replaces rate − dividendYield.")] double? CarryRate,
    [property: Description("Units of the structure; negative reverses every leg. Default 1.")] double? Quantity,
    [property: Description("`european` (default) or `american` for every template leg.")] OptionExerciseStyle? Style,
    [property: Description("Custom legs instead of a template.")] IReadOnlyList<StructureLegRequest>? Legs,
    [property: Description("Optional L2 block: bid/ask from the chain's costs, one transaction for all legs.")] L2Request? L2,
    [property: Description("Points of the payoff grid, 2–10,001 (default 101).")] int? PayoffPoints,
    [property: Description("Where the legs' vols come from: `given` (default: `vol` and the legs' own) or `surface`: each leg's vol read at its strike and tenor from the surface named by `surfaceId`, else from the newest published surface of `underlying` of the model `Surfaces:DefaultModel` with an as-of at or before `valuationTime`. Give no `vol` then.")] Analytics.Api.Contracts.Pricing.VolSource? VolSource = null,
    [property: Description("Underlying symbol whose surface gives the vols with `volSource: surface`, e.g. `ETH`. Required unless `surfaceId` is given; with it, it must be the surface's underlying.")] string? Underlying = null,
    [property: Description("With `volSource: surface`: the id of the stored surface to read the vols from (published or not, any model). It must be of `underlying` and have an as-of at or before `valuationTime`.")] long? SurfaceId = null,
    [property: Description("Valuation instant, ISO-8601 UTC (default now), only with an expiry (`expiry`, `farExpiry`, a leg's `expiry`) or `volSource: surface`: every expiry's tenor runs from it (Act/365F), and the surface used never has an as-of after it. Tenors given in years stay as given.")] DateTimeOffset? ValuationTime = null,
    [property: JsonConverter(typeof(ExpiryJsonConverter)), Description("Expiry of every template leg (the near leg of a calendar or diagonal), ISO-8601 UTC, or a date meaning 08:00 UTC (the crypto venues' expiry time). Replaces `tenorYears`; the tenor runs from `valuationTime`.")] DateTimeOffset? Expiry = null,
    [property: JsonConverter(typeof(ExpiryJsonConverter)), Description("Far expiry of a calendar or diagonal (its long leg), ISO-8601 UTC or a date meaning 08:00 UTC, after the near expiry. Replaces `farTenorYears`.")] DateTimeOffset? FarExpiry = null,
    [property: Description("`usd` (default) or `underlying`: answer in units of the underlying, as Deribit quotes inverse (coin-margined) options. The premium, each leg's price and position value, the `l2` mid, bid, ask, spread and hedging costs are divided by the spot, and the Greeks are the plain partial derivatives of that premium (InversePremium: e.g. delta = (Δ − V/S)/S). The payoff, `maxProfit`, `maxLoss`, break-evens and gas stay in USD.")] PremiumCurrency? PremiumCurrency = null)
{
    /// <summary>The example shown in Swagger UI: a call calendar on Arbitrum One given by expiry dates (08:00 UTC), valued at a
    /// fixed instant so that it prices the same on any day.</summary>
    public static StructurePriceRequest Example { get; } = new("calendar", OptionRight.Call, [3000], 3000, null, null, 0.6, 0.04,
        null, null, 1, null, null, new L2Request("arbitrum-one", null, null, null, null, null, null, null, null, null, null, null, null, GasSource.Configured), null,
        ValuationTime: new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero),
        Expiry: new DateTimeOffset(2026, 12, 25, 8, 0, 0, TimeSpan.Zero),
        FarExpiry: new DateTimeOffset(2027, 3, 26, 8, 0, 0, TimeSpan.Zero));
}
