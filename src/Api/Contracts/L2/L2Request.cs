using System.ComponentModel;
using System.Text.Json.Serialization;
using Analytics.Pricing.L2;

namespace Analytics.Api.Contracts.L2;

/// <summary>The L2 adjustments of a price request (API.md, `l2`). Every profile figure can be overridden here.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record L2Request(
    [property: Description("Chain id from GET /api/v1/l2/chains, e.g. `arbitrum-one`. Required (not on /l2/compare, which prices every chain).")] string? Chain,
    [property: Description("`rates` (default: b = rate − dividendYield, or carryRate), `funding` (b = annualised time-weighted mean funding of `fundingVenue`/`fundingMarket` over the look-back) or `explicit` (b = carryRate).")] CarrySource? CarrySource,
    [property: Description("Venue of the funding series, e.g. `binance` (carrySource funding).")] string? FundingVenue,
    [property: Description("Perp market of the funding series, e.g. `ETH-USDT` (carrySource funding).")] string? FundingMarket,
    [property: Description("Funding look-back window ending at the valuation time, hours (default 24).")] double? FundingLookbackHours,
    [property: Description("`l2` (default: settle on the L2) or `l1` (proceeds wait the chain's withdrawal delay before discounting ends).")] SettlementLayer? Settlement,
    [property: Description("Contracts in the transaction, 1e-6 to 1e9 (default 1): the transaction's gas is spread over them.")] double? Contracts,
    [property: Description("Re-hedge interval of the option writer's delta hedge, hours, > 0 (default 1).")] double? RehedgeIntervalHours,
    [property: Description("Proportional taker fee per hedge trade, decimal (0.0005 = 5 bp; default 0).")] double? TakerFeeRate,
    [property: Description("Hedge notional per re-hedge, USD (default contracts × spot).")] double? HedgeNotionalUsd,
    [property: Description("Override of the chain's gas cost per transaction, USD.")] double? GasCostUsd,
    [property: Description("Override of the chain's withdrawal delay to L1, hours.")] double? WithdrawalDelayHours,
    [property: Description("Override of the chain's liquidation latency, seconds.")] double? LiquidationLatencySeconds,
    [property: Description("`configured` (default: the profile's gasCostUsd or the `gasCostUsd` override) or `observed`: the median USD gas per trade the on-chain indexer stored for the chain over the last 24 h (GET /api/v1/l2/chains/{id}/gas); 422 when it has none. Accepted wherever an `l2` block is (POST /options/price, /options/price/batch: per item, /structures/price, /l2/compare: each chain its own median, 422 naming every chain without one); the response's `l2.gas` (on /l2/compare each result's `gas`) says which was used. Conflicts with `gasCostUsd`.")] GasSource? Gas = null);
