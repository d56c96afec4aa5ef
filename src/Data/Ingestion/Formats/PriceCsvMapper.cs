using System.Globalization;
using Analytics.Data.Market;

namespace Analytics.Data.Ingestion.Formats;

/// <summary>
/// <c>?format=price-csv</c>: a price history in any two-column layout, such as a <c>date,value</c> file, described by
/// parameters rather than code (issue 14 item 8).
/// <list type="table">
/// <item><term><c>timeColumn</c></term><description>the time column (default <c>date</c>)</description></item>
/// <item><term><c>valueColumn</c></term><description>the price column, USD &gt; 0 (default <c>value</c>); stored as a
/// candle with open = high = low = close = value</description></item>
/// <item><term><c>underlying</c> or <c>underlyingColumn</c></term><description>a fixed underlying for every row, or the
/// column naming each row's (one of the two is required)</description></item>
/// <item><term><c>source</c></term><description>the price source id of every row (required: a file does not say where its prices come from)</description></item>
/// <item><term><c>timeZone</c></term><description>what naive times (no offset, no <c>Z</c>) are in: <c>UTC</c> (default),
/// an IANA zone such as <c>Europe/London</c>, or an offset such as <c>+03:00</c>; times with an offset keep it</description></item>
/// <item><term><c>dateFormat</c></term><description>a .NET custom format of the time column (e.g. <c>dd/MM/yyyy</c>), or
/// <c>unix</c> for epoch seconds or milliseconds (told apart by digit count); default ISO-8601 (<c>2024-01-31</c>,
/// <c>2024-01-31 16:00</c>, <c>2024-01-31T16:00:00Z</c>)</description></item>
/// </list>
/// A date without a time of day (<c>2024-01-31</c>, or a <c>dateFormat</c> with no hour, minute or second) is a daily value,
/// known by the end of that day at the latest: it is stamped at the end of that day in the time zone less one microsecond
/// (23:59:59.999999 local), as the daily candles of <c>ohlcv-daily</c> are (<see cref="CandleClose"/>, issue 15). Stamping
/// it at the day's start would let "the latest price at or before as-of" read a daily close during its own day.
/// A time of day, even <c>00:00</c>, is kept as given.
/// </summary>
public sealed class PriceCsvMapper : IRowMapper<PriceRow>
{
    private static readonly string[] IsoFormats =
        ["yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"];

    private readonly string _timeColumn, _valueColumn, _source;
    private readonly string? _underlying, _underlyingColumn, _dateFormat;
    private readonly TimeZoneInfo _zone;

    public PriceCsvMapper(FormatParameters parameters)
    {
        _timeColumn = parameters.Text("timeColumn") ?? "date";
        _valueColumn = parameters.Text("valueColumn") ?? "value";
        _source = parameters.RequiredIdentifier("source", IdentifierKind.Source, "name where the prices come from, e.g. source=coinmetrics");
        _underlying = parameters.Identifier("underlying", IdentifierKind.Underlying);
        _underlyingColumn = parameters.Text("underlyingColumn");
        if ((_underlying is null) == (_underlyingColumn is null))
            throw new IngestFormatException("underlying",
                "give the parameter 'underlying' (one symbol for every row, e.g. underlying=BTC) or 'underlyingColumn' (the column naming each row's), not both.");
        _dateFormat = parameters.Text("dateFormat");
        _zone = Zone(parameters.Text("timeZone"));
        RequiredColumns = _underlyingColumn is null ? [_timeColumn, _valueColumn] : [_timeColumn, _valueColumn, _underlyingColumn];
    }

    public IReadOnlyCollection<string> RequiredColumns { get; }

    public PriceRow? Map(FieldReader f)
    {
        var underlying = _underlying ?? f.Identifier(_underlyingColumn!, IdentifierKind.Underlying);
        var at = Time(f);
        var value = f.Double(_valueColumn, true, 0, minExclusive: true, unit: "USD");
        if (f.HasErrors) return null;
        return Candle.Check(f, underlying!, _source, at!.Value, value!.Value, value.Value, value.Value, value.Value, null);
    }

