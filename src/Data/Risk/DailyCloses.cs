using System.Collections.Immutable;
using Analytics.Data.Market;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Data.Risk;

/// <summary>
/// Daily closes of an underlying from one price source: the last stored observation of each UTC day, for historical
/// simulation and covariance estimates (one source at a time, so that closes of different feeds never mix; the source
/// with the most days in the window, <see cref="RichestSourceAsync"/>).
/// <para>
/// A row's day is the UTC date of its timestamp, and a row is read only when its timestamp is at or before the as-of.
/// That is free of look-ahead because a candle is stamped when its close is known (<see cref="Market.CandleClose"/>,
/// issue 15): a daily close of day D at D 23:59:59.999999, so it keys to D and is read only from the end of D on; at
/// noon of D the last close is D−1's. A day's close is that day's last observation at or before the as-of: with an
/// intraday feed, on the as-of day that is the latest price so far, not a close.
/// </para>
/// </summary>
public static class DailyCloses
{
    /// <summary>
    /// The price source with the most UTC days of observations of <paramref name="underlying"/> in the window, ties going
    /// to <paramref name="preferred"/> (the latest price's source), then by name; null when there is none.
    /// </summary>
    public static async Task<string?> RichestSourceAsync(
        AnalyticsDbContext db, string underlying, string preferred, DateOnly fromDay, DateTimeOffset toInstantUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var from = fromDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var to = toInstantUtc.UtcDateTime;
        var rows = await db.PriceObservations.AsNoTracking()
            .Where(p => p.Underlying == underlying && p.TimestampUtc >= from && p.TimestampUtc <= to && !p.Source.StartsWith(Market.PriceSources.DatedFuturePrefix))
            .Select(p => new { p.Source, p.TimestampUtc.Date })
            .Distinct()
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.Source)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key == preferred ? 0 : 1).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).FirstOrDefault();
    }

    /// <summary>The closes of <paramref name="underlying"/> from <paramref name="source"/> on UTC days from <paramref name="fromDay"/> to <paramref name="toInstantUtc"/>'s day, nothing after <paramref name="toInstantUtc"/>.</summary>
    public static async Task<IReadOnlyDictionary<DateOnly, double>> ReadAsync(
        AnalyticsDbContext db, string underlying, string source, DateOnly fromDay, DateTimeOffset toInstantUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var from = fromDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var to = toInstantUtc.UtcDateTime;
        var rows = await db.PriceObservations.AsNoTracking()
            .Where(p => p.Underlying == underlying && p.Source == source && p.TimestampUtc >= from && p.TimestampUtc <= to)
            .OrderBy(p => p.TimestampUtc).ThenBy(p => p.Id)
            .Select(p => new { p.TimestampUtc, p.Close })
            .ToListAsync(cancellationToken);
        var closes = new SortedDictionary<DateOnly, double>();
        foreach (var row in rows) closes[DateOnly.FromDateTime(row.TimestampUtc)] = row.Close; // the day's last observation wins
        return closes;
    }

    /// <summary>
    /// The h-day log returns of <paramref name="underlyings"/> over their daily closes from <paramref name="fromDay"/> to
    /// <paramref name="toInstantUtc"/>, each underlying from its richest source (<see cref="RichestSourceAsync"/>, ties to
    /// <paramref name="preferredSource"/>'s), aligned on common dates; or what is missing (too little history).
    /// </summary>
    public static async Task<(Pricing.Risk.Var.AlignedReturns? Returns, ImmutableSortedDictionary<string, string> Sources, MissingMarketData? Missing)> AlignedReturnsAsync(
        AnalyticsDbContext db, IEnumerable<string> underlyings, Func<string, string> preferredSource, DateOnly fromDay, DateTimeOffset toInstantUtc,
        int horizonDays, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(underlyings);
        ArgumentNullException.ThrowIfNull(preferredSource);
        var closes = new Dictionary<string, IReadOnlyDictionary<DateOnly, double>>(StringComparer.Ordinal);
        var sources = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var u in underlyings)
        {
            var preferred = preferredSource(u);
            var source = await RichestSourceAsync(db, u, preferred, fromDay, toInstantUtc, cancellationToken) ?? preferred;
            sources[u] = source;
            closes[u] = await ReadAsync(db, u, source, fromDay, toInstantUtc, cancellationToken);
        }

        try
        {
            return (Pricing.Risk.Var.AlignedReturns.Of(closes, horizonDays), sources.ToImmutable(), null);
        }
        catch (ArgumentException e)
        {
            return (null, sources.ToImmutable(), new MissingMarketData("history", string.Join(", ", closes.Keys),
                $"too little daily price history from {fromDay:yyyy-MM-dd} to {toInstantUtc:O} (sources: " +
                $"{string.Join(", ", sources.Select(s => $"{s.Key} {s.Value}"))}): {e.Message}"));
        }
    }
}
