namespace Analytics.Data.Entities;

/// <summary>
/// A recent block a source indexed (each block that had events, and each checkpoint), with its hash: compared with the
/// node on every run to find where a reorg forked. Only the last few hundred per source are kept.
/// </summary>
public sealed class IndexedBlockEntity
{
    public required string SourceId { get; set; }
    public long BlockNumber { get; set; }

    /// <summary>0x-prefixed lower-case block hash.</summary>
    public required string Hash { get; set; }

    public DateTime TimestampUtc { get; set; }
}
