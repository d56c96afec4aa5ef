namespace Analytics.Data.Ingestion;

/// <summary>The kinds of indexed data, one per ingest endpoint.</summary>
public enum IngestKind
{
    Trades,
    Quotes,
    Funding,
    Prices,
}

/// <summary>A validated trade ready for storage; units as on <see cref="Entities.TradeEntity"/>.</summary>
public sealed record TradeRow(
    string Chain, string Venue, string TxHash, int LogIndex, long BlockNumber, DateTime TimestampUtc, InstrumentIdentity Instrument,
    string Side, decimal Price, decimal PriceUsd, decimal Size, decimal? FeeUsd, double? IndexPrice, string PremiumCurrency);

/// <summary>A validated quote snapshot; premiums already in USD (see <see cref="Entities.OptionQuoteEntity"/>).</summary>
public sealed record QuoteRow(
    string Venue, InstrumentIdentity Instrument, DateTime TimestampUtc, double? Bid, double? Ask, double? Mark,
    double? BidSize, double? AskSize, double? MarkIv, double? BidIv, double? AskIv, double? UnderlyingPrice,
    double? IndexPrice, double? OpenInterest, string PremiumCurrency);

/// <summary>A validated funding observation; the rate is per interval of <paramref name="IntervalHours"/>.</summary>
public sealed record FundingRow(
    string Venue, string Market, DateTime TimestampUtc, double RatePerInterval, double IntervalHours, double? MarkPrice, double? IndexPrice);

/// <summary>A validated price or candle (a bare price has open = high = low = close).</summary>
public sealed record PriceRow(
    string Underlying, string Source, DateTime TimestampUtc, double Open, double High, double Low, double Close, double? Volume);

/// <summary>Why one input row was rejected: its 1-based data row number, the field and the reason.</summary>
public sealed record RowError(long Row, string Field, string Message);

/// <summary>The outcome of one ingest request: counts, or the rejected rows (and then nothing was written).</summary>
public sealed record IngestResult(long Inserted, long Duplicates, long Rejected, IReadOnlyList<RowError> Errors)
{
    public bool Succeeded => Rejected == 0;
}

/// <summary>
/// The input cannot be read at all (broken CSV quoting, malformed JSON, a header without required columns, an
/// unknown format): a 400 problem rather than row errors.
/// </summary>
public sealed class IngestFormatException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
