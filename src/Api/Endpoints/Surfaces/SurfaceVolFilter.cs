using Analytics.Api.Contracts.L2;
using Analytics.Api.Contracts.Pricing;
using Analytics.Api.Options;
using Analytics.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Analytics.Api.Endpoints.Surfaces;

/// <summary>
/// <c>volSource: surface</c> on the endpoints of a group that bind an <see cref="OptionPriceRequest"/> body: hands the
/// endpoint the request with the surface's vol (<see cref="SurfaceVolResolver"/>, choosing through
/// <see cref="PricingSurfaceSelector"/> over Data's <see cref="SurfaceStore"/>) and names the surface, its model and as-of
/// in the response. Attached where the pricing endpoints are mapped; the price batch reads its body itself and resolves its
/// items with the same resolver.
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

    /// <summary>The selector of one request, with the configured default model.</summary>
    public static PricingSurfaceSelector Selector(SurfaceStore store, HttpContext http) => new(store,
        http.RequestServices.GetRequiredService<AnalyticsDbContext>(),
        http.RequestServices.GetRequiredService<IOptionsMonitor<SurfacesOptions>>().CurrentValue.DefaultSurfaceModel,
        http.RequestAborted);

    private static async ValueTask<object?> ResolveAsync(SurfaceStore store, EndpointFilterInvocationContext invocation, int index, EndpointFilterDelegate next)
    {
        // Most requests give their vol: they pass without a selector (it opens a database context).
        if (invocation.GetArgument<OptionPriceRequest?>(index) is not { VolSource: VolSource.Surface, Vol: null } request)
            return await next(invocation);
        var http = invocation.HttpContext;
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var resolution = await SurfaceVolResolver.ResolveAsync(request, now, Selector(store, http));
        if (resolution.Problem is { } problem)
            return SurfaceEndpoints.Problem(SurfacePick.BodyStatus, problem.Title!, problem.Detail!, problem.Field!);
        if (resolution.Surface is not { } surface) return await next(invocation);

        invocation.Arguments[index] = resolution.Request;
        var result = await next(invocation);
        var inner = result is INestedHttpResult nested ? nested.Result : result;
        var (id, model, asOf) = (surface.Id, surface.Surface.Model, surface.Surface.AsOfUtc);
        return inner switch
        {
            Ok<OptionPriceResponse> { Value: { } priced } => TypedResults.Ok(priced with { SurfaceId = id, SurfaceModel = model, SurfaceAsOf = asOf }),
            Ok<L2CompareResponse> { Value: { } compared } => TypedResults.Ok(compared with { SurfaceId = id, SurfaceModel = model, SurfaceAsOf = asOf }),
            _ => result,
        };
    }
}
