using System.ComponentModel;

namespace Analytics.Api.Contracts.Markets;

/// <summary>One bar.</summary>
public sealed record BarResponse(
    [property: Description("Bar start, UTC (aligned to the interval from the Unix epoch).")] DateTimeOffset Start,
    [property: Description("Open, USD.")] double Open,
    [property: Description("High, USD.")] double High,
    [property: Description("Low, USD.")] double Low,
    [property: Description("Close, USD.")] double Close,
    [property: Description("Volume, units of the underlying.")] double Volume,
    [property: Description("Volume-weighted average price, USD; null without volume.")] double? Vwap,
    [property: Description("Trades (or price rows) in the bar.")] int Count);
