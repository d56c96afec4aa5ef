namespace Analytics.Data.Indexing;

/// <summary>
/// A reorg found at the checkpoint: rows above <see cref="ForkBlock"/> are orphaned. They are removed in the same
/// transaction as the first re-indexed range, so readers never see the chain's events half repaired.
/// </summary>
/// <param name="ForkBlock">The highest kept block whose hash the node still has (the common ancestor); <c>firstBlock − 1</c> when none is.</param>
/// <param name="ForkHash">Its hash (null when re-indexing from the first block).</param>
/// <param name="DepthBlocks">Old head − fork block: how deep below the head last seen on the old branch the chain changed.</param>
/// <param name="OrphanedIndexedBlocks">Blocks of ours that were final and are replaced (checkpoint − fork block).</param>
/// <param name="BeyondConfirmations">Whether the depth exceeds the source's confirmations (final data changed).</param>
/// <param name="Note">Why it was found, for the status's last error.</param>
public sealed record PendingRewind(long ForkBlock, string? ForkHash, long DepthBlocks,
    long OrphanedIndexedBlocks, bool BeyondConfirmations, string Note);
