namespace Analytics.Data.Ingestion.Formats;

/// <summary>
/// <c>?format=deribit-perpetual</c>: the Deribit perpetual's price at each option-board snapshot (shared data
/// <c>options/perpetual_futures_prices.csv</c>), stored as a flat price at the snapshot instant so it lines up with the
/// quotes of that snapshot.
/// <list type="table">
/// <item><term><c>obs_datetime</c></term><description>snapshot instant, ISO-8601 UTC → timestamp</description></item>
/// <item><term><c>coin</c></term><description>underlying (BTC, ETH)</description></item>
/// <item><term><c>perp_futures_mark_price</c></term><description>USD: the 1-minute candle's open or close nearest the snapshot (not Deribit's mark, PROVENANCE.md) → price</description></item>
/// </list>
/// Source: <c>source=</c>, default <c>deribit-perpetual</c>. The candle's other columns are not stored.
/// </summary>
public sealed class DeribitPerpetualPriceMapper(FormatParameters parameters) : IRowMapper<PriceRow>
{
    private readonly string _source = parameters.Text("source")?.ToLowerInvariant() ?? "deribit-perpetual";

    public IReadOnlyCollection<string> RequiredColumns { get; } = ["obs_datetime", "coin", "perp_futures_mark_price"];

    public PriceRow? Map(FieldReader f) => SnapshotPrice.Read(f, "coin", _source, "obs_datetime", "perp_futures_mark_price");
}

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

internal static class SnapshotPrice
{
    /// <summary>A flat candle (open = high = low = close) of one USD price at an instant, without volume.</summary>
    public static PriceRow? Read(FieldReader f, string underlyingField, string source, string timestampField, string priceField)
    {
        var underlying = f.Text(underlyingField, maxLength: 32)?.ToUpperInvariant();
        var at = f.Instant(timestampField);
        var price = f.Double(priceField, true, 0, minExclusive: true, unit: "USD");
        return f.HasErrors ? null : new PriceRow(underlying!, source, at!.Value, price!.Value, price.Value, price.Value, price.Value, null);
    }
}
