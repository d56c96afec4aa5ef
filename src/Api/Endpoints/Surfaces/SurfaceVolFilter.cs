using Analytics.Api.Contracts.Pricing;
using Analytics.Api.Errors;
using Analytics.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Api.Endpoints.Surfaces;

/// <summary>
/// <c>volSource: surface</c> (API.md, Pricing): on every endpoint that binds an <see cref="OptionPriceRequest"/> body, reads
/// the vol from the latest surface of <c>underlying</c> at the request's strike and tenor (k = ln(K/F(T)) with the surface's
/// forward), hands the endpoint the request with that vol, and names the surface in the response. A request this filter
/// cannot resolve (bad strike, tenor or underlying) goes on unchanged, and the endpoint's validation names the fields.
/// Batches read their bodies themselves and are not resolved here (their items get a validation error).
/// </summary>
internal static class SurfaceVolFilter
{
    private const double SecondsPerYear = 365.0 * 24 * 3600; // Act/365F

    public static void Apply(RouteGroupBuilder api, SurfaceCatalog catalog) =>
        api.AddEndpointFilterFactory((context, next) =>
        {
            var index = Array.FindIndex(context.MethodInfo.GetParameters(), p => p.ParameterType == typeof(OptionPriceRequest));
            return index < 0 ? next : invocation => ResolveAsync(catalog, invocation, index, next);
        });

    private static async ValueTask<object?> ResolveAsync(SurfaceCatalog catalog, EndpointFilterInvocationContext invocation, int index, EndpointFilterDelegate next)
    {
        var request = invocation.GetArgument<OptionPriceRequest?>(index);
        if (request is not { VolSource: VolSource.Surface, Vol: null }) return await next(invocation);
        var http = invocation.HttpContext;
        var underlying = SurfaceFitValidator.Underlying(request.Underlying, new FieldErrors());
        var tenor = TenorYears(request, http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow());
        if (underlying is null || tenor is null || request.Strike is not { } strike || !double.IsFinite(strike) || strike <= 0)
            return await next(invocation);

        var db = http.RequestServices.GetRequiredService<AnalyticsDbContext>();
        if (await catalog.LatestAsync(db, underlying, http.RequestAborted) is not { } loaded)
            return SurfaceEndpoints.Problem(422, "No surface for volSource surface",
                $"No surface of {underlying} is stored, so the vol cannot be read from one: fit one (POST /api/v1/surfaces/fit) or give vol.", "underlying");

        var vol = loaded.Surface.LognormalVolAtStrike(strike, tenor.Value);
        invocation.Arguments[index] = request with { Vol = vol, VolSource = VolSource.Given };
        var result = await next(invocation);
        var inner = result is INestedHttpResult nested ? nested.Result : result;
        return inner is Ok<OptionPriceResponse> { Value: { } priced } ? TypedResults.Ok(priced with { Vol = vol, SurfaceId = loaded.Response.Id }) : result;
    }

    private static double? TenorYears(OptionPriceRequest r, DateTimeOffset now)
    {
        var years = r.Expiry is { } expiry ? (expiry - (r.ValuationTime ?? now)).TotalSeconds / SecondsPerYear : r.TenorYears;
        return years is { } t && double.IsFinite(t) && t is > 0 and <= 100 ? t : null;
    }
}
