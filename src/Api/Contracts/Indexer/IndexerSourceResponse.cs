using System.ComponentModel;

namespace Analytics.Api.Contracts.Indexer;

/// <summary>Where one on-chain source of <c>Indexer:Sources</c> stands.</summary>
public sealed record IndexerSourceResponse(
    [property: Description("Source id from `Indexer:Sources` (also the venue of its rows).")] string Id,
    [property: Description("Chain id of the source.")] string Chain,
    [property: Description("Exchange contract address, lower-case.")] string Contract,
    [property: Description("First block read.")] long FirstBlock,
    [property: Description("Blocks below the head before a block is final and indexed.")] int Confirmations,
    [property: Description("The node's head block at the last run; null before the first run.")] long? HeadBlock,
    [property: Description("Time of the head block, UTC.")] DateTimeOffset? HeadTimestamp,
    [property: Description("Last block whose events are all stored; null before any.")] long? LastIndexedBlock,
    [property: Description("Time of the last indexed block, UTC.")] DateTimeOffset? LastIndexedTimestamp,
    [property: Description("Head − last indexed block (includes the confirmations waited for); null before the first run.")] long? LagBlocks,
    [property: Description("Head block time − last indexed block time, seconds.")] double? LagSeconds,
    [property: Description("Whether the lag beyond confirmations exceeds `Indexer:MaxLagBlocks` or the time lag `Indexer:MaxLagSeconds` (readiness reports Degraded).")] bool Lagging,
    [property: Description("Reorgs that changed indexed blocks and were repaired.")] int ReorgsSeen,
    [property: Description("Of those, reorgs deeper than the confirmations (final data changed).")] int DeepReorgsSeen,
    [property: Description("Depth of the last repaired reorg, blocks below the head last seen on the old branch.")] int? LastReorgDepth,
    [property: Description("When the last reorg was repaired, UTC.")] DateTimeOffset? LastReorgAt,
    [property: Description("Logs recorded as errors (malformed or out of range), each with its transaction hash.")] long LogErrors,
    [property: Description("The last error of a run or the last deep reorg; kept until another replaces it.")] string? LastError,
    [property: Description("When the last error happened, UTC.")] DateTimeOffset? LastErrorAt,
    [property: Description("When a run last finished, UTC.")] DateTimeOffset? LastRunAt);

/// <summary>Every configured source.</summary>
public sealed record IndexerSourcesResponse([property: Description("One entry per `Indexer:Sources` entry, in configuration order.")] IReadOnlyList<IndexerSourceResponse> Sources);

/// <summary>USD gas per indexed trade on one chain over a window.</summary>
public sealed record ObservedGasResponse(
    [property: Description("Chain profile id.")] string Chain,
    [property: Description("Window start (exclusive), UTC.")] DateTimeOffset From,
    [property: Description("Window end (inclusive), UTC.")] DateTimeOffset To,
    [property: Description("Indexed trades in the window with a USD gas cost; 0 when the chain has none (then the statistics are null).")] int Count,
    [property: Description("Median USD gas per trade (the trade's share of its transaction's gas used × effective gas price plus its L1 data fee, × the ETH price).")] double? MedianUsd,
    [property: Description("90th percentile, USD (R-8 quantile).")] double? P90Usd,
    [property: Description("Mean, USD.")] double? MeanUsd,
    [property: Description("The configured `gasCostUsd` of the chain profile, for comparison.")] double ConfiguredGasCostUsd);
