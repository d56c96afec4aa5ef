using Analytics.Data.Market;

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
    private readonly string _source = parameters.Identifier("source", IdentifierKind.Source) ?? "deribit-perpetual";

    public IReadOnlyCollection<string> RequiredColumns { get; } = ["obs_datetime", "coin", "perp_futures_mark_price"];

    public PriceRow? Map(FieldReader f) => SnapshotPrice.Read(f, "coin", _source, "obs_datetime", "perp_futures_mark_price");
}
