using Analytics.Data.Entities;
using NpgsqlTypes;

namespace Analytics.Data.Ingestion.Storage;

/// <summary>The four ingest targets and the indexer's trade gas. Column names are the EF model's (see Configurations/).</summary>
internal static class TableSpecs
{
    private const NpgsqlDbType Text = NpgsqlDbType.Text, Integer = NpgsqlDbType.Integer, Bigint = NpgsqlDbType.Bigint,
        Dbl = NpgsqlDbType.Double, Numeric = NpgsqlDbType.Numeric, TimestampTz = NpgsqlDbType.TimestampTz;

    private static StageColumn<T> C<T>(string name, NpgsqlDbType type, Func<T, object?> value) => new(name, type, (row, _) => value(row));

    public static readonly TableSpec<TradeRow> Trades = new("trades", ["Chain", "TxHash", "LogIndex"],
    [
        C<TradeRow>("Chain", Text, r => r.Chain), C<TradeRow>("Venue", Text, r => r.Venue), C<TradeRow>("TxHash", Text, r => r.TxHash),
        C<TradeRow>("LogIndex", Integer, r => r.LogIndex), C<TradeRow>("BlockNumber", Bigint, r => r.BlockNumber),
        C<TradeRow>("TimestampUtc", TimestampTz, r => r.TimestampUtc), new("InstrumentId", Bigint, (_, id) => id),
        C<TradeRow>("Underlying", Text, r => r.Instrument.Underlying), C<TradeRow>("Side", Text, r => r.Side),
        C<TradeRow>("Price", Numeric, r => r.Price), C<TradeRow>("PriceUsd", Numeric, r => r.PriceUsd), C<TradeRow>("Size", Numeric, r => r.Size),
        C<TradeRow>("FeeUsd", Numeric, r => r.FeeUsd), C<TradeRow>("IndexPrice", Dbl, r => r.IndexPrice),
        C<TradeRow>("PremiumCurrency", Text, r => r.PremiumCurrency),
    ], r => r.Chain, r => r.Venue, r => r.Instrument);

    public static readonly TableSpec<QuoteRow> Quotes = new("option_quotes", ["Venue", "InstrumentId", "TimestampUtc"],
    [
        C<QuoteRow>("Venue", Text, r => r.Venue), new("InstrumentId", Bigint, (_, id) => id), C<QuoteRow>("Underlying", Text, r => r.Instrument.Underlying),
        C<QuoteRow>("TimestampUtc", TimestampTz, r => r.TimestampUtc),
        C<QuoteRow>("Bid", Dbl, r => r.Bid), C<QuoteRow>("Ask", Dbl, r => r.Ask), C<QuoteRow>("Mark", Dbl, r => r.Mark),
        C<QuoteRow>("BidSize", Dbl, r => r.BidSize), C<QuoteRow>("AskSize", Dbl, r => r.AskSize),
        C<QuoteRow>("MarkIv", Dbl, r => r.MarkIv), C<QuoteRow>("BidIv", Dbl, r => r.BidIv), C<QuoteRow>("AskIv", Dbl, r => r.AskIv),
        C<QuoteRow>("UnderlyingPrice", Dbl, r => r.UnderlyingPrice), C<QuoteRow>("IndexPrice", Dbl, r => r.IndexPrice),
        C<QuoteRow>("OpenInterest", Dbl, r => r.OpenInterest), C<QuoteRow>("PremiumCurrency", Text, r => r.PremiumCurrency),
    ], _ => null, r => r.Venue, r => r.Instrument);

    public static readonly TableSpec<FundingRow> Funding = new("funding_observations", ["Venue", "Market", "TimestampUtc"],
    [
        C<FundingRow>("Venue", Text, r => r.Venue), C<FundingRow>("Market", Text, r => r.Market),
        C<FundingRow>("TimestampUtc", TimestampTz, r => r.TimestampUtc), C<FundingRow>("RatePerInterval", Dbl, r => r.RatePerInterval),
        C<FundingRow>("IntervalHours", Dbl, r => r.IntervalHours), C<FundingRow>("MarkPrice", Dbl, r => r.MarkPrice),
        C<FundingRow>("IndexPrice", Dbl, r => r.IndexPrice),
    ], _ => null, r => r.Venue, _ => null);

    public static readonly TableSpec<PriceRow> Prices = new("price_observations", ["Underlying", "Source", "TimestampUtc"],
    [
        C<PriceRow>("Underlying", Text, r => r.Underlying), C<PriceRow>("Source", Text, r => r.Source),
        C<PriceRow>("TimestampUtc", TimestampTz, r => r.TimestampUtc), C<PriceRow>("Open", Dbl, r => r.Open),
        C<PriceRow>("High", Dbl, r => r.High), C<PriceRow>("Low", Dbl, r => r.Low), C<PriceRow>("Close", Dbl, r => r.Close),
        C<PriceRow>("Volume", Dbl, r => r.Volume),
    ], _ => null, _ => null, _ => null);

    /// <summary>The indexer's gas per trade (no references: its chain is the trade's), keyed like the trade.</summary>
    public static readonly TableSpec<TradeGasEntity> TradeGas = new("trade_gas", ["Chain", "TxHash", "LogIndex"],
    [
        C<TradeGasEntity>("Chain", Text, r => r.Chain), C<TradeGasEntity>("TxHash", Text, r => r.TxHash),
        C<TradeGasEntity>("LogIndex", Integer, r => r.LogIndex), C<TradeGasEntity>("SourceId", Text, r => r.SourceId),
        C<TradeGasEntity>("BlockNumber", Bigint, r => r.BlockNumber), C<TradeGasEntity>("TimestampUtc", TimestampTz, r => r.TimestampUtc),
        C<TradeGasEntity>("GasUsed", Dbl, r => r.GasUsed), C<TradeGasEntity>("EffectiveGasPriceWei", Dbl, r => r.EffectiveGasPriceWei),
        C<TradeGasEntity>("L1FeeNative", Dbl, r => r.L1FeeNative), C<TradeGasEntity>("GasCostNative", Dbl, r => r.GasCostNative), C<TradeGasEntity>("NativePriceUsd", Dbl, r => r.NativePriceUsd),
        C<TradeGasEntity>("GasCostUsd", Dbl, r => r.GasCostUsd),
    ], _ => null, _ => null, _ => null);
}
