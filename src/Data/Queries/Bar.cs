namespace Analytics.Data.Queries;

/// <summary>One OHLC bar: USD prices, volume in units of the underlying, VWAP in USD.</summary>
public sealed record Bar(DateTime StartUtc, double Open, double High, double Low, double Close, double Volume, double? Vwap, int Count);
