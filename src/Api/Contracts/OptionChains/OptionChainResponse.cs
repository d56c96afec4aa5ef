using System.ComponentModel;

namespace Analytics.Api.Contracts.OptionChains;

/// <summary>Every strike of one expiry priced from the latest surface (GET /api/v1/chains/{underlying}).</summary>
public sealed record OptionChainResponse(
    [property: Description("Underlying symbol.")] string Underlying,
    [property: Description("Expiry instant, UTC.")] DateTimeOffset Expiry,
    [property: Description("Chain id whose L2 cost model gives bid and ask.")] string Chain,
    [property: Description("The surface priced from: the one named by `surfaceId`, else the newest published surface of the model `Surfaces:DefaultModel` with an as-of at or before the query's `asOf` (default now).")] long SurfaceId,
    [property: Description("The surface's as-of instant, UTC (as `surfaceAsOf` on priced options and structures): the valuation time of every price here.")] DateTimeOffset SurfaceAsOf,
    [property: Description("Tenor T, years (Act/365F from `asOf`).")] double TenorYears,
    [property: Description("The slice's forward F_T, USD: the underlying of the Black-76 prices.")] double Forward,
    [property: Description("The slice's discount factor exp(−r·T).")] double DiscountFactor,
    [property: Description("One row per strike, ascending.")] IReadOnlyList<ChainStrikeResponse> Strikes,
    [property: Description("The model of the surface priced from: `svi`, `ssvi` or `essvi`.")] Analytics.Pricing.Surfaces.SurfaceModel SurfaceModel,
    [property: Description("The units of every `greeks` here: `per-unit` or `per-vol-point-per-day`, as the query's `greekUnits` asked (see POST /options/price).")] Analytics.Pricing.GreekUnits GreekUnits);
