using Analytics.Data.Entities;
using Analytics.Data.Portfolios;
using Analytics.Pricing;
using Analytics.Pricing.Engines;
using Analytics.Pricing.Market;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Data.Seeding;

/// <summary>
/// The rest of the demo book for <c>make run</c>: a month of synthetic perp funding for ETH-PERP and BTC-PERP (venue
/// <see cref="DemoData.SyntheticSource"/>) and one demo portfolio, so the funding, risk and portfolio examples of the
/// OpenAPI document work on first start. None of it is market data.
/// </summary>
public static class DemoBook
{
    private const double IntervalHours = 8;
    private const int FundingDays = 30;

    /// <summary>Writes the synthetic funding series when none is stored. Returns the number of rows written.</summary>
    public static async Task<int> SeedFundingAsync(AnalyticsDbContext db, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.FundingObservations.AnyAsync(f => f.Venue == DemoData.SyntheticSource, cancellationToken)) return 0;

        if (!await db.Venues.AnyAsync(v => v.Id == DemoData.SyntheticSource, cancellationToken))
            db.Venues.Add(new VenueEntity { Id = DemoData.SyntheticSource, FirstSeenUtc = DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc) });
        var last = nowUtc.Date.AddHours(Math.Floor(nowUtc.TimeOfDay.TotalHours / IntervalHours) * IntervalHours);
        int intervals = (int)(FundingDays * 24 / IntervalHours);
        var rows = new List<FundingObservationEntity>();
        foreach (var (market, baseRate) in new[] { ("ETH-PERP", 0.00010), ("BTC-PERP", 0.00008) })
            for (int i = 0; i < intervals; i++)
                rows.Add(new FundingObservationEntity
                {
                    Venue = DemoData.SyntheticSource,
                    Market = market,
                    TimestampUtc = DateTime.SpecifyKind(last.AddHours(-IntervalHours * i), DateTimeKind.Utc),
                    // A smooth positive cycle around the base rate: longs pay shorts, as most of the time on crypto perps.
                    RatePerInterval = baseRate * (1 + 0.5 * Math.Sin(i / 5.0)),
                    IntervalHours = IntervalHours,
                });
        db.FundingObservations.AddRange(rows);
        await db.SaveChangesAsync(cancellationToken);
        return rows.Count;
    }

    /// <summary>
    /// Stores the demo portfolio when no portfolio exists: a short ETH call spread on Arbitrum hedged with an ETH perp, a
    /// long BTC put on Base, and USDC + ETH collateral; strikes from the latest demo close, expiry the last Friday (08:00 UTC)
    /// of the third month ahead. Returns whether it was stored.
    /// </summary>
    public static async Task<bool> SeedPortfolioAsync(AnalyticsDbContext db, PortfolioStore store, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(store);
        if (await db.Portfolios.AnyAsync(cancellationToken)) return false;
        if (await LastCloseAsync(db, "ETH", nowUtc, cancellationToken) is not { } eth
            || await LastCloseAsync(db, "BTC", nowUtc, cancellationToken) is not { } btc) return false;

        var expiry = LastFridayOfMonth(nowUtc.AddMonths(3));
        double ethLow = Math.Round(eth * 1.10 / 50) * 50, ethHigh = Math.Round(eth * 1.30 / 50) * 50, btcPut = Math.Round(btc * 0.85 / 1000) * 1000;
        var definition = new PortfolioDefinition("Demo book (synthetic): ETH call spread hedged, BTC put",
            [
                PortfolioPosition.Option("ETH", OptionRight.Call, OptionExerciseStyle.European, OptionSettlement.Cash, ethLow, expiry, -10, "arbitrum-one", "derive", null),
                PortfolioPosition.Option("ETH", OptionRight.Call, OptionExerciseStyle.European, OptionSettlement.Cash, ethHigh, expiry, 10, "arbitrum-one", "derive", null),
                PortfolioPosition.Perpetual("ETH", 2, "ETH-PERP", eth, "arbitrum-one", "gmx"),
                PortfolioPosition.Option("BTC", OptionRight.Put, OptionExerciseStyle.European, OptionSettlement.Cash, btcPut, expiry, 1, "base", "aevo", null),
            ],
            [new CollateralHolding("USDC", 50_000), new CollateralHolding("ETH", 5)]);
        await store.CreateAsync(db, definition, new DateTimeOffset(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc)), cancellationToken);
        return true;
    }

    private static Task<double?> LastCloseAsync(AnalyticsDbContext db, string underlying, DateTime nowUtc, CancellationToken cancellationToken) =>
        db.PriceObservations.AsNoTracking()
            .Where(p => p.Underlying == underlying && p.Source == DemoData.SyntheticSource && p.TimestampUtc <= nowUtc)
            .OrderByDescending(p => p.TimestampUtc).Select(p => (double?)p.Close).FirstOrDefaultAsync(cancellationToken);

    private static DateTimeOffset LastFridayOfMonth(DateTime inMonth)
    {
        var day = new DateTime(inMonth.Year, inMonth.Month, 1, 8, 0, 0, DateTimeKind.Utc).AddMonths(1).AddDays(-1);
        while (day.DayOfWeek != DayOfWeek.Friday) day = day.AddDays(-1);
        return new DateTimeOffset(day);
    }
}
