namespace Analytics.Data.Entities;

/// <summary>
/// Which block a funding observation stored by the indexer came from (funding rows carry no block: their identity is
/// venue, market and timestamp, and several blocks can share one timestamp). Reorg repair removes through it.
/// </summary>
public sealed class IndexedFundingEntity
{
    public long Id { get; set; }
    public required string SourceId { get; set; }
    public long BlockNumber { get; set; }
    public required string Venue { get; set; }
    public required string Market { get; set; }
    public DateTime TimestampUtc { get; set; }
}
