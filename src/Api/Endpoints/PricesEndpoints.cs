using System.ComponentModel;
using Analytics.Api.Auth;
using Analytics.Api.Contracts.Prices;
using Analytics.Api.Errors;
using Analytics.Data;
using Analytics.Data.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Api.Endpoints;

/// <summary>Spot and index price history: <c>GET /api/v1/prices</c> (ingest: <see cref="IngestEndpoints"/>).</summary>
public static class PricesEndpoints
{
    public static RouteGroupBuilder MapPricesEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/prices", ListAsync)
            .WithTags("Indexed data")
            .RequireAuthorization(AuthNames.ReadPolicy)
            .WithName("ListPrices")
            .WithSummary("Price history, cursor-paginated")
            .WithDescription("Prices filtered by underlying and source (any case). " + KeysetListing.Description + " " +
                             "The embedded setup is seeded with rows of source `synthetic-demo`: generated, not market data.");
        return api;
    }

    private static async Task<Results<Ok<PricePageResponse>, ValidationProblem>> ListAsync(
        AnalyticsDbContext db, string? underlying, string? source, DateTimeOffset? from, DateTimeOffset? to,
        string? cursor, [Description("Page size, 1–1000."), DefaultValue(KeysetListing.DefaultLimit)] int? limit, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var listing = KeysetListing.Read(from, to, cursor, limit, errors);
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary());

        var query = db.PriceObservations.AsQueryable();
        if (underlying is not null) { var u = Identifiers.Underlying(underlying); query = query.Where(p => p.Underlying == u); }
        if (source is not null) { var s = Identifiers.Source(source); query = query.Where(p => p.Source == s); }
        var (page, next) = await KeysetQuery.PageAsync(query, listing.FromUtc, listing.ToUtc, listing.After, listing.Limit, cancellationToken);
        return TypedResults.Ok(new PricePageResponse(
            page.Select(p => new PriceResponse(p.Underlying, p.Source, new DateTimeOffset(p.TimestampUtc), p.Open, p.High, p.Low, p.Close, p.Volume)).ToList(),
            KeysetListing.Encode(next)));
    }
}
