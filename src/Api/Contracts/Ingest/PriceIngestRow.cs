using System.ComponentModel;

namespace Analytics.Api.Contracts.Ingest;

/// <summary>A price row: a candle, or just `price`. Identity: (underlying, source, timestamp).</summary>
public sealed record PriceIngestRow(
    [property: Description("Underlying symbol.")] string Underlying,
    [property: Description("Price source, e.g. binance-spot or chainlink (stored lower-case).")] string Source,
    [property: Description("Instant (candle open), UTC.")] DateTimeOffset Timestamp,
    [property: Description("Open, USD.")] double? Open,
    [property: Description("High, USD.")] double? High,
    [property: Description("Low, USD.")] double? Low,
    [property: Description("Close, USD.")] double? Close,
    [property: Description("A single price, USD (instead of open/high/low/close).")] double? Price,
    [property: Description("Volume, units of the underlying.")] double? Volume);
