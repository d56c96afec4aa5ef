namespace Analytics.Data.Market;

/// <summary>
/// One convention for expiries across the service (issue 14 item 8): a date alone means 08:00 UTC that day, the expiry
/// time of the crypto option venues (Deribit, Derive, Aevo). The API's request parsers and ingest's row readers both use it.
/// </summary>
public static class ExpiryConvention
{
    /// <summary>The time of day a date-only expiry means, UTC.</summary>
    public static readonly TimeSpan DateOnlyTimeUtc = TimeSpan.FromHours(8);

    /// <summary>The expiry instant of a date-only expiry.</summary>
    public static DateTime OnDate(DateOnly date) => date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) + DateOnlyTimeUtc;
}
