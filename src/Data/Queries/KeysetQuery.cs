using Analytics.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Data.Queries;

/// <summary>
/// Keyset pagination over (timestamp, id): each page continues strictly after the last row of the previous one, so
/// a page costs an index seek plus <c>limit</c> rows however deep it is (no OFFSET). Each listing filter has an index
/// ending in (TimestampUtc, Id) (see Configurations/).
/// </summary>
public static class KeysetQuery
{
    /// <summary>Half-open time range [from, to), then rows after the cursor, in (timestamp, id) order; one extra row tells whether a next page exists.</summary>
    public static async Task<(List<T> Page, (DateTime At, long Id)? Next)> PageAsync<T>(
        IQueryable<T> query, DateTime? fromUtc, DateTime? toUtc, (DateTime At, long Id)? after, int limit, CancellationToken cancellationToken)
        where T : class, ITimeSeriesRow
    {
        if (fromUtc is { } f) query = query.Where(r => r.TimestampUtc >= f);
        if (toUtc is { } t) query = query.Where(r => r.TimestampUtc < t);
        if (after is { } a) query = query.Where(r => r.TimestampUtc > a.At || (r.TimestampUtc == a.At && r.Id > a.Id));
        var rows = await query.AsNoTracking().OrderBy(r => r.TimestampUtc).ThenBy(r => r.Id).Take(limit + 1).ToListAsync(cancellationToken);
        if (rows.Count <= limit) return (rows, null);
        rows.RemoveAt(limit);
        return (rows, (rows[^1].TimestampUtc, rows[^1].Id));
    }
}
