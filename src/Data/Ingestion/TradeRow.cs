namespace Analytics.Data.Ingestion;

/// <summary>A validated trade ready for storage; units as on <see cref="Entities.TradeEntity"/>.</summary>
public sealed record TradeRow(
    string Chain, string Venue, string TxHash, int LogIndex, long BlockNumber, DateTime TimestampUtc, InstrumentIdentity Instrument,
    string Side, decimal Price, decimal PriceUsd, decimal Size, decimal? FeeUsd, double? IndexPrice, string PremiumCurrency);
