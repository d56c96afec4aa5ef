using System.Collections.Concurrent;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Analytics.Api.Auth;
using Analytics.Api.Contracts.OptionChains;
using Analytics.Api.Endpoints.Surfaces;
using Analytics.Api.Errors;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Analytics.Api.Endpoints.OptionChains;

/// <summary>
/// The option chain (every strike of one expiry) for frontends: <c>GET /api/v1/chains/{underlying}</c> (PRODUCT.md §3.3).
/// The route and its <c>chain</c> query parameter (a blockchain profile) are fixed by API.md.
/// </summary>
internal static class OptionChainEndpoints
{
    public const string CacheControl = "public, max-age=1, must-revalidate";
    private const int MaxCachedBodies = 512;

    public static void Map(RouteGroupBuilder api, SurfaceStore store)
    {
        // Bodies by ETag: a chain only changes when a new surface lands, so repeated 200s serve the same bytes.
        var bodies = new ConcurrentDictionary<string, byte[]>();
        api.MapGet("/chains/{underlying}", (HttpContext http, string underlying, string? expiry, string? chain, long? surfaceId, DateTimeOffset? asOf,
                [Description("Units of the Greeks: `per-unit` (default) or `per-vol-point-per-day` (as on POST /options/price)."),
                 AllowedValues("per-unit", "per-vol-point-per-day")] string? greekUnits,
                ChainProfiles chains, TimeProvider time, IOptions<JsonOptions> json, CancellationToken ct) =>
                GetAsync(store, bodies, http, underlying, expiry, chain, surfaceId, asOf ?? time.GetUtcNow(), greekUnits, chains, json.Value.SerializerOptions, ct))
            .WithTags("Chains")
            .RequireAuthorization(AuthNames.ReadPolicy)
            .WithName("GetOptionChain")
            .WithSummary("Every strike of one expiry, priced from the surface pricing uses")
            .WithDescription("The surface: the one named by `surfaceId` (of `underlying`, as of at or before `asOf`), else the newest " +
                             "published surface of `underlying` of the model `Surfaces:DefaultModel` with an as-of at or before `asOf` " +
                             "(ISO-8601 UTC, default now; never one fitted after it); `surfaceId`, `surfaceModel` and `surfaceAsOf` say which. " +
                             "The strikes of its slice for `expiry` (an ISO-8601 UTC instant, or a UTC date " +
                             "yyyy-MM-dd), priced at the surface's as-of time: Black-76 on the slice's `forward` with its " +
                             "`discountFactor` (both echoed) at the surface vol of each strike; call and put mid, bid and ask from " +
                             "the L2 cost model of `chain` (Leland hedging cost and gas; default trade terms: one contract, settle " +
                             "on the L2, hourly re-hedge, no taker fee), and Greeks of the mid. The strong ETag derives from the " +
                             "surface id and the normalised query, so it changes only when a new surface lands: send it back in " +
                             "If-None-Match for a 304. 404 when there is no such surface (naming the first one after `asOf`, if " +
                             "any) or the expiry is not one of its slices (the available expiries are listed); 422 when `surfaceId` " +
                             "is of another underlying or fitted after `asOf`.")
            .Produces<OptionChainResponse>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<IResult> GetAsync(
        SurfaceStore store, ConcurrentDictionary<string, byte[]> bodies, HttpContext http, string underlying, string? expiry,
        string? chain, long? surfaceId, DateTimeOffset asOf, string? greekUnits, ChainProfiles chains, JsonSerializerOptions json, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (OptionChainQuery.Read(underlying, expiry, chain, greekUnits, chains, errors) is not { } query)
            return TypedResults.ValidationProblem(errors.ToDictionary(), title: "The chain cannot be priced as asked");
        var pick = await SurfaceVolFilter.Selector(store, http).PickAsync(query.Underlying, surfaceId, asOf);
        if (pick.Surface is not { } stored)
        {
            return SurfaceEndpoints.Problem(pick.QueryStatus, pick.Title!, pick.Detail!, pick.Field!);
        }

        var index = query.SliceIndex(stored.Surface);
        if (index < 0)
        {
            var available = stored.Surface.Slices.Select(s => s.ExpiryUtc.UtcDateTime.ToString("O")).ToArray();
            var detail = $"Surface {stored.Id} of {query.Underlying} has no slice expiring at {expiry}; available: {string.Join(", ", available)}.";
            return Problems.ForField(404, "No such expiry", detail, "expiry", ("availableExpiries", available));
        }

        // One ETag per content: the slice the query resolved to, not the spelling of its expiry (a date or the instant).
        var etag = query.ETag(stored.Id, stored.Surface.Slices[index].ExpiryUtc);
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = CacheControl;
        if (OptionChainQuery.Matches(http.Request.Headers.IfNoneMatch, etag)) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        if (bodies.TryGetValue(etag, out var cached)) return TypedResults.Bytes(cached, "application/json");

        var body = JsonSerializer.SerializeToUtf8Bytes(OptionChainPricing.Price(stored, index, query.Chain, query.GreekUnits), json);
        if (bodies.Count >= MaxCachedBodies) bodies.Clear();
        bodies[etag] = body;
        return TypedResults.Bytes(body, "application/json");
    }
}
