using Analytics.Data.Market;

namespace Analytics.Data.Ingestion.Formats;

/// <summary>
/// <c>?format=deribit-snapshot</c>: Deribit option-board snapshots (shared data
/// <c>options/deribit_options_snapshot_*.csv</c>). Column mapping:
/// <list type="table">
/// <item><term><c>timestamp</c></term><description>ISO UTC, the collection run's start → timestamp = start + <see cref="CollectionBound"/> (the board complete)</description></item>
/// <item><term><c>currency</c></term><description>underlying (BTC, ETH)</description></item>
/// <item><term><c>expiry_datetime</c>, <c>strike</c>, <c>option_type</c></term><description>expiry (UTC), strike (USD), type; style european, settlement cash</description></item>
/// <item><term><c>underlying</c></term><description>underlyingPrice: the expiry's forward, USD</description></item>
/// <item><term><c>bid_price</c>, <c>ask_price</c>, <c>mark_price</c></term><description>coin per option × forward → bid, ask, mark in USD (empty = none)</description></item>
/// <item><term><c>implied_volatility</c></term><description>markIv, already a decimal</description></item>
/// <item><term><c>index_price</c>, <c>open_interest</c></term><description>indexPrice (USD), openInterest (contracts of 1 coin)</description></item>
/// </list>
/// Venue: <c>deribit</c> unless <c>venue=</c> says otherwise. Other columns are ignored.
/// <para>
/// No look-ahead (issue 15): a quote is stamped at the first instant the whole board is known, not at the run's start.
/// The file has one <c>timestamp</c> for every row, the run's start (PROVENANCE.md: "The per-instrument ticker calls take
/// a few minutes after it"), and no per-row fetch time. The collector (<c>src/collect_deribit_snapshot.py</c> of
/// znmahbub/SVCJ-Deribit-Inverse-Options-Pricer) reads each currency's prices with one book-summary call and then calls
/// the ticker once per instrument (its <c>index_price</c>, delta and vega), BTC first, then ETH: ETH's prices are read
/// only after every BTC ticker call, and each row's <c>index_price</c> at its own call. The run's end is not in the file;
/// each file was committed by the same GitHub Action right after the run, and over all 931 files of that repository the
/// commit came 137–447 s (median 212 s) after the start in the file name; for the two files in ../shared/data, 171 s and
/// 175 s. The board is therefore stamped <see cref="CollectionBound"/> (10 minutes) after <c>timestamp</c>: a fit or a
/// snapshot at an earlier instant does not see it. A board whose bound is still in the future is refused as such.
/// </para>
/// </summary>
public sealed class DeribitSnapshotQuoteMapper(FormatParameters parameters) : IRowMapper<QuoteRow>
{
    private readonly string _venue = parameters.Identifier("venue", IdentifierKind.Venue) ?? "deribit";

    /// <summary>How long after its <c>timestamp</c> a snapshot's board is taken as complete (the conservative run length).</summary>
    public static readonly TimeSpan CollectionBound = TimeSpan.FromMinutes(10);

    public IReadOnlyCollection<string> RequiredColumns { get; } =
        ["timestamp", "currency", "expiry_datetime", "strike", "option_type", "underlying", "bid_price", "ask_price", "mark_price", "implied_volatility", "index_price", "open_interest"];

    public QuoteRow? Map(FieldReader f)
    {
        var timestamp = f.Instant("timestamp") is { } start ? f.CheckRange("timestamp", start + CollectionBound) : null;
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
