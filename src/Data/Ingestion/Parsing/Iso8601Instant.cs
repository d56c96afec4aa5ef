namespace Analytics.Data.Ingestion.Parsing;

/// <summary>
/// The one instant form producers nearly always send, <c>yyyy-MM-ddTHH:mm:ss[.f…]Z</c> (up to 7 fraction digits),
/// parsed without the general date parser. Anything else (offsets, no zone, other layouts) returns false and takes
/// the general path; what this accepts, <see cref="DateTimeOffset.TryParse(string, IFormatProvider, System.Globalization.DateTimeStyles, out DateTimeOffset)"/>
/// reads to the same instant.
/// </summary>
internal static class Iso8601Instant
{
    public static bool TryParseUtc(ReadOnlySpan<char> text, out DateTime utc)
    {
        utc = default;
        if (text.Length is < 20 or > 28 || text[^1] != 'Z' || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':')
            return false;
        if (!Digits(text, 0, 4, out var year) || !Digits(text, 5, 2, out var month) || !Digits(text, 8, 2, out var day)
            || !Digits(text, 11, 2, out var hour) || !Digits(text, 14, 2, out var minute) || !Digits(text, 17, 2, out var second))
            return false;
        var fractionTicks = 0;
        if (text.Length > 20)
        {
            var digits = text.Length - 21;
            if (text[19] != '.' || digits == 0 || !Digits(text, 20, digits, out fractionTicks)) return false;
            for (var i = digits; i < 7; i++) fractionTicks *= 10;
        }
        else if (text[19] != 'Z') return false;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
            return false;
        utc = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(fractionTicks);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var d = text[i] - '0';
            if ((uint)d > 9) return false;
            value = value * 10 + d;
        }
        return true;
    }
}
