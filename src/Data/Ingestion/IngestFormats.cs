using Analytics.Data.Ingestion.Formats;

namespace Analytics.Data.Ingestion;

/// <summary>The <c>?format=</c> values per kind (PRODUCT.md §3.1); no format means our own row shape.</summary>
public static class IngestFormats
{
    public const string DeribitSnapshot = "deribit-snapshot";
    public const string DeribitTicker = "deribit-ticker";
    public const string FundingCsv = "funding-csv";
    public const string OhlcvDaily = "ohlcv-daily";
    public const string DeribitPerpetual = "deribit-perpetual";
    public const string DeribitFutures = "deribit-futures";
    public const string PriceCsv = "price-csv";

    public static IRowMapper<TradeRow> Trades(string? format, FormatParameters p) => format switch
    {
        null or "" => new NativeTradeMapper(),
        _ => throw Unknown(format, "trades", []),
    };

    public static IRowMapper<QuoteRow> Quotes(string? format, FormatParameters p) => format switch
    {
        null or "" => new NativeQuoteMapper(),
        DeribitSnapshot => new DeribitSnapshotQuoteMapper(p),
        DeribitTicker => new DeribitTickerQuoteMapper(p),
        _ => throw Unknown(format, "quotes", [DeribitSnapshot, DeribitTicker]),
    };

    public static IRowMapper<FundingRow> Funding(string? format, FormatParameters p) => format switch
    {
        null or "" => new NativeFundingMapper(),
        FundingCsv => new FundingCsvMapper(p),
        _ => throw Unknown(format, "funding", [FundingCsv]),
    };

    public static IRowMapper<PriceRow> Prices(string? format, FormatParameters p) => format switch
    {
        null or "" => new NativePriceMapper(),
        OhlcvDaily => new OhlcvDailyPriceMapper(p),
        DeribitPerpetual => new DeribitPerpetualPriceMapper(p),
        DeribitFutures => new DeribitFuturesPriceMapper(),
        PriceCsv => new PriceCsvMapper(p),
        _ => throw Unknown(format, "prices", [OhlcvDaily, DeribitPerpetual, DeribitFutures, PriceCsv]),
    };

    private static IngestFormatException Unknown(string format, string kind, string[] known) =>
        new("format", $"'{format}' is not a format for {kind}; " +
                      (known.Length == 0 ? "only our own row shape is accepted (omit format)." : $"use one of {string.Join(", ", known)}, or omit it for our row shape."));
}
