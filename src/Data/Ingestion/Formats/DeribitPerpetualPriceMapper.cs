using Analytics.Data.Market;

namespace Analytics.Data.Ingestion.Formats;

/// <summary>
/// <c>?format=deribit-perpetual</c>: the Deribit perpetual's 1-minute chart candle around each option-board snapshot
/// (shared data <c>options/perpetual_futures_prices.csv</c>), stored as a candle stamped when its close is known.
/// <list type="table">
/// <item><term><c>coin</c></term><description>underlying (BTC, ETH)</description></item>
/// <item><term><c>candle_open_time_ms</c>, <c>candle_close_time_ms</c></term><description>epoch ms; timestamp = close time − 1 µs (<see cref="CandleClose"/>)</description></item>
/// <item><term><c>candle_open</c>, <c>candle_high</c>, <c>candle_low</c>, <c>candle_close</c></term><description>USD → open, high, low, close</description></item>
/// <item><term><c>candle_volume</c></term><description>coin → volume</description></item>
/// </list>
/// Source: <c>source=</c>, default <c>deribit-perpetual</c>. <c>obs_datetime</c>, <c>perp_futures_mark_price</c> and the gap
/// columns are not stored.
/// <para>
/// No look-ahead (issue 15). The file's <c>perp_futures_mark_price</c> is the candle's open or its close, whichever time
/// is nearer the snapshot (PROVENANCE.md: "the nearest candle open or close"). In every row of the file the candle opens
/// at or before the snapshot and closes 0–60 s after it, so in about half the rows (<c>candle_price_choice</c> = close)
/// that price was not known at the snapshot instant it used to be stamped at. Reading chosen: a chart candle's close is
/// known when the candle ends, so the whole candle is stored at its close time. The other reading, the open stamped at the
/// snapshot, is not taken: PROVENANCE.md does not say when a chart candle's open is known (it is the minute's first
/// trade, which for a rarely traded future can come after the snapshot instant). The price therefore appears up to a
/// minute after the snapshot, still within the board's collection (<see cref="DeribitSnapshotQuoteMapper.CollectionBound"/>).
/// </para>
/// </summary>
public sealed class DeribitPerpetualPriceMapper(FormatParameters parameters) : IRowMapper<PriceRow>
{
    private readonly string _source = parameters.Identifier("source", IdentifierKind.Source) ?? "deribit-perpetual";

    public IReadOnlyCollection<string> RequiredColumns { get; } =
        ["coin", "candle_open_time_ms", "candle_close_time_ms", "candle_open", "candle_high", "candle_low", "candle_close", "candle_volume"];

    public PriceRow? Map(FieldReader f) => ChartCandle.Read(f, "coin", _source, "candle_");
}
