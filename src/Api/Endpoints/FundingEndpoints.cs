using System.ComponentModel;
using Analytics.Api.Auth;
using Analytics.Api.Contracts.Funding;
using Analytics.Api.Errors;
using Analytics.Data;
using Analytics.Data.Queries;
using Microsoft.AspNetCore.Http.HttpResults;
using Analytics.Pricing.Market;

namespace Analytics.Api.Endpoints;

/// <summary>Funding history and summaries: <c>GET /api/v1/funding</c>, <c>GET /api/v1/funding/{market}/summary</c>.</summary>
public static class FundingEndpoints
{
    public static RouteGroupBuilder MapFundingEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/funding", ListAsync)
            .WithTags("Indexed data")
            .RequireAuthorization(AuthNames.ReadPolicy)
            .WithName("ListFunding")
            .WithSummary("Funding observations, cursor-paginated")
            .WithDescription("Funding settlements filtered by venue and market, each with its annualised rate. " + KeysetListing.Description);
        api.MapGet("/funding/{market}/summary", SummaryAsync)
            .WithTags("Indexed data")
            .RequireAuthorization(AuthNames.ReadPolicy)
            .WithName("GetFundingSummary")
            .WithSummary("Funding over a window: time-weighted mean and annualised rate")
            .WithDescription("Observations with timestamps in (to − windowHours, to] (`to` defaults to now, `windowHours` to 24, at most " +
                             "87,600), from one venue or all. Each observation pays its rate over the intervalHours ending at it, so the " +
                             "annualised rate is 8760 × Σ rate / Σ intervalHours. 404 when the window holds no observation.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<FundingPageResponse>, ValidationProblem>> ListAsync(
        AnalyticsDbContext db, string? venue, string? market, DateTimeOffset? from, DateTimeOffset? to, string? cursor, [Description("Page size, 1–1000."), DefaultValue(KeysetListing.DefaultLimit)] int? limit,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var listing = KeysetListing.Read(from, to, cursor, limit, errors);
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary());

        var query = db.FundingObservations.AsQueryable();
        if (venue is not null) { var v = Identifiers.Venue(venue); query = query.Where(f => f.Venue == v); }
        if (market is not null) { var m = Identifiers.Market(market); query = query.Where(f => f.Market == m); }
        var (page, next) = await KeysetQuery.PageAsync(query, listing.FromUtc, listing.ToUtc, listing.After, listing.Limit, cancellationToken);
        return TypedResults.Ok(new FundingPageResponse(page.Select(f => new FundingResponse(f.Venue, f.Market, new DateTimeOffset(f.TimestampUtc),
            f.RatePerInterval, f.IntervalHours, f.RatePerInterval * YearFraction.HoursPerYear / f.IntervalHours, f.MarkPrice, f.IndexPrice)).ToList(),
            KeysetListing.Encode(next)));
    }

    private static async Task<Results<Ok<FundingSummaryResponse>, ValidationProblem, ProblemHttpResult>> SummaryAsync(
        FundingSummaryQuery funding, TimeProvider time, [Description("Perp market, e.g. BTC-USD.")] string market,
        [Description("Venue; omit for every venue.")] string? venue, [Description("Window length, hours (default 24)."), DefaultValue(24.0)] double? windowHours,
        [Description("Window end, UTC (default now).")] DateTimeOffset? to, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var window = errors.Range("windowHours", windowHours ?? 24, 0, 87_600, "hours", minExclusive: true);
        var toUtc = errors.Instant("to", to);
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary());

        var end = toUtc ?? time.GetUtcNow().UtcDateTime;
        var m = Identifiers.Market(market);
        var v = venue is null ? null : Identifiers.Venue(venue);
        var summary = await funding.GetAsync(m, v, end, window!.Value, cancellationToken);
        if (summary is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No funding observations",
                detail: $"No funding of {m}{(v is null ? "" : $" on {v}")} in the {window} hours to {end:O}.");
        return TypedResults.Ok(new FundingSummaryResponse(m, v, new DateTimeOffset(end.AddHours(-window.Value)), new DateTimeOffset(end),
            summary.Observations, summary.MeanRatePerInterval, summary.AnnualisedRate, summary.Min, summary.Max));
    }
}
