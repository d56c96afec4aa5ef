using Analytics.Data.Entities;
using Analytics.Data.Market;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Data.Seeding;

/// <summary>
/// Synthetic demo data for the embedded <c>make run</c> setup, so a new user has something to query.
/// Every row it writes is marked with <see cref="SyntheticSource"/>: none of it is market data.
/// </summary>
public static class DemoData
{
    /// <summary>The <c>source</c> of every demo price row.</summary>
    public const string SyntheticSource = "synthetic-demo";

    /// <summary>Underlyings, start prices (USD) and annualised vols of the synthetic paths.</summary>
    private static readonly (string Underlying, double StartPriceUsd, double AnnualisedVol)[] Paths =
    [
        ("ETH", 3000.0, 0.65),
        ("BTC", 90000.0, 0.50),
    ];

    private const int Days = 365;

    /// <summary>
    /// Writes one year of daily candles per underlying, the last one of the day before <paramref name="nowUtc"/>'s day
    /// (the last day whose close is known at <paramref name="nowUtc"/>), each stamped at its day's close,
    /// 23:59:59.999999 UTC, as ingested daily candles are (<see cref="CandleClose"/>, issue 15), when the database holds
    /// no demo rows yet. A fixed seed makes the paths the same on every machine.
    /// Returns the number of rows written.
    /// </summary>
    public static async Task<int> SeedAsync(AnalyticsDbContext db, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        if (await db.PriceObservations.AnyAsync(p => p.Source == SyntheticSource, cancellationToken))
            return 0;

        var lastDay = DateOnly.FromDateTime(nowUtc).AddDays(-1);
        var random = new Random(20261124);
        var rows = new List<PriceObservationEntity>(Paths.Length * Days);
        foreach (var (underlying, start, vol) in Paths)
        {
            var dailyVol = vol / Math.Sqrt(365.0);
            var close = start;
            for (var day = Days - 1; day >= 0; day--)
            {
                var open = close;
                close = open * Math.Exp(dailyVol * StandardNormal(random) - 0.5 * dailyVol * dailyVol);
                var wick = Math.Abs(dailyVol * StandardNormal(random)) * 0.5;
                rows.Add(new PriceObservationEntity
                {
                    Underlying = underlying,
                    Source = SyntheticSource,
                    TimestampUtc = CandleClose.OfUtcDay(lastDay.AddDays(-day)),
                    Open = open,
                    Close = close,
                    High = Math.Max(open, close) * (1 + wick),
                    Low = Math.Min(open, close) * (1 - wick),
                    Volume = Math.Round(1000 + 500 * random.NextDouble(), 2),
                });
            }
        }
        db.PriceObservations.AddRange(rows);
        await db.SaveChangesAsync(cancellationToken);
        return rows.Count;
    }

    // Box-Muller: enough for demo paths (this is not the numerics library).
    private static double StandardNormal(Random random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
}
