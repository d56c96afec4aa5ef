using System.ComponentModel;

namespace Analytics.Api.Contracts.Pricing;

/// <summary>Greeks as plain partial derivatives of the price (API.md).</summary>
public sealed record GreeksResponse(
    [property: Description("∂V/∂S, per 1 USD of spot (of the forward under Black-76).")] double Delta,
    [property: Description("∂²V/∂S², per USD².")] double Gamma,
    [property: Description("∂V/∂σ, USD per 1.00 of vol (divide by 100 for one vol point).")] double Vega,
    [property: Description("∂V/∂t, USD per year of calendar time (negative for a decaying long option; divide by 365 for one day).")] double Theta,
    [property: Description("∂V/∂r, USD per 1.00 of rate with the dividend yield held fixed (b moves with r under `rate − dividendYield` carry; b is held fixed when `carryRate` is given).")] double Rho,
    [property: Description("∂V/∂b, USD per 1.00 of cost of carry.")] double CarryRho,
    [property: Description("∂²V/∂S∂σ, per USD of spot per 1.00 of vol.")] double Vanna,
    [property: Description("∂²V/∂σ², USD per 1.00 of vol squared.")] double Volga,
    [property: Description("∂Δ/∂t, per year of calendar time.")] double Charm)
{
    /// <summary>The numerics' Greeks as the API writes them (the same conventions, field for field).</summary>
    public static GreeksResponse From(Analytics.Pricing.Greeks g) =>
        new(g.Delta, g.Gamma, g.Vega, g.Theta, g.Rho, g.CarryRho, g.Vanna, g.Volga, g.Charm);
}
