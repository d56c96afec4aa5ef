using Analytics.Api.Contracts.Pricing;
using Analytics.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Api.Endpoints.Surfaces;

/// <summary>
/// <c>volSource: surface</c> on every endpoint that binds an <see cref="OptionPriceRequest"/> body: hands the endpoint
/// the request with the surface's vol (<see cref="SurfaceVolResolver"/>) and names the surface in the response. The
/// price batch reads its body itself and resolves its items with the same resolver.
/// </summary>
internal static class SurfaceVolFilter
{
    public static void Apply(RouteGroupBuilder api, SurfaceCatalog catalog) =>
        api.AddEndpointFilterFactory((context, next) =>
        {
            var index = Array.FindIndex(context.MethodInfo.GetParameters(), p => p.ParameterType == typeof(OptionPriceRequest));
            return index < 0 ? next : invocation => ResolveAsync(catalog, invocation, index, next);
        });

    private static async ValueTask<object?> ResolveAsync(SurfaceCatalog catalog, EndpointFilterInvocationContext invocation, int index, EndpointFilterDelegate next)
    {
        if (invocation.GetArgument<OptionPriceRequest?>(index) is not { } request) return await next(invocation);
        var http = invocation.HttpContext;
        var db = http.RequestServices.GetRequiredService<AnalyticsDbContext>();
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var resolution = await SurfaceVolResolver.ResolveAsync(request, now, underlying => catalog.LatestAsync(db, underlying, http.RequestAborted));
        if (resolution.MissingSurfaceOf is not null)
            return SurfaceEndpoints.Problem(422, "No surface for volSource surface", resolution.MissingSurfaceDetail, "underlying");
        if (resolution.Surface is not { } surface) return await next(invocation);

        invocation.Arguments[index] = resolution.Request;
        var result = await next(invocation);
        var inner = result is INestedHttpResult nested ? nested.Result : result;
        return inner is Ok<OptionPriceResponse> { Value: { } priced } ? TypedResults.Ok(priced with { SurfaceId = surface.Response.Id }) : result;
    }
}
