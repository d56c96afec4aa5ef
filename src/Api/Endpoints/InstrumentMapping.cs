using Analytics.Api.Contracts.Trades;
using Analytics.Data;
using Analytics.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Api.Endpoints;

/// <summary>Instrument lookups shared by the trade and quote listings.</summary>
internal static class InstrumentMapping
{
    /// <summary>The instrument ids of a page's rows, loaded in one query.</summary>
    public static async Task<Dictionary<long, InstrumentResponse>> LoadAsync(AnalyticsDbContext db, IEnumerable<long> ids, CancellationToken cancellationToken)
    {
        var distinct = ids.Distinct().ToList();
        var rows = await db.Instruments.AsNoTracking().Where(i => distinct.Contains(i.Id)).ToListAsync(cancellationToken);
        return rows.ToDictionary(i => i.Id, ToResponse);
    }

    /// <summary>
    /// The id of the instrument with this key, compared without regard to case (the canonical key first, through its
    /// unique index), or -1 (matches nothing) when there is none.
    /// </summary>
    public static async Task<long> IdOfAsync(AnalyticsDbContext db, string key, CancellationToken cancellationToken)
    {
        var instruments = db.Instruments.AsNoTracking();
        var upper = key.ToUpperInvariant();
        return await instruments.Where(i => i.Key == key).Select(i => (long?)i.Id).FirstOrDefaultAsync(cancellationToken)
               ?? await instruments.Where(i => i.Key.ToUpper() == upper).Select(i => (long?)i.Id).FirstOrDefaultAsync(cancellationToken)
               ?? -1;
    }

    private static InstrumentResponse ToResponse(InstrumentEntity i) => new(i.Key, i.Kind, i.Underlying,
        i.ExpiryUtc is { } e ? new DateTimeOffset(e) : null, i.Strike, i.Right, i.Style, i.Settlement, i.Market);
}
