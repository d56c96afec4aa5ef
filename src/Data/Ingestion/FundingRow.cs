namespace Analytics.Data.Ingestion;

/// <summary>A validated funding observation; the rate is per interval of <paramref name="IntervalHours"/>.</summary>
public sealed record FundingRow(
    string Venue, string Market, DateTime TimestampUtc, double RatePerInterval, double IntervalHours, double? MarkPrice, double? IndexPrice);
