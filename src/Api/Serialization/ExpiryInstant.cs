using System.Globalization;

namespace Analytics.Api.Serialization;

/// <summary>
/// One convention for expiries across the API (issue 14 item 8): an ISO-8601 instant as given, or a date alone meaning
/// 08:00 UTC that day, the expiry time of the crypto option venues (Deribit, Derive, Aevo).
/// </summary>
internal static class ExpiryInstant
{
    /// <summary>The time of day a date-only expiry means, UTC.</summary>
    public static readonly TimeSpan DateOnlyTimeUtc = ExpiryConvention.DateOnlyTimeUtc;

    /// <summary>Parses <c>yyyy-MM-dd</c> (08:00 UTC) or an ISO-8601 instant (an offset-less one is UTC).</summary>
    public static bool TryParse(string? text, out DateTimeOffset expiry)
    {
        expiry = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            expiry = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) + DateOnlyTimeUtc;
            return true;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out expiry);
    }
}
