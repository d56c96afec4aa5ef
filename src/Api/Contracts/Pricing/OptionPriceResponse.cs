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
    [property: Description("The units of `greeks`: `per-unit` (plain partial derivatives: per 1.00 of vol and rate, per year) or `per-vol-point-per-day` (vega, vanna, rho and carryRho ÷ 100, volga ÷ 10,000, theta and charm ÷ 365), as the request's `greekUnits` asked.")] GreekUnits GreekUnits = GreekUnits.PerUnit,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description(OptionPriceResponse.LimitDescription)] Analytics.Pricing.Limits.VanillaOptionLimit? Limit = null) : OptionPriceSlot
{
    /// <summary>The OpenAPI description of <see cref="Limit"/>.</summary>
    public const string LimitDescription =
        "Present only when the option was priced at a limit of the model by its exact closed form instead of by the engine: " +
        "`expiry` (tenor 0: intrinsic value; delta the step 0/±1, ±0.5 exactly at the money, other Greeks 0), `zero-spot` " +
        "(call 0; put K·e^(−rT), American put K·max(1, e^(−rT))), `zero-strike` (call S·e^(−qT), American call S·max(1, e^(−qT)); put 0), " +
        "`zero-volatility` (vol 0: European the discounted intrinsic value of the forward; American the best exercise time on the " +
        "forward's path, immediate exercise included) or `extreme-inputs` (the engine threw, e.g. QuantLib refusing the inputs, or " +
        "answered a non-finite value or one outside the no-arbitrage bounds: the closed-form no-arbitrage value is returned — " +
        "European Black-Scholes-Merton, American the European value where early exercise is worthless, else the `qd-fp` engine's " +
        "value when it is sound, else the vol → ∞ or deterministic bound the inputs reach). `greeksMethod` is then `closed-form`. " +
        "With `l2` every limit but `extreme-inputs` applies too: the value does not depend on the vol there, so the `l2` bid and ask are the " +
        "settled limit value ∓ gas (at `zero-volatility` and `zero-spot` `l2.lelandNumber` is null: the hedging cost vanishes, nothing is hedged).";
}
