using Microsoft.EntityFrameworkCore;

namespace Analytics.Data.Market;

/// <summary>
/// The strikes listed for one expiry in the quotes a stored surface was fitted from, whether or not the fit kept them as
/// smile points (no-bid wing strikes included): the indexed quote snapshot of an <c>index</c> fit, or the quotes posted
/// with a <c>request</c> fit.
/// </summary>
public static class ListedStrikes
{
    /// <summary>
    /// The distinct strikes, ascending, of the quotes of <paramref name="inputs"/> expiring at <paramref name="expiryUtc"/>,
    /// and where they come from; null when the inputs name no quotes (the caller then falls back to the fit's points).
    /// </summary>
    /// <param name="db">The database holding the indexed quotes.</param>
    /// <param name="inputs">What the fit was given.</param>
    /// <param name="expiryUtc">The slice's expiry instant.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public static async Task<(IReadOnlyList<double> Strikes, ListedStrikeSource Source)?> OfAsync(
        AnalyticsDbContext db, SurfaceInputs inputs, DateTimeOffset expiryUtc, CancellationToken cancellationToken)
    {
        if (inputs.QuoteIds is { Count: > 0 } ids)
        {
            var idArray = ids.ToArray();
            var expiry = expiryUtc.UtcDateTime;
            var strikes = await (
                from q in db.OptionQuotes
                where idArray.Contains(q.Id)
                join i in db.Instruments on q.InstrumentId equals i.Id
                where i.ExpiryUtc == expiry && i.Strike != null
                select i.Strike!.Value).Distinct().ToListAsync(cancellationToken);
            return (strikes.Order().ToList(), ListedStrikeSource.QuoteSnapshot);
        }

        if (inputs.Quotes is { Count: > 0 } posted)
        {
            var strikes = posted.Where(q => q.Expiry is { } e && e.UtcTicks == expiryUtc.UtcTicks && q.Strike is > 0)
                .Select(q => q.Strike!.Value).Distinct().Order().ToList();
            return (strikes, ListedStrikeSource.PostedQuotes);
        }

        return null;
    }
}
