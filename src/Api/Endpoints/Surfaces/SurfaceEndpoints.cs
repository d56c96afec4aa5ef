using Analytics.Api.Auth;
using Analytics.Api.Contracts.Surfaces;
using Analytics.Api.Endpoints.OptionChains;
using Analytics.Api.Errors;
using Analytics.Api.Options;
using Analytics.Data;
using Analytics.Pricing.Surfaces;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Analytics.Api.Endpoints.Surfaces;

/// <summary>Volatility surfaces: <c>/api/v1/surfaces</c>; also maps the option chain, which is priced from them.</summary>
public static class SurfaceEndpoints
{
    public static RouteGroupBuilder MapSurfaceEndpoints(this RouteGroupBuilder api)
    {
        var store = ((IEndpointRouteBuilder)api).ServiceProvider.GetRequiredService<SurfaceStore>();
        var group = api.MapGroup("/surfaces").WithTags("Surfaces").RequireAuthorization(AuthNames.ReadPolicy);
        group.MapPost("/fit", (SurfaceFitRequest request, AnalyticsDbContext db, TimeProvider time, IOptionsMonitor<SurfacesOptions> options, CancellationToken ct) =>
                FitAsync(store, request, db, time, options.CurrentValue.MaxSnapshotAge, ct))
            .RequireAuthorization(AuthNames.WritePolicy)
            .WithName("FitSurface")
            .WithSummary("Fit and store a volatility surface")
            .WithDescription("Raw SVI per expiry (`svi`, quasi-explicit: inner linear least squares, outer Nelder-Mead), SSVI across " +
                             "expiries (`ssvi`) or extended SSVI with a ρ per expiry, arbitrage-free by construction (`essvi`), fitted to mid implied vols with bid/ask weights. Forward per expiry: the venue's " +
                             "`underlyingPrice`, else put-call parity. Quotes are posted in `quotes` (valued at `asOf`), or, without it, taken from the " +
                             "indexed quotes of the underlying: the newest snapshot at or before `asOf`, at most `Surfaces:MaxSnapshotAge` " +
                             "old, valued at the snapshot's own instant (`snapshotAt`; tenors and forwards run from it). Every fit is stored " +
                             "with its inputs (indexed quote ids or the posted quotes), parameters, fit errors per quote in vol points, " +
                             "arbitrage diagnostics (Durrleman butterfly, Lee wings, calendar) and dropped-quote counts by reason. " +
                             "201 with the stored surface; 422 when no expiry has enough usable quotes, or when no snapshot is recent enough " +
                             "(naming the nearest snapshots before and after `asOf`). Needs the `writer` role.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/", ListAsync)
            .WithName("ListSurfaces")
            .WithSummary("Stored surfaces, newest first")
            .WithDescription("Filtered by `underlying`; newest as-of first (then newest id). `limit` 1–1000 (default 100); follow " +
                             "`nextCursor` for the next page.");
        group.MapGet("/latest", (string? underlying, AnalyticsDbContext db, CancellationToken ct) => LatestAsync(store, underlying, db, ct))
            .WithName("GetLatestSurface")
            .WithSummary("The latest surface of an underlying")
            .WithDescription("The stored surface of `underlying` with the greatest as-of (ties: the newest fit). 404 when there is none.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:long}", (long id, AnalyticsDbContext db, CancellationToken ct) => GetAsync(store, id, db, ct))
            .WithName("GetSurface")
            .WithSummary("One stored surface")
            .WithDescription("Slices (expiry, tenor, forward, SVI parameters, RMSE, market points with fit errors), arbitrage report, inputs.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        SurfaceQueryEndpoints.Map(group, store);
        OptionChainEndpoints.Map(api, store);
        return group;
    }

    private static async Task<Results<Created<SurfaceResponse>, ValidationProblem, ProblemHttpResult>> FitAsync(
        SurfaceStore store, SurfaceFitRequest request, AnalyticsDbContext db, TimeProvider time, TimeSpan maxSnapshotAge, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var now = time.GetUtcNow();
        if (SurfaceFitValidator.Validate(request, now, errors) is not { } fit)
            return TypedResults.ValidationProblem(errors.ToDictionary(), title: "The surface cannot be fitted as given");

        IReadOnlyList<SurfaceQuote> quotes;
        SurfaceInputs inputs;
        Func<DateTimeOffset, double, Analytics.Pricing.OptionRight, long?> quoteId = (_, _, _) => null;
        DateTimeOffset valuedAt;
        if (fit.Quotes is { } posted)
        {
            (quotes, inputs, valuedAt) = (posted, SurfaceInputs.Posted(posted), fit.AsOfUtc);
        }
        else
        {
            var (indexed, problem) = await SnapshotSelection.SelectAsync(db, fit.Underlying, fit.AsOfUtc, maxSnapshotAge, cancellationToken);
            if (indexed is null) return problem!;
            (quotes, inputs, quoteId, valuedAt) = (indexed.Quotes, SurfaceInputs.Indexed(indexed, fit.AsOfUtc), indexed.IdLookup(), indexed.SnapshotAt);
        }

        var calibrator = new VolatilitySurfaceCalibrator(new SurfaceCalibrationOptions(fit.Model));
        var result = calibrator.Calibrate(quotes, valuedAt);
        if (result.Surface is not { } surface)
        {
            var dropped = result.Prepared.DroppedByReason.ToDictionary(d => SurfaceMapping.Id(d.Key), d => d.Value);
            return Problems.ForField(422, "No surface could be fitted", result.Reason, "quotes",
                ("quotesIn", result.Prepared.QuotesIn), ("droppedByReason", dropped));
        }

        var stored = await store.StoreAsync(db, fit.Underlying, surface, inputs, quoteId, now, cancellationToken);
        return TypedResults.Created($"/api/v1/surfaces/{stored.Id}", SurfaceMapping.ToResponse(stored));
    }

    private static async Task<Results<Ok<SurfacePageResponse>, ValidationProblem>> ListAsync(
        AnalyticsDbContext db, string? underlying, string? cursor, int? limit, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var listing = KeysetListing.Read(null, null, cursor, limit, errors);
        var symbol = underlying is null ? null : SurfaceFitValidator.Underlying(underlying, errors);
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary());
        var query = db.VolatilitySurfaces.AsQueryable();
        if (symbol is not null) query = query.Where(s => s.Underlying == symbol);
        if (listing.After is var (at, afterId)) query = query.Where(s => s.AsOfUtc < at || (s.AsOfUtc == at && s.Id < afterId));
        var page = await query.OrderByDescending(s => s.AsOfUtc).ThenByDescending(s => s.Id).Take(listing.Limit + 1).ToListAsync(cancellationToken);
        var next = page.Count > listing.Limit ? (page[listing.Limit - 1].AsOfUtc, page[listing.Limit - 1].Id) : ((DateTime, long)?)null;
        return TypedResults.Ok(new SurfacePageResponse(page.Take(listing.Limit).Select(SurfaceMapping.Summary).ToList(), KeysetListing.Encode(next)));
    }

    private static async Task<Results<Ok<SurfaceResponse>, ValidationProblem, ProblemHttpResult>> LatestAsync(
        SurfaceStore store, string? underlying, AnalyticsDbContext db, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (SurfaceFitValidator.Underlying(underlying, errors) is not { } symbol) return TypedResults.ValidationProblem(errors.ToDictionary());
        return await store.LatestAsync(db, symbol, cancellationToken) is { } stored
            ? TypedResults.Ok(SurfaceMapping.ToResponse(stored))
            : Problem(404, "No surface", $"No surface of {symbol} is stored: fit one with POST /api/v1/surfaces/fit.", "underlying");
    }

    private static async Task<Results<Ok<SurfaceResponse>, ProblemHttpResult>> GetAsync(
        SurfaceStore store, long id, AnalyticsDbContext db, CancellationToken cancellationToken) =>
        await store.FindAsync(db, id, cancellationToken) is { } stored ? TypedResults.Ok(SurfaceMapping.ToResponse(stored)) : NotFound(id);

    internal static ProblemHttpResult NotFound(long id) => Problem(404, "No such surface", $"No surface has id {id}.", "id");

    internal static ProblemHttpResult Problem(int status, string title, string detail, string field) => Problems.ForField(status, title, detail, field);
}
