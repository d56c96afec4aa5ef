using System.ComponentModel;

namespace Analytics.Api.Contracts.Trades;

/// <summary>One page of trades.</summary>
public sealed record TradePageResponse(
    [property: Description("Trades in time order (oldest first).")] IReadOnlyList<TradeResponse> Items,
    [property: Description("Pass as `cursor` to get the next page; null on the last page.")] string? NextCursor);

/// <summary>A stored trade with its derived instrument.</summary>
public sealed record TradeResponse(
    [property: Description("Chain id.")] string Chain,
    [property: Description("Venue id.")] string Venue,
    [property: Description("Transaction hash (lower case).")] string TxHash,
    [property: Description("Log index in the transaction.")] int LogIndex,
    [property: Description("Block number.")] long BlockNumber,
    [property: Description("Trade instant, UTC.")] DateTimeOffset Timestamp,
    [property: Description("The derived instrument.")] InstrumentResponse Instrument,
    [property: Description("Taker side: buy or sell.")] string Side,
    [property: Description("Price per unit as traded, in premiumCurrency.")] decimal Price,
    [property: Description("Price per unit, USD.")] decimal PriceUsd,
    [property: Description("Quantity, units of the underlying.")] decimal Size,
    [property: Description("Fee, USD.")] decimal? FeeUsd,
    [property: Description("Index price at the trade, USD.")] double? IndexPrice,
    [property: Description("Currency the price was quoted in: usd or underlying.")] string PremiumCurrency);

/// <summary>An instrument, derived from its identity.</summary>
public sealed record InstrumentResponse(
    [property: Description("Canonical key, e.g. BTC-20260116T080000Z-82000-C-european-cash or PERP-ETH-USD; use it as the `instrument` filter.")] string Key,
    [property: Description("option or perp.")] string Kind,
    [property: Description("Underlying symbol.")] string Underlying,
    [property: Description("Option expiry instant, UTC.")] DateTimeOffset? Expiry,
    [property: Description("Option strike, USD.")] double? Strike,
    [property: Description("Option right: call or put.")] string? Type,
    [property: Description("Exercise style: european or american.")] string? Style,
    [property: Description("Settlement: cash or physical.")] string? Settlement,
    [property: Description("Perp market.")] string? Market);
