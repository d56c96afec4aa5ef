using Analytics.Data.Market;

namespace Analytics.Data.Ingestion.Formats;

/// <summary>
/// <c>?format=deribit-ticker</c>: raw Deribit <c>public/ticker</c> rows (shared data
/// <c>options/deribit_btc_options_20200514.csv</c>). Column mapping:
/// <list type="table">
/// <item><term><c>timestamp</c>, <c>expiration_timestamp</c></term><description>epoch milliseconds, UTC → timestamp, expiry</description></item>
/// <item><term><c>instrument_name</c></term><description>underlying = the part before the first '-'</description></item>
/// <item><term><c>strike</c>, <c>option_type</c></term><description>strike (USD), type; style european, settlement cash</description></item>
/// <item><term><c>underlying_price</c></term><description>underlyingPrice: the expiry's forward, USD</description></item>
/// <item><term><c>best_bid_price</c>, <c>best_ask_price</c>, <c>mark_price</c></term><description>BTC × forward → USD; a price of 0 means no quote</description></item>
/// <item><term><c>best_bid_amount</c>, <c>best_ask_amount</c></term><description>bidSize, askSize (contracts)</description></item>
/// <item><term><c>mark_iv</c>, <c>bid_iv</c>, <c>ask_iv</c></term><description><b>percent</b> ÷ 100 → decimals; Deribit's placeholders (bid_iv 0, ask_iv 500: no quote, or no IV solvable, as on deep in-the-money wings) become null</description></item>
/// <item><term><c>index_price</c>, <c>open_interest</c></term><description>indexPrice (USD), openInterest</description></item>
/// </list>
/// The Python-repr columns (<c>greeks</c>, <c>stats</c>, <c>bids</c>, <c>asks</c>) and the unnamed index column are ignored.
/// </summary>
public sealed class DeribitTickerQuoteMapper(FormatParameters parameters) : IRowMapper<QuoteRow>
{
    private readonly string _venue = parameters.Identifier("venue", IdentifierKind.Venue) ?? "deribit";

    public IReadOnlyCollection<string> RequiredColumns { get; } =
        ["timestamp", "expiration_timestamp", "instrument_name", "strike", "option_type", "underlying_price", "best_bid_price", "best_ask_price",
         "mark_price", "best_bid_amount", "best_ask_amount", "mark_iv", "bid_iv", "ask_iv", "index_price", "open_interest"];

    public QuoteRow? Map(FieldReader f)
    {
        var timestamp = Millis(f, "timestamp", mayBeFuture: false);
        var expiry = Millis(f, "expiration_timestamp", mayBeFuture: true);
        var underlying = f.Text("instrument_name")?.Split('-')[0];
        var strike = f.Double("strike", true, 0, minExclusive: true, unit: "USD");
        var right = f.Choice("option_type", RowVocabulary.Right);
        var forward = f.Double("underlying_price", true, 0, minExclusive: true, unit: "USD forward of the expiry");
        var bid = Positive(f.Double("best_bid_price", false, 0, unit: "BTC"));
        var ask = Positive(f.Double("best_ask_price", false, 0, unit: "BTC"));
        var mark = f.Double("mark_price", false, 0, unit: "BTC");
        var bidSize = f.Double("best_bid_amount", false, 0);
        var askSize = f.Double("best_ask_amount", false, 0);
        var markIv = f.Double("mark_iv", false, 0, 2000, unit: "percent");
        var bidIv = f.Double("bid_iv", false, 0, 2000, unit: "percent");
        var askIv = f.Double("ask_iv", false, 0, 2000, unit: "percent");
        var index = f.Double("index_price", false, 0, minExclusive: true, unit: "USD");
        var openInterest = f.Double("open_interest", false, 0);
        if (f.HasErrors) return null;
        var instrument = InstrumentIdentity.Option(underlying!, expiry!.Value, strike!.Value, right!);
        return new QuoteRow(_venue, instrument, timestamp!.Value, bid * forward, ask * forward, mark * forward,
            bid is null ? null : bidSize, ask is null ? null : askSize, markIv / 100,
            bid is null ? null : Iv(bidIv), ask is null ? null : Iv(askIv), forward, index, openInterest, "underlying");
    }

    private static double? Iv(double? percent) => percent is > 0 and < 500 ? percent / 100 : null;

    private static double? Positive(double? price) => price > 0 ? price : null;

    private static DateTime? Millis(FieldReader f, string field, bool mayBeFuture)
    {
        var ms = f.Integer(field, true, 0, 253_402_300_799_999);
        return ms is null ? null : f.CheckRange(field, DateTime.UnixEpoch.AddMilliseconds(ms.Value), mayBeFuture);
    }
}
