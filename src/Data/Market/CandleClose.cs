namespace Analytics.Data.Market;

/// <summary>
/// When a candle's price is stored (issue 15, look-ahead): a price observation is stamped at the instant its
/// <c>close</c> is known, never at the candle's open. Every reader asks for "the latest price at or before as-of" or "the
/// closes up to as-of" (<see cref="MarketSnapshotService"/>, <see cref="Risk.DailyCloses"/>, historical VaR, stress,
/// margin and report backtests); a day candle stamped at its day open would hand them that day's close at any instant of
/// the day, hours before it was known.
/// <para>
/// A candle of an interval is stamped at its end minus <see cref="Resolution"/> (one microsecond), not at its end: the
/// instant stays inside the candle's own interval, so a daily close keeps its UTC day as its day key
/// (<see cref="Risk.DailyCloses"/> keys by the timestamp's date, bars bucket by it) and no reader needs to shift days.
/// One microsecond is the resolution PostgreSQL stores (SQLite keeps it too), so both databases hold the same instant.
/// The price counts as known one microsecond before its interval ends: that much look-ahead is left.
/// </para>
/// </summary>
public static class CandleClose
{
    /// <summary>The storage resolution of instants (PostgreSQL <c>timestamp</c>): one microsecond.</summary>
    public static readonly TimeSpan Resolution = TimeSpan.FromMicroseconds(1);

    /// <summary>The instant a candle opening at <paramref name="openUtc"/> and lasting <paramref name="interval"/> is stamped at.</summary>
    public static DateTime Of(DateTime openUtc, TimeSpan interval) => DateTime.SpecifyKind(openUtc + interval - Resolution, DateTimeKind.Utc);

    /// <summary>The instant the close of UTC day <paramref name="day"/> is stamped at: 23:59:59.999999 that day.</summary>
    public static DateTime OfUtcDay(DateOnly day) => Of(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), TimeSpan.FromDays(1));

    /// <summary><see cref="OfUtcDay"/> as an offset, for the readers' "up to" bounds.</summary>
    public static DateTimeOffset EndOfUtcDay(DateOnly day) => new(OfUtcDay(day));
}
