using System.ComponentModel;
using Analytics.Pricing;
using Analytics.Pricing.Engines;
using Analytics.Pricing.Market;

namespace Analytics.Api.Contracts.Portfolios;

/// <summary>A stored position, identifiers normalised (underlying and market upper case, chain and venue lower case).</summary>
public sealed record PortfolioPositionResponse(
    [property: Description("`option`, `perp` or `spot`.")] PortfolioPositionKind Kind,
    [property: Description("Underlying symbol, upper case.")] string Underlying,
    [property: Description("Options: `call` or `put`; else null.")] OptionRight? Type,
    [property: Description("Options: `european` or `american`; else null.")] OptionExerciseStyle? Style,
    [property: Description("Options: `cash` or `physical`; else null.")] OptionSettlement? Settlement,
    [property: Description("Options: strike, USD; else null.")] double? Strike,
    [property: Description("Options: expiry instant, UTC; else null.")] DateTimeOffset? Expiry,
    [property: Description("Signed quantity, units of the underlying (options: number of options); negative = short.")] double Quantity,
    [property: Description("Chain id, lower case, or null.")] string? Chain,
    [property: Description("Venue, lower case, or null.")] string? Venue,
    [property: Description("Options: price of one option, USD (cash flow = premium × quantity), or null.")] double? Premium,
    [property: Description("Perps: the venue's market, upper case; else null.")] string? Market,
    [property: Description("Perps and spot: entry price, USD, or null.")] double? EntryPrice);
