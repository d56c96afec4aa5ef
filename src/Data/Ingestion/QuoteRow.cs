namespace Analytics.Data.Ingestion;

/// <summary>A validated quote snapshot; premiums already in USD (see <see cref="Entities.OptionQuoteEntity"/>).</summary>
public sealed record QuoteRow(
    string Venue, InstrumentIdentity Instrument, DateTime TimestampUtc, double? Bid, double? Ask, double? Mark,
    double? BidSize, double? AskSize, double? MarkIv, double? BidIv, double? AskIv, double? UnderlyingPrice,
    double? IndexPrice, double? OpenInterest, string PremiumCurrency);
