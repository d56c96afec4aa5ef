using System.ComponentModel;

namespace Analytics.Api.Contracts.Ingest;

/// <summary>A funding observation row. Identity: (venue, market, timestamp).</summary>
public sealed record FundingIngestRow(
    [property: Description("Venue, e.g. dydx.")] string Venue,
    [property: Description("Perp market, e.g. BTC-USD.")] string Market,
    [property: Description("Funding settlement instant, UTC.")] DateTimeOffset Timestamp,
    [property: Description("Rate per interval, decimal (0.0001 = 0.01 % per interval), |rate| ≤ 1.")] double Rate,
    [property: Description("Funding interval, hours (e.g. 8, or 1 for dYdX).")] double IntervalHours,
    [property: Description("Mark price, USD.")] double? MarkPrice,
    [property: Description("Index price, USD.")] double? IndexPrice);
