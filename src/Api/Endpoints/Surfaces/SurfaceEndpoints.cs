using Analytics.Api.Auth;
using Analytics.Api.Contracts.Surfaces;
using Analytics.Api.Endpoints.OptionChains;
using Analytics.Api.Endpoints.Costs;
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
        group.MapPost("/fit", (SurfaceFitRequest request, AnalyticsDbContext db, TimeProvider time, IOptionsMonitor<SurfacesOptions> options,
                HttpContext http, CpuBudget cpu, CancellationToken ct) => FitAsync(store, request, db, time, options.CurrentValue, http, cpu, ct))
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
                             "The fit is published for pricing (`published`) only when it passes the quality gate (`qualityGate`: no " +
                             "butterfly or calendar violation, median slice RMSE against venue marks, else mids, at most " +
                             "`Surfaces:PublishMaxMedianRmseVolPoints`) and `publish` is not `false`; a fit that fails it is stored " +
                             "unpublished with the reasons, and only POST /api/v1/surfaces/{id}/publish publishes it. " +
                             "201 with the stored surface; 422 when no expiry has enough usable quotes, or when no snapshot is recent enough " +
                             "(naming the nearest snapshots before and after `asOf`). Needs the `writer` role." +
                             CpuBudgetDocs.Sentence("the quotes fitted × the model's cost per quote"))
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/", ListAsync)
            .WithName("ListSurfaces")
            .WithSummary("Stored surfaces, newest first")
            .WithDescription("Filtered by `underlying`; newest as-of first (then newest id). `limit` 1–1000 (default 100); follow " +
                             "`nextCursor` for the next page.");
        group.MapGet("/latest", (string? underlying, DateTimeOffset? asOf, string? model, AnalyticsDbContext db, TimeProvider time,
                IOptionsMonitor<SurfacesOptions> options, CancellationToken ct) =>
                LatestAsync(store, underlying, asOf, model, db, time.GetUtcNow(), options.CurrentValue.DefaultSurfaceModel, ct))
            .WithName("GetLatestSurface")
            .WithSummary("The surface pricing uses for an underlying")
            .WithDescription("The published surface of `underlying` with the greatest as-of at or before `asOf` (ISO-8601 UTC, default " +
                             "now; ties: the newest fit), of `model` (`svi`, `ssvi` or `essvi`, default `Surfaces:DefaultModel`): the surface a " +
                             "price, batch item, structure or option chain at that valuation time uses when it names none. 404 when " +
                             "there is none, naming the first such surface after `asOf` if any.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:long}", (long id, AnalyticsDbContext db, CancellationToken ct) => GetAsync(store, id, db, ct))
            .WithName("GetSurface")
            .WithSummary("One stored surface")
            .WithDescription("Slices (expiry, tenor, forward, SVI parameters, RMSE, market points with fit errors), arbitrage report, inputs.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:long}/publish", (long id, AnalyticsDbContext db, TimeProvider time, CancellationToken ct) =>
                PublishAsync(store, id, db, time, ct))
            .RequireAuthorization(AuthNames.WritePolicy)
            .WithName("PublishSurface")
            .WithSummary("Publish a stored surface for pricing")
            .WithDescription("Marks surface `id` published, so pricing, batches, structures and the option chain may choose it (the " +
                             "newest published surface of the default model at or before the valuation time). Publishes whatever the " +
                             "quality gate said at fit time; the summary returned keeps that verdict (`qualityGate`) visible. " +
                             "Idempotent: publishing a published surface changes nothing and keeps its first `publishedAt`. " +
                             "404 when there is no such surface. Needs the `writer` role.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        SurfaceQueryEndpoints.Map(group, store);
        OptionChainEndpoints.Map(api, store);
        return group;
    }

    private static async Task<Results<Created<SurfaceResponse>, ValidationProblem, ProblemHttpResult>> FitAsync(
        SurfaceStore store, SurfaceFitRequest request, AnalyticsDbContext db, TimeProvider time, SurfacesOptions options, HttpContext http, CpuBudget cpu,
        CancellationToken cancellationToken)
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
            var (indexed, problem) = await SnapshotSelection.SelectAsync(db, fit.Underlying, fit.AsOfUtc, options.MaxSnapshotAge, cancellationToken);
            if (indexed is null) return problem!;
            (quotes, inputs, quoteId, valuedAt) = (indexed.Quotes, SurfaceInputs.Indexed(indexed, fit.AsOfUtc), indexed.IdLookup(), indexed.SnapshotAt);
        }

        if (cpu.Admit(http, OptionCosts.SurfaceFit(quotes.Count, fit.Model)) is { } overBudget) return overBudget;
        var calibrator = new VolatilitySurfaceCalibrator(new SurfaceCalibrationOptions(fit.Model));
        var result = calibrator.Calibrate(quotes, valuedAt, cancellationToken);
        if (result.Surface is not { } surface)
        {
            var dropped = result.Prepared.DroppedByReason.ToDictionary(d => SurfaceMapping.Id(d.Key), d => d.Value);
            return Problems.ForField(422, "No surface could be fitted", result.Reason, "quotes",
                ("quotesIn", result.Prepared.QuotesIn), ("droppedByReason", dropped));
        }

        var gate = SurfaceQualityGate.Evaluate(surface, options.PublishMaxMedianRmseVolPoints);
        var stored = await store.StoreAsync(db, fit.Underlying, surface, inputs, quoteId, now, cancellationToken,
            gate, published: gate.Passed && request.Publish != false);
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
        SurfaceStore store, string? underlying, DateTimeOffset? asOf, string? model, AnalyticsDbContext db, DateTimeOffset now,
        SurfaceModel defaultModel, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var symbol = SurfaceFitValidator.Underlying(underlying, errors);
        var chosenModel = model is null ? defaultModel : SurfacesOptions.ParseModel(model);
        if (chosenModel is null) errors.Add("model", $"'{model}' is not a surface model: svi or ssvi.");
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary());
        var selector = new PricingSurfaceSelector(store, db, chosenModel!.Value, cancellationToken);
        var pick = await selector.PickAsync(symbol, null, asOf ?? now);
        return pick.Surface is { } stored
            ? TypedResults.Ok(SurfaceMapping.ToResponse(stored))
            : Problem(pick.QueryStatus, "No surface", pick.Detail!, pick.Field!);
    }

    private static async Task<Results<Ok<SurfaceSummaryResponse>, ProblemHttpResult>> PublishAsync(
        SurfaceStore store, long id, AnalyticsDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        await store.PublishAsync(db, id, time.GetUtcNow(), cancellationToken) is { } stored
            ? TypedResults.Ok(SurfaceMapping.Summary(stored))
            : NotFound(id);

    private static async Task<Results<Ok<SurfaceResponse>, ProblemHttpResult>> GetAsync(
        SurfaceStore store, long id, AnalyticsDbContext db, CancellationToken cancellationToken) =>
        await store.FindAsync(db, id, cancellationToken) is { } stored ? TypedResults.Ok(SurfaceMapping.ToResponse(stored)) : NotFound(id);

    internal static ProblemHttpResult NotFound(long id) => Problem(404, "No such surface", $"No surface has id {id}.", "id");

    internal static ProblemHttpResult Problem(int status, string title, string detail, string field) => Problems.ForField(status, title, detail, field);
}
