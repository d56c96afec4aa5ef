using System.Globalization;
using System.Text;
using Analytics.Api.Errors;

namespace Analytics.Api.Endpoints;

/// <summary>The paging parameters every indexed-data listing shares: [from, to), an opaque cursor, and a limit.</summary>
internal readonly record struct KeysetListing(DateTime? FromUtc, DateTime? ToUtc, (DateTime At, long Id)? After, int Limit)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public const string Description =
        "In time order (oldest first), over the half-open range [from, to). `limit` is 1–1000 (default 100); " +
        "follow `nextCursor` for the next page (keyset pagination: every page is an index seek, however deep).";

    /// <summary>Checks the parameters, adding errors named after them.</summary>
    public static KeysetListing Read(DateTimeOffset? from, DateTimeOffset? to, string? cursor, int? limit, FieldErrors errors)
    {
        var take = limit ?? DefaultLimit;
        if (take is < 1 or > MaxLimit) errors.Add("limit", $"must be between 1 and {MaxLimit}; got {take}.");
        var (fromUtc, toUtc) = (errors.Instant("from", from), errors.Instant("to", to));
        if (fromUtc is not null && toUtc is not null && fromUtc >= toUtc) errors.Add("to", "must be after from.");
        (DateTime, long)? after = null;
        if (cursor is not null && (after = Decode(cursor)) is null) errors.Add("cursor", "is not a cursor this endpoint returned.");
        return new KeysetListing(fromUtc, toUtc, after, take);
    }

    public static string? Encode((DateTime At, long Id)? next) => next is not { } n ? null :
        Convert.ToBase64String(Encoding.UTF8.GetBytes(FormattableString.Invariant($"{n.At.Ticks}:{n.Id}"))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static (DateTime, long)? Decode(string cursor)
    {
        try
        {
            var padded = cursor.Replace('-', '+').Replace('_', '/').PadRight((cursor.Length + 3) / 4 * 4, '=');
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split(':');
            return parts.Length == 2
                   && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                   && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                   && ticks is >= 0 and <= 3155378975999999999
                ? (new DateTime(ticks, DateTimeKind.Utc), id)
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
