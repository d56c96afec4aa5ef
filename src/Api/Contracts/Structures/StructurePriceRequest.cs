using System.ComponentModel;
using System.Text.Json.Serialization;
using Analytics.Api.Contracts.L2;
using Analytics.Pricing;
using Analytics.Pricing.Engines;

namespace Analytics.Api.Contracts.Structures;

/// <summary>A multi-leg structure: a template of API.md's table, or custom legs.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record StructurePriceRequest(
    [property: Description("One of call-spread, put-spread, butterfly, iron-butterfly, condor, iron-condor, straddle, strangle, risk-reversal, collar, calendar. Give `template` or `legs`.")] string? Template,
    [property: Description("`call` or `put`, for the templates built of one right (butterfly, condor, calendar).")] OptionRight? Type,
    [property: Description("Strikes in ascending order, USD, as many as the template needs.")] IReadOnlyList<double>? Strikes,
    [property: Description("Spot price of the underlying, USD, > 0. Required.")] double? Spot,
    [property: Description("Tenor of the (near) expiry, years (Act/365F). Required for templates; legs carry their own.")] double? TenorYears,
    [property: Description("Far tenor of a calendar, years, > tenorYears.")] double? FarTenorYears,
    [property: Description("Lognormal vol, annualised decimal, for every leg without its own. Required unless every leg has one.")] double? Vol,
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
    [property: Description("With `volSource: surface`: the valuation instant, ISO-8601 UTC (default now); the surface used never has an as-of after it. Tenors stay as given.")] DateTimeOffset? ValuationTime = null)
{
    /// <summary>The example shown in Swagger UI (API.md's butterfly).</summary>
    public static StructurePriceRequest Example { get; } = new("butterfly", OptionRight.Call, [90, 100, 110], 100, 0.25, null, 0.6, 0.05,
        null, null, 1, null, null, new L2Request("arbitrum-one", null, null, null, null, null, null, null, null, null, null, null, null), null);
}
