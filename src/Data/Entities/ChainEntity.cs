namespace Analytics.Data.Entities;

/// <summary>A chain (an L1 or a rollup) trades settle on, identified by its id (e.g. <c>arbitrum-one</c>).</summary>
/// <remarks>Rows are created on first sight by ingestion; the chain profiles themselves live in configuration.</remarks>
public sealed class ChainEntity
{
    public required string Id { get; set; }
    public DateTime FirstSeenUtc { get; set; }
}
