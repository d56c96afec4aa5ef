using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Analytics.Api.Contracts.L2;

/// <summary>Where the cost of carry b comes from (PRODUCT.md §3.4 part 1).</summary>
public enum CarrySourceKind
{
    Rates,
    Funding,
    Explicit,
}

/// <summary>Where proceeds settle: on the L2 itself, or on L1 after the chain's withdrawal delay.</summary>
public enum SettlementKind
{
    L2,
    L1,
}

/// <summary>The L2 adjustments of a price request (API.md, `l2`). Every profile figure can be overridden here.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record L2Request(
    [property: Description("Chain id from GET /api/v1/l2/chains, e.g. `arbitrum-one`. Required (not on /l2/compare, which prices every chain).")] string? Chain,
    [property: Description("`rates` (default: b = rate − dividendYield, or carryRate), `funding` (b = annualised time-weighted mean funding of `fundingVenue`/`fundingMarket` over the look-back) or `explicit` (b = carryRate).")] CarrySourceKind? CarrySource,
    [property: Description("Venue of the funding series, e.g. `binance` (carrySource funding).")] string? FundingVenue,
    [property: Description("Perp market of the funding series, e.g. `ETH-USDT` (carrySource funding).")] string? FundingMarket,
    [property: Description("Funding look-back window ending at the valuation time, hours (default 24).")] double? FundingLookbackHours,
    [property: Description("`l2` (default: settle on the L2) or `l1` (proceeds wait the chain's withdrawal delay before discounting ends).")] SettlementKind? Settlement,
    [property: Description("Contracts in the transaction, > 0 (default 1): the transaction's gas is spread over them.")] double? Contracts,
    [property: Description("Re-hedge interval of the option writer's delta hedge, hours, > 0 (default 1).")] double? RehedgeIntervalHours,
    [property: Description("Proportional taker fee per hedge trade, decimal (0.0005 = 5 bp; default 0).")] double? TakerFeeRate,
    [property: Description("Hedge notional per re-hedge, USD (default contracts × spot).")] double? HedgeNotionalUsd,
    [property: Description("Override of the chain's gas cost per transaction, USD.")] double? GasCostUsd,
    [property: Description("Override of the chain's withdrawal delay to L1, hours.")] double? WithdrawalDelayHours,
    [property: Description("Override of the chain's liquidation latency, seconds.")] double? LiquidationLatencySeconds);

/// <summary>How the L2 facts moved the price (API.md, response `l2`).</summary>
public sealed record L2Response(
    [property: Description("Chain id.")] string Chain,
    [property: Description("Cost of carry b used, annualised decimal.")] double CarryRate,
    [property: Description("Where b came from: rates, funding or explicit.")] CarrySourceKind CarrySource,
    [property: Description("Settlement delay δ added to the discounting, years (0 when settling on the L2); the top-level discountFactor is exp(−r·(T + δ)).")] double SettlementDelayYears,
    [property: Description("Gas per contract, USD: the chain's gas per transaction / contracts. Added to the ask, taken from the bid.")] double GasPerContractUsd,
    [property: Description("Round-trip proportional hedging cost k = 2·(takerFeeRate + gasCostUsd / hedgeNotionalUsd).")] double RoundTripCostRate,
    [property: Description("Leland number Le = sqrt(2/π)·k/(σ·sqrt(Δt)).")] double LelandNumber,
    [property: Description("Buyer's (bid) vol σ·sqrt(max(0, 1 − Le)).")] double VolBid,
    [property: Description("Writer's (ask) vol σ·sqrt(1 + Le).")] double VolAsk,
    [property: Description("Bid, USD: V(volBid) − gasPerContractUsd.")] double Bid,
    [property: Description("Ask, USD: V(volAsk) + gasPerContractUsd.")] double Ask,
    [property: Description("Ask − bid, USD.")] double Spread,
    [property: Description("True when Le ≥ 1 floored the bid vol at zero: the bid is then the discounted intrinsic value of the forward.")] bool BidFloorHit);

/// <summary>One chain's quote in POST /api/v1/l2/compare.</summary>
public sealed record L2ChainQuoteResponse(
    [property: Description("Chain id.")] string Chain,
    [property: Description("Rollup kind: l1, optimistic or zk.")] string Rollup,
    [property: Description("Mid price, USD (after settlement discounting).")] double Price,
    [property: Description("Bid, USD.")] double Bid,
    [property: Description("Ask, USD.")] double Ask,
    [property: Description("Ask − bid, USD.")] double Spread,
    [property: Description("Discount factor exp(−r·(T + δ)).")] double DiscountFactor,
    [property: Description("Settlement delay δ, years.")] double SettlementDelayYears,
    [property: Description("Gas per contract, USD.")] double GasPerContractUsd,
    [property: Description("Leland number.")] double LelandNumber);

/// <summary>One option priced on every configured chain.</summary>
public sealed record L2CompareResponse([property: Description("One entry per configured chain, Ethereum L1 first.")] IReadOnlyList<L2ChainQuoteResponse> Results);
