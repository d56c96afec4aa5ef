using Analytics.Api.Contracts.Pricing;
using Analytics.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Api.Endpoints.Surfaces;

/// <summary>
/// <c>volSource: surface</c> on the endpoints of a group that bind an <see cref="OptionPriceRequest"/> body: hands the
/// endpoint the request with the surface's vol (<see cref="SurfaceVolResolver"/>, reading Data's <see cref="SurfaceStore"/>)
/// and names the surface in the response. Attached where the pricing endpoints are mapped; the price batch reads its body
/// itself and resolves its items with the same resolver.
/// </summary>
internal static class SurfaceVolFilter
{
    /// <summary>Adds the filter to <paramref name="group"/>'s endpoints (those without an option body pass straight through).</summary>
    public static RouteGroupBuilder WithSurfaceVol(this RouteGroupBuilder group)
    {
        var store = ((IEndpointRouteBuilder)group).ServiceProvider.GetRequiredService<SurfaceStore>();
        group.AddEndpointFilterFactory((context, next) =>
        {
            var index = Array.FindIndex(context.MethodInfo.GetParameters(), p => p.ParameterType == typeof(OptionPriceRequest));
            return index < 0 ? next : invocation => ResolveAsync(store, invocation, index, next);
        });
        return group;
    }

    private static async ValueTask<object?> ResolveAsync(SurfaceStore store, EndpointFilterInvocationContext invocation, int index, EndpointFilterDelegate next)
    {
        if (invocation.GetArgument<OptionPriceRequest?>(index) is not { } request) return await next(invocation);
        var http = invocation.HttpContext;
        var db = http.RequestServices.GetRequiredService<AnalyticsDbContext>();
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var resolution = await SurfaceVolResolver.ResolveAsync(request, now, underlying => store.LatestAsync(db, underlying, http.RequestAborted));
        if (resolution.MissingSurfaceOf is not null)
            return SurfaceEndpoints.Problem(422, "No surface for volSource surface", resolution.MissingSurfaceDetail, "underlying");
        if (resolution.Surface is not { } surface) return await next(invocation);

        invocation.Arguments[index] = resolution.Request;
        var result = await next(invocation);
        var inner = result is INestedHttpResult nested ? nested.Result : result;
        return inner is Ok<OptionPriceResponse> { Value: { } priced } ? TypedResults.Ok(priced with { SurfaceId = surface.Id }) : result;
    }
}
