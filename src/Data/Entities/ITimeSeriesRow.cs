namespace Analytics.Data.Entities;

/// <summary>A row listed in (timestamp, id) order with keyset pagination.</summary>
public interface ITimeSeriesRow
{
    long Id { get; }
    DateTime TimestampUtc { get; }
}
