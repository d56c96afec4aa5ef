namespace Analytics.Data.Entities;

/// <summary>
/// A log of the indexed contract that could not be turned into a row (wrong topic count, undecodable data, a value out
/// of range): recorded with its transaction hash instead of stopping the indexer.
/// </summary>
public sealed class IndexerErrorEntity
{
    public long Id { get; set; }
    public required string SourceId { get; set; }
    public long BlockNumber { get; set; }
    public required string TxHash { get; set; }
    public int LogIndex { get; set; }
    public required string Message { get; set; }
    public DateTime RecordedUtc { get; set; }
}
