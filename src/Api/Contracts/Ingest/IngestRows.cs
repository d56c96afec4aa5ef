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

/// <summary>An option quote snapshot row. Identity: (venue, instrument, timestamp).</summary>
public sealed record QuoteIngestRow(
    [property: Description("Venue, e.g. deribit.")] string Venue,
    [property: Description("Underlying symbol.")] string Underlying,
    [property: Description("Expiry instant, UTC.")] DateTimeOffset Expiry,
    [property: Description("Strike, USD.")] double Strike,
    [property: Description("`call` or `put`.")] string Type,
    [property: Description("Snapshot instant, UTC.")] DateTimeOffset Timestamp,
    [property: Description("Best bid per option, in premiumCurrency.")] double? Bid,
    [property: Description("Best ask per option, in premiumCurrency.")] double? Ask,
    [property: Description("Venue mark price per option, in premiumCurrency.")] double? Mark,
    [property: Description("Size at the bid, contracts.")] double? BidSize,
    [property: Description("Size at the ask, contracts.")] double? AskSize,
    [property: Description("Venue mark IV, annualised decimal (0.55 = 55 %).")] double? MarkIv,
    [property: Description("Bid IV, decimal.")] double? BidIv,
    [property: Description("Ask IV, decimal.")] double? AskIv,
    [property: Description("The venue's forward for this expiry, USD.")] double? UnderlyingPrice,
    [property: Description("Index price, USD.")] double? IndexPrice,
    [property: Description("Open interest, contracts.")] double? OpenInterest,
    [property: Description("`usd` (default) or `underlying` (Deribit: USD premium = coin premium × underlyingPrice).")] string? PremiumCurrency);

/// <summary>A funding observation row. Identity: (venue, market, timestamp).</summary>
public sealed record FundingIngestRow(
    [property: Description("Venue, e.g. dydx.")] string Venue,
    [property: Description("Perp market, e.g. BTC-USD.")] string Market,
    [property: Description("Funding settlement instant, UTC.")] DateTimeOffset Timestamp,
    [property: Description("Rate per interval, decimal (0.0001 = 0.01 % per interval), |rate| ≤ 1.")] double Rate,
    [property: Description("Funding interval, hours (e.g. 8, or 1 for dYdX).")] double IntervalHours,
    [property: Description("Mark price, USD.")] double? MarkPrice,
    [property: Description("Index price, USD.")] double? IndexPrice);

/// <summary>A price row: a candle, or just `price`. Identity: (underlying, source, timestamp).</summary>
public sealed record PriceIngestRow(
    [property: Description("Underlying symbol.")] string Underlying,
    [property: Description("Price source, e.g. binance-spot or chainlink (stored lower-case).")] string Source,
    [property: Description("Instant (candle open), UTC.")] DateTimeOffset Timestamp,
    [property: Description("Open, USD.")] double? Open,
    [property: Description("High, USD.")] double? High,
    [property: Description("Low, USD.")] double? Low,
    [property: Description("Close, USD.")] double? Close,
    [property: Description("A single price, USD (instead of open/high/low/close).")] double? Price,
    [property: Description("Volume, units of the underlying.")] double? Volume);
