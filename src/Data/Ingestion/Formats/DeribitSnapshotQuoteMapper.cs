using Analytics.Data.Market;

namespace Analytics.Data.Ingestion.Formats;

/// <summary>
/// <c>?format=deribit-snapshot</c>: Deribit option-board snapshots (shared data
/// <c>options/deribit_options_snapshot_*.csv</c>). Column mapping:
/// <list type="table">
/// <item><term><c>timestamp</c></term><description>ISO UTC → timestamp (the collection run's start)</description></item>
/// <item><term><c>currency</c></term><description>underlying (BTC, ETH)</description></item>
/// <item><term><c>expiry_datetime</c>, <c>strike</c>, <c>option_type</c></term><description>expiry (UTC), strike (USD), type; style european, settlement cash</description></item>
/// <item><term><c>underlying</c></term><description>underlyingPrice: the expiry's forward, USD</description></item>
/// <item><term><c>bid_price</c>, <c>ask_price</c>, <c>mark_price</c></term><description>coin per option × forward → bid, ask, mark in USD (empty = none)</description></item>
/// <item><term><c>implied_volatility</c></term><description>markIv, already a decimal</description></item>
/// <item><term><c>index_price</c>, <c>open_interest</c></term><description>indexPrice (USD), openInterest (contracts of 1 coin)</description></item>
/// </list>
/// Venue: <c>deribit</c> unless <c>venue=</c> says otherwise. Other columns are ignored.
/// </summary>
public sealed class DeribitSnapshotQuoteMapper(FormatParameters parameters) : IRowMapper<QuoteRow>
{
    private readonly string _venue = parameters.Identifier("venue", IdentifierKind.Venue) ?? "deribit";

    public IReadOnlyCollection<string> RequiredColumns { get; } =
        ["timestamp", "currency", "expiry_datetime", "strike", "option_type", "underlying", "bid_price", "ask_price", "mark_price", "implied_volatility", "index_price", "open_interest"];

    public QuoteRow? Map(FieldReader f)
    {
        var timestamp = f.Instant("timestamp");
        var underlying = f.Text("currency", maxLength: 32);
        var expiry = f.Instant("expiry_datetime", mayBeFuture: true);
        var strike = f.Double("strike", true, 0, minExclusive: true, unit: "USD");
        var right = f.Choice("option_type", RowVocabulary.Right);
        var forward = f.Double("underlying", true, 0, minExclusive: true, unit: "USD forward of the expiry");
        var bid = f.Double("bid_price", false, 0, unit: "coin");
        var ask = f.Double("ask_price", false, 0, unit: "coin");
        var mark = f.Double("mark_price", false, 0, unit: "coin");
        var markIv = f.Double("implied_volatility", false, 0, 20, unit: "decimal");
        var index = f.Double("index_price", false, 0, minExclusive: true, unit: "USD");
        var openInterest = f.Double("open_interest", false, 0);
        if (f.HasErrors) return null;
        var instrument = InstrumentIdentity.Option(underlying!, expiry!.Value, strike!.Value, right!);
        return new QuoteRow(_venue, instrument, timestamp!.Value, bid * forward, ask * forward, mark * forward,
            null, null, markIv, null, null, forward, index, openInterest, "underlying");
    }
}
