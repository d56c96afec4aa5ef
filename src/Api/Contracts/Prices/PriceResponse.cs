using System.ComponentModel;

namespace Analytics.Api.Contracts.Prices;

/// <summary>A price or daily candle of an underlying from one source.</summary>
public sealed record PriceResponse(
    [property: Description("Underlying symbol, e.g. ETH.")] string Underlying,
    [property: Description("Where the price comes from; `synthetic-demo` marks generated demo data, not market data.")] string Source,
    [property: Description("Observation instant (candle open), UTC.")] DateTimeOffset Timestamp,
    [property: Description("Open, USD.")] double Open,
    [property: Description("High, USD.")] double High,
    [property: Description("Low, USD.")] double Low,
    [property: Description("Close, USD.")] double Close,
    [property: Description("Traded volume in units of the underlying, when known.")] double? Volume);
