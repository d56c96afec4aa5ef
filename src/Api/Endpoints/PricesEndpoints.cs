using System.Globalization;
using System.Text;
using Analytics.Api.Auth;
using Analytics.Api.Contracts.Prices;
using Analytics.Api.Errors;
using Analytics.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Api.Endpoints;

/// <summary>Spot and index price history: <c>/api/v1/prices</c>.</summary>
public static class PricesEndpoints
{
    private const int DefaultLimit = 100;
    private const int MaxLimit = 1000;

    public static RouteGroupBuilder MapPricesEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/prices", ListAsync)
            .WithTags("Indexed data")
            .RequireAuthorization(AuthNames.ReadPolicy)
            .WithName("ListPrices")
            .WithSummary("Price history, cursor-paginated")
            .WithDescription("Prices in time order, filtered by underlying, source and a time range [from, to). " +
                             "`limit` is 1–1000 (default 100); follow `nextCursor` for the next page. " +
                             "The embedded setup is seeded with rows of source `synthetic-demo`: generated, not market data.");
        return api;
    }

    private static async Task<Results<Ok<PricePageResponse>, ValidationProblem>> ListAsync(
        AnalyticsDbContext db, string? underlying, string? source, DateTimeOffset? from, DateTimeOffset? to,
        string? cursor, int? limit, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var take = limit ?? DefaultLimit;
        if (take is < 1 or > MaxLimit) errors.Add("limit", $"must be between 1 and {MaxLimit}; got {take}.");
        if (from is not null && to is not null && from >= to) errors.Add("to", "must be after from.");
        (DateTime At, long Id)? after = null;
        if (cursor is not null && (after = DecodeCursor(cursor)) is null) errors.Add("cursor", "is not a cursor this endpoint returned.");
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary());

        var query = db.PriceObservations.AsNoTracking();
        if (underlying is not null) query = query.Where(p => p.Underlying == underlying);
        if (source is not null) query = query.Where(p => p.Source == source);
        if (from is { } f) { var fromUtc = f.UtcDateTime; query = query.Where(p => p.TimestampUtc >= fromUtc); }
        if (to is { } t) { var toUtc = t.UtcDateTime; query = query.Where(p => p.TimestampUtc < toUtc); }
        if (after is { } a) query = query.Where(p => p.TimestampUtc > a.At || (p.TimestampUtc == a.At && p.Id > a.Id));

        var rows = await query.OrderBy(p => p.TimestampUtc).ThenBy(p => p.Id).Take(take + 1).ToListAsync(cancellationToken);
        var page = rows.Take(take).ToList();
        var next = rows.Count > take ? EncodeCursor(page[^1].TimestampUtc, page[^1].Id) : null;
        return TypedResults.Ok(new PricePageResponse(
            page.Select(p => new PriceResponse(p.Underlying, p.Source, new DateTimeOffset(p.TimestampUtc), p.Open, p.High, p.Low, p.Close, p.Volume)).ToList(),
            next));
    }

    private static string EncodeCursor(DateTime at, long id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(FormattableString.Invariant($"{at.Ticks}:{id}"))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static (DateTime, long)? DecodeCursor(string cursor)
    {
        try
        {
            var padded = cursor.Replace('-', '+').Replace('_', '/').PadRight((cursor.Length + 3) / 4 * 4, '=');
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split(':');
            return parts.Length == 2
                   && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                   && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                   && ticks is >= 0 and <= 3155378975999999999
                ? (new DateTime(ticks, DateTimeKind.Utc), id)
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
