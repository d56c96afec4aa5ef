using System.Globalization;
using Analytics.Data.Market;

namespace Analytics.Data.Ingestion.Formats;

/// <summary>
/// <c>?format=funding-csv</c>: <c>Symbol,Date,Funding Rate</c> files (shared data <c>funding/*.csv</c>).
/// <list type="table">
/// <item><term><c>Symbol</c></term><description>market, unless <c>market=</c> is given (dYdX v3 files say BTC-USDT but are BTC-USD)</description></item>
/// <item><term><c>Date</c></term><description>naive local time <c>yyyy-MM-dd HH:mm:ss[.fff]</c>; UTC = Date − <c>utcOffsetHours</c> (binance and bybit files: 3; dydx: 0)</description></item>
/// <item><term><c>Funding Rate</c></term><description>rate, decimal per interval of <c>intervalHours</c> (CEX 8, dYdX 1)</description></item>
/// </list>
/// Parameters: <c>venue</c> and <c>intervalHours</c> are required; <c>utcOffsetHours</c> defaults to 0.
/// </summary>
public sealed class FundingCsvMapper(FormatParameters parameters) : IRowMapper<FundingRow>
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"];
    private readonly string _venue = parameters.RequiredIdentifier("venue", IdentifierKind.Venue, "these files do not name their exchange");
    private readonly double _intervalHours = parameters.Number("intervalHours", null, 0.0001, 168, "hours between fundings");
    private readonly double _utcOffsetHours = parameters.Number("utcOffsetHours", 0, -14, 14, "hours the Date column is ahead of UTC");
    private readonly string? _market = parameters.Identifier("market", IdentifierKind.Market);

    public IReadOnlyCollection<string> RequiredColumns { get; } = ["Symbol", "Date", "Funding Rate"];

    public FundingRow? Map(FieldReader f)
    {
        var market = _market ?? f.Text("Symbol", maxLength: 64)?.ToUpperInvariant();
        var rate = f.Double("Funding Rate", true, -1, 1, unit: "decimal per interval");
        var text = f.Text("Date", maxLength: 40);
        DateTime? at = null;
        if (text is not null)
        {
            if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
                at = f.CheckRange("Date", DateTime.SpecifyKind(local.AddHours(-_utcOffsetHours), DateTimeKind.Utc));
            else
                f.Error("Date", $"must be a local time yyyy-MM-dd HH:mm:ss[.fff]; got '{text}'.");
        }
        return f.HasErrors ? null : new FundingRow(_venue, market!, at!.Value, rate!.Value, _intervalHours, null, null);
    }
}
