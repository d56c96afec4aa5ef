using System.ComponentModel;

namespace Analytics.Api.Contracts.Pricing;

/// <summary>
/// Greeks of a price (API.md): plain partial derivatives, or in the venues' units where the response's
/// <c>greekUnits</c> is <c>per-vol-point-per-day</c> (<see cref="Analytics.Pricing.GreekUnitConversion"/>).
/// </summary>
public sealed record GreeksResponse(
    [property: Description("∂V/∂S, per 1 USD of spot (of the forward under Black-76).")] double Delta,
    [property: Description("∂²V/∂S², per USD².")] double Gamma,
    [property: Description("∂V/∂σ, USD per 1.00 of vol (per vol point with `greekUnits` per-vol-point-per-day).")] double Vega,
    [property: Description("∂V/∂t, USD per year of calendar time (per calendar day with `greekUnits` per-vol-point-per-day); negative for a decaying long option.")] double Theta,
    [property: Description("∂V/∂r, USD per 1.00 of rate (per 1 % with `greekUnits` per-vol-point-per-day) with the dividend yield held fixed (b moves with r under `rate − dividendYield` carry; b is held fixed when `carryRate` is given).")] double Rho,
    [property: Description("∂V/∂b, USD per 1.00 of cost of carry (per 1 % with `greekUnits` per-vol-point-per-day).")] double CarryRho,
    [property: Description("∂²V/∂S∂σ, per USD of spot per 1.00 of vol (per vol point with `greekUnits` per-vol-point-per-day).")] double Vanna,
    [property: Description("∂²V/∂σ², USD per 1.00 of vol squared (per vol point squared with `greekUnits` per-vol-point-per-day).")] double Volga,
    [property: Description("∂Δ/∂t, per year of calendar time (per calendar day with `greekUnits` per-vol-point-per-day).")] double Charm)
{
    /// <summary>The numerics' Greeks as the API writes them (the same conventions, field for field), with a negative zero written
    /// as 0 (a Greek that vanishes at a limit is often a product with a negative factor, ω·0 for a put or a short leg's −1·0, and
    /// would serialise as <c>-0</c>) and an infinite one as the largest double of its sign (JSON has no infinity: a gamma
    /// A·φ(d₁)/(S·σ√T) at a spot of 1e-270 USD is beyond 1.8e308 per USD²). Every response builds its Greeks here, so this is the
    /// one place that normalises them.</summary>
    public static GreeksResponse From(Analytics.Pricing.Greeks g) =>
        new(Written(g.Delta), Written(g.Gamma), Written(g.Vega), Written(g.Theta), Written(g.Rho), Written(g.CarryRho),
            Written(g.Vanna), Written(g.Volga), Written(g.Charm));

    /// <summary>+0 for −0, ±<see cref="double.MaxValue"/> for ±∞, the value otherwise.</summary>
    private static double Written(double value) =>
        value == 0.0 ? 0.0 : double.IsInfinity(value) ? Math.CopySign(double.MaxValue, value) : value;

    /// <summary>The numerics' Greeks of this response (the inverse of <see cref="From"/>).</summary>
    public Analytics.Pricing.Greeks ToGreeks() => new(Delta, Gamma, Vega, Theta, Rho, CarryRho, Vanna, Volga, Charm);
}
