using System.ComponentModel;
using Analytics.Api.Contracts.Pricing;

namespace Analytics.Api.Contracts.Chains;

/// <summary>Every strike of one expiry priced from the latest surface (GET /api/v1/chains/{underlying}).</summary>
public sealed record OptionChainResponse(
    [property: Description("Underlying symbol.")] string Underlying,
    [property: Description("Expiry instant, UTC.")] DateTimeOffset Expiry,
    [property: Description("Chain id whose L2 cost model gives bid and ask.")] string Chain,
    [property: Description("The surface priced from.")] long SurfaceId,
    [property: Description("The surface's as-of instant, UTC: the valuation time of every price here.")] DateTimeOffset AsOf,
    [property: Description("Tenor T, years (Act/365F from `asOf`).")] double TenorYears,
    [property: Description("The slice's forward F_T, USD: the underlying of the Black-76 prices.")] double Forward,
    [property: Description("The slice's discount factor exp(−r·T).")] double DiscountFactor,
    [property: Description("One row per strike, ascending.")] IReadOnlyList<ChainStrikeResponse> Strikes);

/// <summary>One strike of the chain.</summary>
public sealed record ChainStrikeResponse(
    [property: Description("Strike, USD.")] double Strike,
    [property: Description("k = ln(K/F_T).")] double LogMoneyness,
    [property: Description("The surface's implied vol at this strike, annualised decimal.")] double Vol,
    [property: Description("The call.")] ChainOptionResponse Call,
    [property: Description("The put.")] ChainOptionResponse Put);

/// <summary>One option of a chain row, per unit of underlying, USD.</summary>
public sealed record ChainOptionResponse(
    [property: Description("Mid price, USD (Black-76 on the forward at `vol`).")] double Mid,
    [property: Description("Bid, USD: L2 cost model of the chain (Leland hedging-cost vol, gas), default trade terms.")] double Bid,
    [property: Description("Ask, USD.")] double Ask,
    [property: Description("Greeks of the mid: delta per 1 USD of forward, vega per 1.00 of vol, theta per year.")] GreeksResponse Greeks);
