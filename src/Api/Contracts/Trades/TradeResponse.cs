using System.ComponentModel;

namespace Analytics.Api.Contracts.Trades;

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
