using System.ComponentModel;

namespace Analytics.Api.Contracts.L2;

/// <summary>One chain's facts as configured (PRODUCT.md §3.4).</summary>
public sealed record ChainProfileResponse(
    [property: Description("Chain id used in requests, e.g. `arbitrum-one`.")] string Id,
    [property: Description("Display name.")] string Name,
    [property: Description("`l1`, `optimistic` or `zk`.")] string Rollup,
    [property: Description("Time for an L2 → L1 withdrawal to become final, hours (0 on L1).")] double WithdrawalDelayHours,
    [property: Description("Typical time between blocks, seconds.")] double BlockTimeSeconds,
    [property: Description("Typical gas cost of one contract-call transaction, USD.")] double GasCostUsd,
    [property: Description("Typical time for a liquidation to land, seconds.")] double LiquidationLatencySeconds,
    [property: Description("Where the defaults come from, with a date.")] string Source);
