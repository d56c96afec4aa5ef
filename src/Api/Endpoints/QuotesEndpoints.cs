using System.ComponentModel;
using Analytics.Api.Auth;
using Analytics.Api.Contracts.Quotes;
using Analytics.Api.Errors;
using Analytics.Data;
using Analytics.Data.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Api.Endpoints;

/// <summary>Option quote listings: <c>GET /api/v1/quotes</c> (ingest: <see cref="IngestEndpoints"/>).</summary>
public static class QuotesEndpoints
{
    public static RouteGroupBuilder MapQuotesEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/quotes", ListAsync)
            .WithTags("Indexed data")
            .RequireAuthorization(AuthNames.ReadPolicy)
            .WithName("ListQuotes")
            .WithSummary("Option quote snapshots, cursor-paginated")
            .WithDescription("Quotes (premiums in USD) filtered by venue, underlying and instrument (its canonical key, any case). " + KeysetListing.Description);
        return api;
    }

    private static async Task<Results<Ok<QuotePageResponse>, ValidationProblem>> ListAsync(
        AnalyticsDbContext db, string? venue, string? underlying, string? instrument, DateTimeOffset? from, DateTimeOffset? to,
        string? cursor, [Description("Page size, 1–1000."), DefaultValue(KeysetListing.DefaultLimit)] int? limit, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var listing = KeysetListing.Read(from, to, cursor, limit, errors);
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary());

        var query = db.OptionQuotes.AsQueryable();
        if (venue is not null) { var v = Identifiers.Venue(venue); query = query.Where(q => q.Venue == v); }
        if (underlying is not null) { var u = Identifiers.Underlying(underlying); query = query.Where(q => q.Underlying == u); }
        if (instrument is not null) { var id = await InstrumentMapping.IdOfAsync(db, instrument, cancellationToken); query = query.Where(q => q.InstrumentId == id); }
        var (page, next) = await KeysetQuery.PageAsync(query, listing.FromUtc, listing.ToUtc, listing.After, listing.Limit, cancellationToken);
        var instruments = await InstrumentMapping.LoadAsync(db, page.Select(q => q.InstrumentId), cancellationToken);
        return TypedResults.Ok(new QuotePageResponse(page.Select(q => new QuoteResponse(q.Venue, instruments[q.InstrumentId],
            new DateTimeOffset(q.TimestampUtc), q.Bid, q.Ask, q.Mark, q.BidSize, q.AskSize, q.MarkIv, q.BidIv, q.AskIv, q.UnderlyingPrice,
            q.IndexPrice, q.OpenInterest, "usd", q.PremiumCurrency)).ToList(), KeysetListing.Encode(next)));
    }
}
