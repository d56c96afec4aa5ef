using Microsoft.EntityFrameworkCore;

namespace Analytics.Data.Queries;

/// <summary>
/// Which underlyings the service knows: those with at least one stored price observation, option quote or volatility
/// surface. Portfolios accept positions and coin collateral only on known underlyings; risk needs their prices.
/// </summary>
public static class KnownUnderlyings
{
    /// <summary>
    /// The symbols of <paramref name="underlyings"/> (upper case, as stored) that are known. One index seek per symbol and
    /// table (<c>EXISTS</c>), stopping at the first table that has it, so a long price history costs nothing.
    /// </summary>
    public static async Task<IReadOnlySet<string>> FindAsync(AnalyticsDbContext db, IEnumerable<string> underlyings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(underlyings);
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var symbol in underlyings.Distinct(StringComparer.Ordinal))
        {
            if (await db.PriceObservations.AnyAsync(p => p.Underlying == symbol, cancellationToken)
                || await db.OptionQuotes.AnyAsync(q => q.Underlying == symbol, cancellationToken)
                || await db.VolatilitySurfaces.AnyAsync(s => s.Underlying == symbol, cancellationToken))
                known.Add(symbol);
        }
        return known;
    }
}
