namespace Analytics.Data.Entities;

/// <summary>
/// Where one on-chain source (<c>Indexer:Sources</c>) stands: the last final block whose events are stored and its
/// hash, written in the same transaction as those events, plus what the status endpoint reports (head, reorgs, error).
/// </summary>
public sealed class IndexerCheckpointEntity
{
    /// <summary>The source id from <c>Indexer:Sources</c>.</summary>
    public required string SourceId { get; set; }

    /// <summary>Chain id (from <c>Chains</c>) the source reads.</summary>
    public required string Chain { get; set; }

    /// <summary>Contract address, lower-case hex; a different address in configuration is a new source.</summary>
    public required string Contract { get; set; }

    /// <summary>The last block whose events are all stored (−1 before the first run wrote anything below <c>firstBlock</c>).</summary>
    public long LastBlock { get; set; }

    /// <summary>Hash of <see cref="LastBlock"/> when it was indexed (0x…); null before the first block.</summary>
    public string? LastBlockHash { get; set; }

    /// <summary>Timestamp of <see cref="LastBlock"/>, UTC.</summary>
    public DateTime? LastBlockTimestampUtc { get; set; }

    /// <summary>The node's head block at the last run.</summary>
    public long? HeadBlock { get; set; }

    /// <summary>Timestamp of <see cref="HeadBlock"/>, UTC.</summary>
    public DateTime? HeadTimestampUtc { get; set; }

    /// <summary>Reorgs that changed already indexed (final) blocks and were repaired.</summary>
    public int ReorgsSeen { get; set; }

    /// <summary>Of <see cref="ReorgsSeen"/>, those deeper than the source's confirmations (the data had been reported as final).</summary>
    public int DeepReorgsSeen { get; set; }

    /// <summary>Depth in blocks of the last repaired reorg (blocks of ours that were orphaned).</summary>
    public int? LastReorgDepth { get; set; }

    public DateTime? LastReorgUtc { get; set; }

    /// <summary>The last error of a run (RPC failure, deep reorg, ...); cleared by a run that catches up without one.</summary>
    public string? LastError { get; set; }

    public DateTime? LastErrorUtc { get; set; }

    /// <summary>When a run last finished, UTC.</summary>
    public DateTime? LastRunUtc { get; set; }
}
