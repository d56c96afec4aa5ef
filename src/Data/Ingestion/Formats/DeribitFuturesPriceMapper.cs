namespace Analytics.Data.Ingestion.Formats;

/// <summary>
/// <c>?format=deribit-futures</c>: the Deribit dated-futures curve at each option-board snapshot (shared data
/// <c>options/term_futures_marks.csv</c>): one price series per future, for forward and basis (carry) checks.
/// <list type="table">
/// <item><term><c>timestamp</c></term><description>snapshot instant, ISO-8601 UTC</description></item>
/// <item><term><c>currency</c></term><description>underlying (BTC, ETH)</description></item>
/// <item><term><c>futures_instrument_name</c></term><description>the future, e.g. BTC-25DEC26 → source <c>deribit-btc-25dec26</c></description></item>
/// <item><term><c>term_mark_price_final</c></term><description>USD, the price the source repository uses → price</description></item>
/// </list>
/// </summary>
public sealed class DeribitFuturesPriceMapper : IRowMapper<PriceRow>
{
    public IReadOnlyCollection<string> RequiredColumns { get; } = ["timestamp", "currency", "futures_instrument_name", "term_mark_price_final"];

    public PriceRow? Map(FieldReader f)
    {
        var future = f.Text("futures_instrument_name", maxLength: 48);
        return future is null ? null : SnapshotPrice.Read(f, "currency", $"deribit-{future.ToLowerInvariant()}", "timestamp", "term_mark_price_final");
    }
}
