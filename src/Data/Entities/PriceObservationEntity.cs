namespace Analytics.Data.Entities;

/// <summary>
/// A spot or index price (or a candle) of an underlying from one source at one instant.
/// Identified by (underlying, source, timestamp).
/// </summary>
/// <remarks>
/// Prices are <see cref="double"/>: the numerics consume them as doubles, and 15–16 significant digits
/// exceed any venue's tick precision. Exact money (fees, cash balances) is stored as decimal where it occurs.
/// </remarks>
public sealed class PriceObservationEntity : ITimeSeriesRow
{
    public long Id { get; set; }
    public required string Underlying { get; set; }

    /// <summary>Where the price comes from; demo rows use <see cref="Seeding.DemoData.SyntheticSource"/>.</summary>
    public required string Source { get; set; }

    public DateTime TimestampUtc { get; set; }
    public double Open { get; set; }
    public double High { get; set; }
    public double Low { get; set; }
    public double Close { get; set; }
    public double? Volume { get; set; }
}
