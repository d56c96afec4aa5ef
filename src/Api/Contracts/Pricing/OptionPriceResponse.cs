using System.ComponentModel;
using System.Text.Json.Serialization;
using Analytics.Pricing.Engines;
using Analytics.Pricing;

namespace Analytics.Api.Contracts.Pricing;

/// <summary>The price of one option and its sensitivities.</summary>
public sealed record OptionPriceResponse(
    [property: Description("Present value per unit of the underlying, USD.")] double Price,
    [property: Description("The engine that produced the price.")] PricingEngine Engine,
    [property: Description("Forward price for the expiry, USD: F = S·exp(b·T), or the given forward.")] double Forward,
    [property: Description("Discount factor to the payment date, exp(−r·T).")] double DiscountFactor,
    [property: Description("Time to expiry used, years (Act/365F).")] double TenorYears,
    [property: Description("Cost of carry b used, annualised decimal.")] double CarryRate,
    [property: Description("Sensitivities of `price`, in `greekUnits`.")] GreeksResponse Greeks,
    [property: Description("How the Greeks were obtained: `closed-form`, `finite-difference` (bump and reprice), `lattice` (from the tree), `boundary-integral` (qd-fp: delta, gamma and theta analytic from the early-exercise-premium integral, the rest by bumping the engine) or, for QuantLib engines, `quantlib` (QuantLib's own, with the ones it does not provide listed in `bumpedGreeks`).")] string GreeksMethod,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("QuantLib engines only: the Greeks QuantLib does not return, computed by bump-and-reprice through QuantLib. Absent otherwise.")] IReadOnlyList<string>? BumpedGreeks,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("American exercise only: the European price of the same option, USD, so the early-exercise premium is `price − europeanPrice`; for `quantlib-baw` present only where early exercise is worthless (a put with r ≤ 0 and q ≥ r, a call with q ≤ 0 and r ≥ q), which it prices as European, equal to `price`. Absent otherwise.")] double? EuropeanPrice,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("With an `l2` block: how the chain's facts moved the price (carry, settlement delay, gas, hedging cost, bid and ask). Absent otherwise.")] Analytics.Api.Contracts.L2.L2Response? L2 = null,
    [property: Description("The lognormal vol the price used, annualised decimal: the request's `vol`, or the surface's with `volSource: surface`.")] double? Vol = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("With `volSource: surface`: the id of the surface the vol was read from (GET /api/v1/surfaces/{id}). Absent otherwise.")] long? SurfaceId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("`underlying` when the request asked for it: the price, `europeanPrice`, the Greeks and the `l2` bid, ask and spread are then in units of the underlying per unit of underlying. Absent means USD.")] PremiumCurrency? PremiumCurrency = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("With `volSource: surface`: the model of the surface the vol was read from (`svi`, `ssvi` or `essvi`). Absent otherwise.")] Analytics.Pricing.Surfaces.SurfaceModel? SurfaceModel = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("With `volSource: surface`: the as-of instant of the surface the vol was read from, UTC; never after the valuation time. Absent otherwise.")] DateTimeOffset? SurfaceAsOf = null,
    [property: Description("The units of `greeks`: `per-unit` (plain partial derivatives: per 1.00 of vol and rate, per year) or `per-vol-point-per-day` (vega, vanna, rho and carryRho ÷ 100, volga ÷ 10,000, theta and charm ÷ 365), as the request's `greekUnits` asked.")] GreekUnits GreekUnits = GreekUnits.PerUnit) : OptionPriceSlot;
