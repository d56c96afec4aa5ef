using System.ComponentModel;
using System.Text.Json.Serialization;
using Analytics.Pricing;
using Analytics.Pricing.Engines;
using Analytics.Pricing.Market;

namespace Analytics.Api.Contracts.Portfolios;

/// <summary>One position of a portfolio: an option, a perpetual future or spot.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record PortfolioPositionRequest(
    [property: Description("`option`, `perp` or `spot`. Required.")] PortfolioPositionKind? Kind,
    [property: Description("Underlying symbol, any case (stored upper case), e.g. `ETH`; it must have indexed prices, quotes or a surface (else 422). Required.")] string? Underlying,
    [property: Description("Options: `call` or `put`. Required for options.")] OptionRight? Type,
    [property: Description("Options: `european` (default) or `american`.")] OptionExerciseStyle? Style,
    [property: Description("Strike, USD, > 0. Required for options.")] double? Strike,
    [property: Description("Options: expiry, an ISO-8601 instant (`2026-12-25T08:00:00Z`) or a UTC date (`2026-12-25`, meaning 08:00 UTC, the venues' expiry time). May be in the past (risk values an expired option at intrinsic). Required for options.")] string? Expiry,
    [property: Description("Signed quantity, units of the underlying (options: number of options, each on one unit); negative = short. Finite, non-zero. Required.")] double? Quantity,
    [property: Description("Chain id from the `Chains` configuration, any case (stored lower case), e.g. `arbitrum-one`; unknown ids are a 422. Required for options, optional otherwise.")] string? Chain,
    [property: Description("Venue, any case (stored lower case), e.g. `derive`. Optional.")] string? Venue,
    [property: Description("Options: the price of ONE option paid or received, USD, ≥ 0; the position's premium cash flow is premium × quantity (a long pays it, a short receives it). Optional.")] double? Premium = null,
    [property: Description("Perps: the venue's market, any case (stored upper case), e.g. `ETH-PERP`. Default `<UNDERLYING>-PERP`.")] string? Market = null,
    [property: Description("Perps (required) and spot (optional): average entry price, USD, > 0.")] double? EntryPrice = null,
    [property: Description("Options: `cash` (default) or `physical` settlement.")] OptionSettlement? Settlement = null);
