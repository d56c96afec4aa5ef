using System.ComponentModel;

namespace Analytics.Api.Contracts.Ingest;

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
