namespace Analytics.Data.Indexing;

/// <summary>What one indexer run did for one source.</summary>
/// <param name="SourceId">The source (<c>Indexer:Sources</c> id).</param>
/// <param name="LastBlock">The checkpoint after the run.</param>
/// <param name="HeadBlock">The node's head block seen by the run (−1 when it could not be read).</param>
/// <param name="TradesStored">Trades inserted (rows already stored under the same identity are not counted).</param>
/// <param name="FundingStored">Funding observations inserted.</param>
/// <param name="LogErrors">Logs recorded as errors.</param>
/// <param name="ReorgsRepaired">Reorgs found and repaired in this run.</param>
/// <param name="CaughtUp">Whether the checkpoint reached the final head (head − confirmations).</param>
/// <param name="Error">The failure that ended the run early, if any (RPC, consistency).</param>
public sealed record IndexerRunResult(string SourceId, long LastBlock, long HeadBlock, long TradesStored, long FundingStored,
    int LogErrors, int ReorgsRepaired, bool CaughtUp, string? Error);
