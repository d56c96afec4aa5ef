using System.ComponentModel;
using Analytics.Api.Auth;
using Analytics.Api.Contracts.Trades;
using Analytics.Api.Errors;
using Analytics.Data;
using Analytics.Data.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Api.Endpoints;

/// <summary>Trade listings: <c>GET /api/v1/trades</c> (ingest: <see cref="IngestEndpoints"/>).</summary>
public static class TradesEndpoints
{
    public static RouteGroupBuilder MapTradesEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/trades", ListAsync)
            .WithTags("Indexed data")
            .RequireAuthorization(AuthNames.ReadPolicy)
            .WithName("ListTrades")
            .WithSummary("Trades, cursor-paginated")
            .WithDescription("Trades filtered by chain, venue, underlying and instrument (its canonical key, any case). " + KeysetListing.Description);
        return api;
    }

    private static async Task<Results<Ok<TradePageResponse>, ValidationProblem>> ListAsync(
        AnalyticsDbContext db, string? chain, string? venue, string? underlying, string? instrument, DateTimeOffset? from, DateTimeOffset? to,
        string? cursor, [Description("Page size, 1–1000."), DefaultValue(KeysetListing.DefaultLimit)] int? limit, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var listing = KeysetListing.Read(from, to, cursor, limit, errors);
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary());

        var query = db.Trades.AsQueryable();
        if (chain is not null) { var c = Identifiers.Chain(chain); query = query.Where(t => t.Chain == c); }
        if (venue is not null) { var v = Identifiers.Venue(venue); query = query.Where(t => t.Venue == v); }
        if (underlying is not null) { var u = Identifiers.Underlying(underlying); query = query.Where(t => t.Underlying == u); }
        if (instrument is not null) { var id = await InstrumentMapping.IdOfAsync(db, instrument, cancellationToken); query = query.Where(t => t.InstrumentId == id); }
        var (page, next) = await KeysetQuery.PageAsync(query, listing.FromUtc, listing.ToUtc, listing.After, listing.Limit, cancellationToken);
        var instruments = await InstrumentMapping.LoadAsync(db, page.Select(t => t.InstrumentId), cancellationToken);
        return TypedResults.Ok(new TradePageResponse(page.Select(t => new TradeResponse(t.Chain, t.Venue, t.TxHash, t.LogIndex, t.BlockNumber,
            new DateTimeOffset(t.TimestampUtc), instruments[t.InstrumentId], t.Side, t.Price, t.PriceUsd, t.Size, t.FeeUsd, t.IndexPrice,
            t.PremiumCurrency)).ToList(), KeysetListing.Encode(next)));
    }
}
