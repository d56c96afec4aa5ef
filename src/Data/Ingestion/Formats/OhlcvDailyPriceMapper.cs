using System.Globalization;
using Analytics.Data.Market;

namespace Analytics.Data.Ingestion.Formats;

/// <summary>
/// <c>?format=ohlcv-daily</c>: CryptoDataDownload daily candles (shared data <c>prices/Binance_*_d.csv</c>, newest first).
/// <list type="table">
/// <item><term><c>Unix</c></term><description>day open, epoch seconds, milliseconds or microseconds told apart by digit count (10/13/16), and checked against <c>Date</c></description></item>
/// <item><term><c>Date</c></term><description>the UTC day (used when <c>Unix</c> is empty)</description></item>
/// <item><term><c>Symbol</c></term><description>underlying = Symbol without its quote suffix (BTCUSDT → BTC), unless <c>underlying=</c></description></item>
/// <item><term><c>Open</c>, <c>High</c>, <c>Low</c>, <c>Close</c></term><description>USD(T)</description></item>
/// <item><term><c>Volume {underlying}</c></term><description>volume in base units (the quote-volume column is ignored)</description></item>
/// </list>
/// Source: <c>source=</c>, default <c>cryptodatadownload</c>.
/// <para>
/// Stamped at the day's close, not its open (issue 15): <c>Unix</c> is the day open, but <c>Close</c> is only known when
/// the day ends, so the row's timestamp is 23:59:59.999999 UTC of that day (<see cref="CandleClose.OfUtcDay"/>). Read at
/// noon of a day, the latest price is the day before's close; the row keeps its UTC day as its day key. A day that has
/// not ended yet (the file's newest row may be a partial day) has no close: its row is refused as in the future.
/// </para>
/// </summary>
public sealed class OhlcvDailyPriceMapper(FormatParameters parameters) : IRowMapper<PriceRow>
{
    private static readonly string[] QuoteSuffixes = ["USDT", "USDC", "BUSD", "USD"];
    private readonly string _source = parameters.Identifier("source", IdentifierKind.Source) ?? "cryptodatadownload";
    private readonly string? _underlying = parameters.Identifier("underlying", IdentifierKind.Underlying);

    public IReadOnlyCollection<string> RequiredColumns { get; } = ["Unix", "Date", "Symbol", "Open", "High", "Low", "Close"];

    public PriceRow? Map(FieldReader f)
    {
        var underlying = _underlying ?? Base(f.Text("Symbol", maxLength: 32));
        var closeAt = ParseDay(f) is { } dayOpen ? CloseInstant(f, dayOpen) : null;
        var open = f.Double("Open", true, 0, minExclusive: true, unit: "USD");
        var high = f.Double("High", true, 0, minExclusive: true, unit: "USD");
        var low = f.Double("Low", true, 0, minExclusive: true, unit: "USD");
        var close = f.Double("Close", true, 0, minExclusive: true, unit: "USD");
        var volume = underlying is null ? null : f.Double($"Volume {underlying}", false, 0);
        if (f.HasErrors) return null;
        return Candle.Check(f, underlying!, _source, closeAt!.Value, open!.Value, high!.Value, low!.Value, close!.Value, volume);
    }

    /// <summary>The instant the close of the day opening at <paramref name="dayOpenUtc"/> is known; an error when the day has not ended.</summary>
    private static DateTime? CloseInstant(FieldReader f, DateTime dayOpenUtc)
    {
        var at = CandleClose.OfUtcDay(DateOnly.FromDateTime(dayOpenUtc));
        if (at <= f.NowUtc + FieldReader.FutureTolerance) return at;
        f.Error("Date", $"the day {dayOpenUtc:yyyy-MM-dd} has not ended (its close is known at {at:O}; now is {f.NowUtc:O}): a partial day has no close yet, leave the row out.");
        return null;
    }

    private static string? Base(string? symbol) =>
        symbol is null ? null : QuoteSuffixes.FirstOrDefault(s => symbol.Length > s.Length && symbol.EndsWith(s, StringComparison.OrdinalIgnoreCase)) is { } q
            ? symbol[..^q.Length].ToUpperInvariant() : symbol.ToUpperInvariant();

    private static DateTime? ParseDay(FieldReader f)
    {
        DateTime? date = null;
        if (f.Text("Date", maxLength: 32) is { } text)
        {
            if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var d))
                date = DateTime.SpecifyKind(d, DateTimeKind.Utc);
            else f.Error("Date", $"must be a date such as 2025-03-16; got '{text}'.");
        }
        var unix = f.Integer("Unix", false, 0);
        if (unix is { } u)
        {
            var digits = u.ToString(CultureInfo.InvariantCulture).Length;
            DateTime? at = digits switch
            {
                <= 10 => DateTime.UnixEpoch.AddSeconds(u),
                <= 13 => DateTime.UnixEpoch.AddMilliseconds(u),
                <= 16 => DateTime.UnixEpoch.AddTicks(u * 10),
                _ => null,
            };
            if (at is null) f.Error("Unix", $"has {digits} digits: expected epoch seconds (10), milliseconds (13) or microseconds (16).");
            else if (date is { } d && d.Date != at.Value.Date) f.Error("Unix", $"is {at:O}, a different day from Date {d:yyyy-MM-dd}.");
            else date = at;
        }
        return date is { } value ? f.CheckRange("Date", value) : null;
    }
}