    private DateTime? Time(FieldReader f)
    {
        var text = f.Text(_timeColumn, maxLength: 64);
        if (text is null) return null;
        if (string.Equals(_dateFormat, "unix", StringComparison.OrdinalIgnoreCase))
        {
            var seconds = f.Integer(_timeColumn, true, 0);
            if (seconds is not { } s) return null;
            return f.CheckRange(_timeColumn, s >= 100_000_000_000 ? DateTime.UnixEpoch.AddMilliseconds(s) : DateTime.UnixEpoch.AddSeconds(s));
        }
        var styles = DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.RoundtripKind;
        var parsed = _dateFormat is null
            ? DateTime.TryParseExact(text, IsoFormats, CultureInfo.InvariantCulture, styles, out var local)
              || (IsoDateFirst(text) && DateTime.TryParse(text, CultureInfo.InvariantCulture, styles, out local)) // with Z or an offset
            : DateTime.TryParseExact(text, _dateFormat, CultureInfo.InvariantCulture, styles, out local);
        if (!parsed)
        {
            f.Error(_timeColumn, _dateFormat is null
                ? $"must be an ISO-8601 date or time such as 2024-01-31 or 2024-01-31T16:00:00Z (or give dateFormat=); got '{text}'."
                : $"does not match dateFormat '{_dateFormat}'; got '{text}'.");
            return null;
        }
        if (local.Kind == DateTimeKind.Unspecified && local.TimeOfDay == TimeSpan.Zero && IsDateOnly(text))
            local = local.AddDays(1) - CandleClose.Resolution; // the day's end in the time zone: its value is known by then
        var utc = local.Kind switch
        {
            DateTimeKind.Utc => local,
            DateTimeKind.Local => local.ToUniversalTime(), // the text had an offset: RoundtripKind keeps it as local time
            _ => Convert(f, local),
        };
        return utc is { } value ? f.CheckRange(_timeColumn, value) : null;
    }

    /// <summary>The time column holds a date alone: <c>yyyy-MM-dd</c>, or a <c>dateFormat</c> without hours, minutes, seconds or an offset.</summary>
    private bool IsDateOnly(string text) =>
        _dateFormat is null ? text.Trim().Length == 10 : !_dateFormat.Any(c => c is 'H' or 'h' or 'm' or 's' or 'f' or 'F' or 't' or 'z' or 'K');

    /// <summary>Starts yyyy-MM-dd: the general parser then only reads ISO forms, never a day/month order it would have to guess.</summary>
    private static bool IsoDateFirst(string text) =>
        text.Length > 10 && char.IsAsciiDigit(text[0]) && char.IsAsciiDigit(text[3]) && text[4] == '-' && text[7] == '-';

    private DateTime? Convert(FieldReader f, DateTime unspecified)
    {
        if (_zone.IsInvalidTime(unspecified))
        {
            f.Error(_timeColumn, $"{unspecified:yyyy-MM-dd HH:mm} does not exist in {_zone.Id} (a clock change skips it).");
            return null;
        }
        return TimeZoneInfo.ConvertTimeToUtc(unspecified, _zone);
    }

    private static TimeZoneInfo Zone(string? id)
    {
        if (id is null || string.Equals(id, "UTC", StringComparison.OrdinalIgnoreCase) || id == "Z") return TimeZoneInfo.Utc;
        if (id[0] is '+' or '-' && TimeSpan.TryParseExact(id[1..], [@"hh\:mm", "hh", @"hhmm"], CultureInfo.InvariantCulture, out var offset)
            && offset <= TimeSpan.FromHours(14))
            return TimeZoneInfo.CreateCustomTimeZone(id, id[0] == '-' ? -offset : offset, id, id);
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new IngestFormatException("timeZone", $"'{id}' is not a time zone: use UTC, an IANA id such as Europe/London, or an offset such as +03:00.");
        }
    }
}
