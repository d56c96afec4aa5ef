namespace Analytics.Data.Ingestion;

/// <summary>A validated price or candle (a bare price has open = high = low = close).</summary>
public sealed record PriceRow(
    string Underlying, string Source, DateTime TimestampUtc, double Open, double High, double Low, double Close, double? Volume);
