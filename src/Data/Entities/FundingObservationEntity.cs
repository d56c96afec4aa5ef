namespace Analytics.Data.Entities;

/// <summary>
/// A perpetual's funding rate settled at one instant, identified by (venue, market, timestamp).
/// </summary>
/// <remarks>
/// <see cref="RatePerInterval"/> is a decimal fraction per funding interval (0.0001 = 0.01 % per interval), stored as
/// <see cref="double"/>: it feeds the carry model and is far from needing exact decimal arithmetic.
/// Annualised rate = rate × 8760 / <see cref="IntervalHours"/>.
/// </remarks>
public sealed class FundingObservationEntity : ITimeSeriesRow
{
    public long Id { get; set; }
    public required string Venue { get; set; }
    public required string Market { get; set; }
    public DateTime TimestampUtc { get; set; }
    public double RatePerInterval { get; set; }
    public double IntervalHours { get; set; }
    public double? MarkPrice { get; set; }
    public double? IndexPrice { get; set; }
}
