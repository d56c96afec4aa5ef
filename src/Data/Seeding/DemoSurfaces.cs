using Analytics.Data.Market;
using Analytics.Pricing;
using Analytics.Pricing.Black;
using Analytics.Pricing.Surfaces;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Data.Seeding;

/// <summary>
/// A labelled synthetic option board per demo underlying (ETH, BTC) and the surface fitted to it, so the option chain,
/// the surface queries and <c>volSource: surface</c> work on the first <c>make run</c>. The quotes are priced (Black-76,
/// r = 0, forward = the last demo close) from a known arbitrage-free SSVI surface (Gatheral &amp; Jacquier 2014, power-law φ
/// with ρ = −0.3, η = 1, γ = 0.4, inside Remark 4.4's region) with a ±1 % premium spread and the model vol as the venue
/// mark; the fit is stored with inputs source <see cref="DemoData.SyntheticSource"/> and published when it passes the
/// quality gate. None of it is market data.
/// </summary>
public static class DemoSurfaces
{
    private static readonly SsviParameters Surface = new(rho: -0.3, eta: 1.0, gamma: 0.4);
    private static readonly Dictionary<string, double> AtmVol = new(StringComparer.Ordinal) { ["ETH"] = 0.65, ["BTC"] = 0.50 };

    /// <summary>
    /// Fits and stores a demo surface as of <paramref name="nowUtc"/> for each demo underlying that has demo prices and no
    /// surface yet. Returns the number of surfaces stored.
    /// </summary>
    public static async Task<int> SeedAsync(AnalyticsDbContext db, SurfaceStore store, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(store);
        var asOf = new DateTimeOffset(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc));
        int stored = 0;
        foreach (var (underlying, atmVol) in AtmVol)
        {
            if (await db.VolatilitySurfaces.AnyAsync(s => s.Underlying == underlying, cancellationToken)) continue;
            var last = await db.PriceObservations.AsNoTracking()
                .Where(p => p.Underlying == underlying && p.Source == DemoData.SyntheticSource && p.TimestampUtc <= nowUtc)
                .OrderByDescending(p => p.TimestampUtc).Select(p => (double?)p.Close).FirstOrDefaultAsync(cancellationToken);
            if (last is not { } forward) continue;

            var quotes = Quotes(asOf, forward, atmVol);
            var result = VolatilitySurfaceCalibrator.Default.Calibrate(quotes, asOf);
            if (result.Surface is not { } surface) continue;
            var verdict = SurfaceQualityGate.Evaluate(surface, SurfaceQualityGate.DefaultMaxMedianRmseVolPoints);
            var inputs = new SurfaceInputs(DemoData.SyntheticSource, null, null, quotes.Select(PostedQuote.From).ToList());
            await store.StoreAsync(db, underlying, surface, inputs, (_, _, _) => null, asOf, cancellationToken, verdict, verdict.Passed);
            stored++;
        }

        return stored;
    }

    /// <summary>
    /// The synthetic board: the next four Fridays, the last Friday of the next three months and of the next two quarters
    /// after that (08:00 UTC), 25 strikes each over ±2.5 standard deviations, out-of-the-money calls and puts.
    /// </summary>
    public static List<SurfaceQuote> Quotes(DateTimeOffset asOf, double forward, double atmVol)
    {
        var quotes = new List<SurfaceQuote>();
        foreach (var expiry in Expiries(asOf))
        {
            double t = SurfaceQuotePreparer.TenorYears(asOf, expiry), theta = atmVol * atmVol * t;
            double unit = forward > 10_000 ? 100 : 1; // strike grid: whole 100 USD for BTC, whole dollars for ETH
            double step = Math.Max(unit, Math.Round(forward * atmVol * Math.Sqrt(t) / 5.0 / unit) * unit);
            for (int i = -12; i <= 12; i++)
            {
                double strike = Math.Round(forward / step) * step + i * step;
                if (strike <= 0) continue;
                double k = Math.Log(strike / forward), vol = Math.Sqrt(Surface.TotalVariance(k, theta) / t);
                var right = strike >= forward ? OptionRight.Call : OptionRight.Put;
                double price = BlackScholesMerton.Price(forward, strike, t, vol, 1.0, right == OptionRight.Call);
                if (price < 1e-6 * forward) continue;
                quotes.Add(new SurfaceQuote(expiry, strike, right, price * 0.99, price * 1.01, UnderlyingPrice: forward, VenueMarkVol: vol));
            }
        }

        return quotes;
    }

    private static IEnumerable<DateTimeOffset> Expiries(DateTimeOffset asOf)
    {
        var day = asOf.UtcDateTime.Date;
        var friday = day.AddDays(((int)DayOfWeek.Friday - (int)day.DayOfWeek + 7) % 7).AddHours(8);
        if (friday <= asOf.UtcDateTime.AddHours(12)) friday = friday.AddDays(7);
        var expiries = new SortedSet<DateTime>(Enumerable.Range(0, 4).Select(w => friday.AddDays(7 * w)));
        foreach (int months in new[] { 1, 2, 3, 6, 9 })
        {
            var month = new DateTime(day.Year, day.Month, 1).AddMonths(months + 1).AddDays(-1);
            while (month.DayOfWeek != DayOfWeek.Friday) month = month.AddDays(-1);
            expiries.Add(month.AddHours(8));
        }

        return expiries.Select(e => new DateTimeOffset(e, TimeSpan.Zero));
    }
}
