using System.ComponentModel;
using Analytics.Api.Contracts.Trades;

namespace Analytics.Api.Contracts.Quotes;

/// <summary>A stored quote; premiums in USD whatever the venue quoted in.</summary>
public sealed record QuoteResponse(
    [property: Description("Venue id.")] string Venue,
    [property: Description("The derived instrument.")] InstrumentResponse Instrument,
    [property: Description("Snapshot instant, UTC.")] DateTimeOffset Timestamp,
    [property: Description("Best bid per option, USD.")] double? Bid,
    [property: Description("Best ask per option, USD.")] double? Ask,
    [property: Description("Venue mark per option, USD.")] double? Mark,
    [property: Description("Size at the bid, contracts.")] double? BidSize,
    [property: Description("Size at the ask, contracts.")] double? AskSize,
    [property: Description("Venue mark IV, annualised decimal.")] double? MarkIv,
    [property: Description("Bid IV, decimal.")] double? BidIv,
    [property: Description("Ask IV, decimal.")] double? AskIv,
    [property: Description("The venue's forward for this expiry, USD.")] double? UnderlyingPrice,
    [property: Description("Index price, USD.")] double? IndexPrice,
    [property: Description("Open interest, contracts.")] double? OpenInterest,
    [property: Description("Currency of bid, ask and mark here: always usd (a coin premium is stored × underlyingPrice).")] string PremiumCurrency,
    [property: Description("Currency the venue quoted in: usd, or underlying (coin premiums, e.g. Deribit; coin = USD value / underlyingPrice).")] string VenuePremiumCurrency);
