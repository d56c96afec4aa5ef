using Analytics.Pricing;
using Analytics.Pricing.Surfaces;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Data.Market;

/// <summary>The indexed quotes a fit without posted quotes uses, with their ids (the issue's <c>IndexedQuotes</c>).</summary>
/// <param name="SnapshotAt">The newest quote instant used: the board's instant, from which the fit's tenors run.</param>
/// <param name="Quotes">The quotes, in id order.</param>
/// <param name="Ids">The indexed quote id of each of <paramref name="Quotes"/>.</param>
public sealed record IndexedQuoteSnapshot(DateTimeOffset SnapshotAt, IReadOnlyList<SurfaceQuote> Quotes, IReadOnlyList<long> Ids)
{
    /// <summary>A quote snapshot counts as current this long before the newest one (venues stamp instruments apart).</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    /// <summary>The newest indexed quote instant of <paramref name="underlying"/> at or before <paramref name="asOfUtc"/>; null when none.</summary>
    public static async Task<DateTimeOffset?> NewestAtOrBeforeAsync(AnalyticsDbContext db, string underlying, DateTimeOffset asOfUtc, CancellationToken cancellationToken)
    {
        var asOf = asOfUtc.UtcDateTime;
        return Utc(await db.OptionQuotes.Where(q => q.Underlying == underlying && q.TimestampUtc <= asOf)
            .MaxAsync(q => (DateTime?)q.TimestampUtc, cancellationToken));
    }

    /// <summary>The oldest indexed quote instant of <paramref name="underlying"/> after <paramref name="asOfUtc"/>; null when none.</summary>
    public static async Task<DateTimeOffset?> OldestAfterAsync(AnalyticsDbContext db, string underlying, DateTimeOffset asOfUtc, CancellationToken cancellationToken)
    {
        var asOf = asOfUtc.UtcDateTime;
        return Utc(await db.OptionQuotes.Where(q => q.Underlying == underlying && q.TimestampUtc > asOf)
            .MinAsync(q => (DateTime?)q.TimestampUtc, cancellationToken));
    }

    /// <summary>
    /// The board of <paramref name="underlying"/> whose newest quote is at <paramref name="snapshotAtUtc"/> (from
    /// <see cref="NewestAtOrBeforeAsync"/>): each option instrument's latest indexed quote within <see cref="Window"/> before
    /// it, options expiring after it only. Premiums are stored in USD.
    /// </summary>
    public static async Task<IndexedQuoteSnapshot> LoadAsync(AnalyticsDbContext db, string underlying, DateTimeOffset snapshotAtUtc, CancellationToken cancellationToken)
    {
        var snapshot = snapshotAtUtc.UtcDateTime;
        var earliest = snapshot - Window;
        var rows = await (
            from q in db.OptionQuotes
            where q.Underlying == underlying && q.TimestampUtc > earliest && q.TimestampUtc <= snapshot
            join i in db.Instruments on q.InstrumentId equals i.Id
            where i.Kind == "option" && i.ExpiryUtc > snapshot
            select new { q.Id, q.InstrumentId, q.TimestampUtc, q.Bid, q.Ask, q.Mark, q.UnderlyingPrice, q.MarkIv, i.ExpiryUtc, i.Strike, i.Right })
            .AsNoTracking().ToListAsync(cancellationToken);
        var latest = rows.GroupBy(r => r.InstrumentId)
            .Select(g => g.OrderByDescending(r => r.TimestampUtc).ThenByDescending(r => r.Id).First())
            .Where(r => r.Strike is not null && r.ExpiryUtc is not null)
            .OrderBy(r => r.Id)
            .ToList();
        var quotes = latest.Select(r => new SurfaceQuote(
            new DateTimeOffset(DateTime.SpecifyKind(r.ExpiryUtc!.Value, DateTimeKind.Utc)), r.Strike!.Value,
            r.Right == "put" ? OptionRight.Put : OptionRight.Call, r.Bid, r.Ask, r.Mark, PremiumCurrency.Usd, r.UnderlyingPrice, r.MarkIv)).ToList();
        return new IndexedQuoteSnapshot(Utc(snapshot)!.Value, quotes, latest.Select(r => r.Id).ToList());
    }

    /// <summary>Finds the id of the quote behind a smile point (expiry, strike and right identify a quote within one snapshot).</summary>
    public Func<DateTimeOffset, double, OptionRight, long?> IdLookup()
    {
        var map = new Dictionary<(long, double, OptionRight), long>();
        for (var i = 0; i < Quotes.Count; i++)
            map.TryAdd((Quotes[i].ExpiryUtc.UtcTicks, Quotes[i].Strike, Quotes[i].Right), Ids[i]);
        return (expiry, strike, right) => map.TryGetValue((expiry.UtcTicks, strike, right), out var id) ? id : null;
    }

    private static DateTimeOffset? Utc(DateTime? instant) =>
        instant is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : null;
}
