using System.ComponentModel;

namespace Analytics.Api.Contracts.Ingest;

/// <summary>A trade row (JSON object, NDJSON line, or CSV row with these headers). Identity: (chain, txHash, logIndex).</summary>
public sealed record TradeIngestRow(
    [property: Description("Chain id, e.g. arbitrum-one.")] string Chain,
    [property: Description("Venue (protocol or exchange), e.g. lyra.")] string Venue,
    [property: Description("Transaction hash.")] string TxHash,
    [property: Description("Log index of the fill in the transaction (≥ 0).")] int LogIndex,
    [property: Description("Block number.")] long BlockNumber,
    [property: Description("Trade instant, ISO-8601 UTC; not in the future, not before 2015.")] DateTimeOffset Timestamp,
    [property: Description("`option` or `perp`.")] string Kind,
    [property: Description("Underlying symbol, e.g. ETH (options; perps default to the market's base).")] string? Underlying,
    [property: Description("Option expiry instant, UTC.")] DateTimeOffset? Expiry,
    [property: Description("Option strike, USD.")] double? Strike,
    [property: Description("Option `call` or `put`.")] string? Type,
    [property: Description("Perp market, e.g. ETH-USD.")] string? Market,
    [property: Description("Taker side: `buy` or `sell`.")] string Side,
    [property: Description("Price per unit in premiumCurrency (> 0).")] decimal Price,
    [property: Description("Quantity in units of the underlying (> 0).")] decimal Size,
    [property: Description("Fee paid, USD.")] decimal? FeeUsd,
    [property: Description("Index (spot) price at the trade, USD.")] double? IndexPrice,
    [property: Description("`usd` (default) or `underlying` (then underlyingPrice, the expiry's forward in USD, is required).")] string? PremiumCurrency,
    [property: Description("Forward of the expiry, USD: converts coin premiums to USD.")] double? UnderlyingPrice,
    [property: Description("Option exercise style: `european` (default) or `american`.")] string? Style,
    [property: Description("Option settlement: `cash` (default) or `physical`.")] string? Settlement);
