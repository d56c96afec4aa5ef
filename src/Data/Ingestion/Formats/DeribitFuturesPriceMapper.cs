namespace Analytics.Data.Ingestion.Formats;

/// <summary>
/// <c>?format=deribit-futures</c>: the Deribit dated-futures curve at each option-board snapshot (shared data
/// <c>options/term_futures_marks.csv</c>): one price series per future, for forward and basis (carry) checks, each row the
/// future's 1-minute chart candle around the snapshot, stored as a candle stamped when its close is known.
/// <list type="table">
/// <item><term><c>currency</c></term><description>underlying (BTC, ETH)</description></item>
/// <item><term><c>futures_instrument_name</c></term><description>the future, e.g. BTC-25DEC26 → source <c>deribit-future-btc-25dec26</c> (<see cref="Market.PriceSources"/>: never read as the underlying's price)</description></item>
/// <item><term><c>term_candle_open_time_ms</c>, <c>term_candle_close_time_ms</c></term><description>epoch ms; timestamp = close time − 1 µs</description></item>
/// <item><term><c>term_candle_open</c>, <c>_high</c>, <c>_low</c>, <c>_close</c></term><description>USD → open, high, low, close</description></item>
/// <item><term><c>term_candle_volume</c></term><description>coin → volume</description></item>
/// </list>
/// No look-ahead (issue 15): <c>term_mark_price_final</c> (not stored) is the candle's open or close nearest the snapshot,
/// and the candle closes 0–60 s after the snapshot in every row, so a close was stamped before it was known. The reading
/// is that of <see cref="DeribitPerpetualPriceMapper"/>: the candle at its close time.
/// </summary>
public sealed class DeribitFuturesPriceMapper : IRowMapper<PriceRow>
{
    public IReadOnlyCollection<string> RequiredColumns { get; } =
        ["currency", "futures_instrument_name", "term_candle_open_time_ms", "term_candle_close_time_ms",
         "term_candle_open", "term_candle_high", "term_candle_low", "term_candle_close", "term_candle_volume"];

    public PriceRow? Map(FieldReader f)
    {
        var future = f.Text("futures_instrument_name", maxLength: 48);
        return future is null ? null : ChartCandle.Read(f, "currency", Market.PriceSources.DatedFuturePrefix + future.ToLowerInvariant(), "term_candle_");
    }
}
