using System.Collections.Concurrent;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Analytics.Api.Auth;
using Analytics.Api.Contracts.OptionChains;
using Analytics.Api.Endpoints.L2;
using Analytics.Api.Endpoints.Surfaces;
using Analytics.Api.Endpoints.Costs;
using Analytics.Api.Errors;
using Analytics.Data;
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
        api.MapGet("/chains/{underlying}", (HttpContext http,
                [Description("Underlying symbol, any letter case.")] string underlying,
                [Description("The slice: an ISO-8601 UTC instant (2026-03-27T08:00:00Z) or a UTC date (2026-03-27). Optional: without it the surface's nearest expiry.")] string? expiry,
                [Description("Blockchain profile id (GET /api/v1/l2/chains), any letter case, e.g. `arbitrum-one`. Optional: without it no L2 costs apply (rows have mid and Greeks, no bid and ask) and the trade-term parameters are not used.")] string? chain,
                [Description("Contracts in one transaction, > 0 and ≤ 1e9 (default 1, as the `l2` block of POST /options/price): the chain's gas is spread over them and the hedge notional is contracts × forward."), DefaultValue(L2RequestValidator.DefaultContracts)] double? contracts,
                [Description("Proportional taker fee per hedge trade, decimal in [0, 0.1] (default 0, as the `l2` block of POST /options/price in API.md; Deribit's BTC and ETH perpetual taker fee, the hedge a writer trades, is 0.0005 per its Fees page; its 0.0003 options fee is paid on the option trade, not on the re-hedges this cost is about)."), DefaultValue(L2RequestValidator.DefaultTakerFeeRate)] double? takerFeeRate,
                [Description("The option writer's re-hedge interval Δt, hours, > 0 and ≤ 8760 (default 1, as the `l2` block of POST /options/price)."), DefaultValue(L2RequestValidator.DefaultRehedgeIntervalHours)] double? rehedgeIntervalHours,
                [Description("`usd` (default) or `underlying` (inverse premiums, as Deribit quotes them: USD premium / forward)."), DefaultValue("usd"), AllowedValues("usd", "underlying")] string? premiumCurrency,
                [Description("Units of the Greeks: `per-unit` (default) or `per-vol-point-per-day` (as on POST /options/price)."),
                 AllowedValues("per-unit", "per-vol-point-per-day")] string? greekUnits,
                long? surfaceId,
                [Description("Choose the surface as of this instant, ISO-8601 UTC (default now).")] DateTimeOffset? asOf,
                [Description("With `chain`: the gas per transaction, `configured` (default: the chain profile's gasCostUsd) or `observed` (the median USD gas per trade the on-chain indexer stored for the chain over the last 24 h, GET /api/v1/l2/chains/{id}/gas; 422 when it has none). The response's `gas` and `gasCostUsd` say which was used."),
                 DefaultValue("configured"), AllowedValues("configured", "observed")] string? gas,
                ChainProfiles chains, TimeProvider time, IOptions<JsonOptions> json, ObservedGasResolver observedGas, CancellationToken ct) =>
                GetAsync(store, bodies, http, new RawQuery(underlying, expiry, chain, contracts, takerFeeRate, rehedgeIntervalHours, premiumCurrency, greekUnits, gas),
                    surfaceId, asOf ?? time.GetUtcNow(), chains, observedGas, json.Value.SerializerOptions, ct))
            .WithTags("Chains")
            .RequireAuthorization(AuthNames.ReadPolicy)
            .WithName("GetOptionChain")
            .WithSummary("Every listed strike of one expiry, priced from the surface pricing uses, with L2 bid and ask")
            .WithDescription("The surface: the one named by `surfaceId` (of `underlying`, as of at or before `asOf`), else the newest " +
                             "published surface of `underlying` of the model `Surfaces:DefaultModel` with an as-of at or before `asOf` " +
                             "(ISO-8601 UTC, default now; never one fitted after it); `surfaceId`, `surfaceModel` and `surfaceAsOf` say which. " +
                             "The strikes: every strike of `expiry` (default: the surface's nearest expiry) listed in the quotes the surface was fitted from (the indexed " +
                             "snapshot, or the posted quotes), no-bid wing strikes included, each with `extrapolation` saying whether it " +
                             "lies outside the range quoted on both sides and on which side; `strikeSource` says which (`fit-points` " +
                             "when the fit names no quotes). Priced at the surface's as-of time: Black-76 on the slice's `forward` " +
                             "with its `discountFactor` (both echoed) at the surface vol of each strike, and Greeks of the mid. With " +
                             "`chain`, call and put bid and ask from the L2 cost model of PRODUCT.md §3.4 exactly as POST " +
                             "/options/price with an `l2` block gives them (Leland hedging cost with k = 2·(takerFeeRate + " +
                             "gasCostUsd / (contracts × forward)) and gas per contract, settling on the L2); without `chain` no bid and " +
                             "ask. `premiumCurrency=underlying` gives every premium and Greek in units of the underlying; `greekUnits` the " +
                             "Greeks per unit (default) or per vol point and per day. `gas=observed` (with `chain`) prices at the median " +
                             "USD gas per trade indexed on the chain over the last 24 h instead of the profile's gasCostUsd; `gas` and " +
                             "`gasCostUsd` in the response say which was used, and 422 answers a chain without indexed gas. The strong " +
                             "ETag derives from the surface id and the resolved query (never its spelling: a date or the instant, " +
                             "letter case, parameter order, defaults given or omitted) including the gas used, so it changes only when a new " +
                             "surface lands or, with `gas=observed`, the observed median moves: send it back in If-None-Match for a 304. 400 naming the parameter for a bad value; 404 when there is no " +
                             "such surface (naming the first one after `asOf`, if any) or the expiry is not one of its slices (the " +
                             "available expiries are listed); 422 when `surfaceId` is of another underlying or fitted after `asOf`." +
                             CpuBudgetDocs.Sentence("the listed strikes (more each with a `chain`'s L2 bid and ask); a body served from " +
                                                    "the cache, or a 304, costs nothing"))
            .Produces<OptionChainResponse>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    /// <summary>The query parameters as sent.</summary>
    private sealed record RawQuery(
        string Underlying, string? Expiry, string? Chain, double? Contracts, double? TakerFeeRate, double? RehedgeIntervalHours, string? PremiumCurrency,
        string? GreekUnits, string? Gas);

    private static async Task<IResult> GetAsync(
        SurfaceStore store, ConcurrentDictionary<string, byte[]> bodies, HttpContext http, RawQuery raw, long? surfaceId, DateTimeOffset asOf,
        ChainProfiles chains, ObservedGasResolver observedGas, JsonSerializerOptions json, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (OptionChainQuery.Read(raw.Underlying, raw.Expiry, raw.Chain, raw.Contracts, raw.TakerFeeRate, raw.RehedgeIntervalHours, raw.PremiumCurrency,
                raw.GreekUnits, raw.Gas, chains, errors) is not { } query)
            return TypedResults.ValidationProblem(errors.ToDictionary(), title: "The chain cannot be priced as asked");
        if (query.Terms is { } terms)
        {
            if (await observedGas.ApplyAsync(terms.Chain, query.Gas, cancellationToken) is not { } profile)
                return ObservedGasResolver.NoObservedGasProblem([terms.Chain.Id], "gas");
            query = query with { Terms = terms with { Chain = profile } };
        }
        var pick = await SurfaceVolFilter.Selector(store, http).PickAsync(query.Underlying, surfaceId, asOf);
        if (pick.Surface is not { } stored)
        {
            return SurfaceEndpoints.Problem(pick.QueryStatus, pick.Title!, pick.Detail!, pick.Field!);
        }

        var index = query.SliceIndex(stored.Surface);
        if (index < 0)
        {
            var available = stored.Surface.Slices.Select(s => s.ExpiryUtc.UtcDateTime.ToString("O")).ToArray();
            var detail = $"Surface {stored.Id} of {query.Underlying} has no slice expiring at {raw.Expiry}; available: {string.Join(", ", available)}.";
            return Problems.ForField(404, "No such expiry", detail, "expiry", ("availableExpiries", available));
        }

        // One ETag per content: the slice and terms the query resolved to, not their spelling.
        var slice = stored.Surface.Slices[index];
        var etag = query.ETag(stored.Id, slice.ExpiryUtc);
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = CacheControl;
        if (OptionChainQuery.Matches(http.Request.Headers.IfNoneMatch, etag)) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        if (bodies.TryGetValue(etag, out var cached)) return TypedResults.Bytes(cached, "application/json");

        var db = http.RequestServices.GetRequiredService<AnalyticsDbContext>();
        var (strikes, source) = await ListedStrikes.OfAsync(db, stored.Inputs, slice.ExpiryUtc, cancellationToken) is { Strikes.Count: > 0 } listed
            ? listed
            : (slice.Points.Select(p => p.Strike).ToList(), ListedStrikeSource.FitPoints);
        // Cached bodies above cost nothing to serve; pricing the strikes is drawn from the caller's CPU budget (a refusal is not cached).
        if (http.RequestServices.GetRequiredService<CpuBudget>().Admit(http, OptionCosts.Chain(strikes.Count, query.Terms is not null)) is { } overBudget)
        {
            http.Response.Headers.Remove(Microsoft.Net.Http.Headers.HeaderNames.ETag);
            http.Response.Headers.CacheControl = "no-store";
            return overBudget;
        }
        var body = JsonSerializer.SerializeToUtf8Bytes(OptionChainPricing.Price(stored, index, strikes, source, query), json);
        if (bodies.Count >= MaxCachedBodies) bodies.Clear();
        bodies[etag] = body;
        return TypedResults.Bytes(body, "application/json");
    }
}
