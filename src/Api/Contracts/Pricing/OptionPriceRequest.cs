using Analytics.Api.Serialization;
using System.ComponentModel;
using System.Text.Json.Serialization;
using Analytics.Pricing;
using Analytics.Pricing.Engines;

namespace Analytics.Api.Contracts.Pricing;

/// <summary>One vanilla option to price (API.md, Pricing). Conventions: PRODUCT.md §5.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record OptionPriceRequest(
    [property: Description("`call` or `put`. Required.")] OptionRight? Type,
    [property: Description("`european` (default) or `american`.")] OptionExerciseStyle? Style,
    [property: Description("Spot price of the underlying, USD, ≥ 0 and ≤ 1e12 (0 prices the limit, with `l2` too: nothing is hedged, bid and ask are the limit value ∓ gas). Give either `spot` or `forward`.")] double? Spot,
    [property: Description("Forward price for the option's expiry, USD, ≥ 0 and ≤ 1e12 (0 prices the limit; Black-76: no carry, discounting at `rate`). Replaces `spot`.")] double? Forward,
    [property: Description("Strike, USD, ≥ 0 and ≤ 1e12 (0 prices the limit, with `l2` too: bid and ask are the limit ∓ gas). Required.")] double? Strike,
    [property: Description("Time to expiry in years (Act/365F), ≥ 0 and ≤ 1000 (0 is the expiry instant, priced at intrinsic; with `l2` too: bid and ask are the intrinsic value ∓ gas). Give either `tenorYears` or `expiry`.")] double? TenorYears,
    [property: JsonConverter(typeof(ExpiryJsonConverter)), Description("Expiry as an ISO-8601 UTC instant, or a date meaning 08:00 UTC (the crypto venues' expiry time). Replaces `tenorYears`; the tenor runs from `valuationTime`.")] DateTimeOffset? Expiry,
    [property: Description("Valuation instant, ISO-8601 UTC, only with `expiry`. Default: now.")] DateTimeOffset? ValuationTime,
    [property: Description("Lognormal (Black) volatility, annualised decimal (0.8 = 80 %), ≥ 0 and ≤ 100 (0 prices the deterministic limit, with `l2` too: Leland's hedging cost vanishes with the vol, bid and ask are the limit value ∓ gas). Required.")] double? Vol,
    [property: Description("Risk-free (collateral) rate r, annualised, continuously compounded decimal. Required.")] double? Rate,
    [property: Description("Dividend (or staking/lending) yield q of the underlying, annualised, continuously compounded decimal. Default 0. Cost of carry b = r − q.")] double? DividendYield,
    [property: Description("Cost of carry b, annualised decimal; when given it replaces `rate − dividendYield` and is held fixed for rho.")] double? CarryRate,
    [property: Description("Pricing engine: `analytic` (European default), `bjerksund-stensland` (American default, as API.md names it), `qd-fp` (Andersen-Lake-Offengenden fixed point: within 1.1e-5 relative of a converged scheme to 30 years, 8.5e-7 to one year), `barone-adesi-whaley`, `binomial`; the `quantlib-*` engines price through QuantLib (`quantlib-qd-fp` is QuantLib's QdFpAmericanEngine).")] PricingEngine? Engine,
    [property: Description("Optional L2 adjustments (chain, carry source, settlement, gas, hedging cost); without it none is applied.")] Analytics.Api.Contracts.L2.L2Request? L2 = null,
    [property: Description("Where the vol comes from: `given` (default: the request's `vol`) or `surface`: the surface named by `surfaceId`, else the newest published surface of `underlying` of the model `Surfaces:DefaultModel` with an as-of at or before the valuation time (`valuationTime`, default now), read at the strike and tenor. Never a surface fitted after the valuation time.")] VolSource? VolSource = null,
    [property: Description("Underlying symbol whose surface gives the vol with `volSource: surface`, e.g. `ETH`. Required unless `surfaceId` is given; with it, it must be the surface's underlying.")] string? Underlying = null,
    [property: Description("`usd` (default) or `underlying`: answer in units of the underlying, as Deribit quotes inverse (coin-margined) options. The price, `europeanPrice`, the `l2` bid, ask and spread are divided by the spot (by the forward under Black-76), and the Greeks are the plain partial derivatives of that price (e.g. delta = (Δ − V/S)/S).")] PremiumCurrency? PremiumCurrency = null,
    [property: Description("With `volSource: surface`: the id of the stored surface to read the vol from (published or not, any model), instead of the newest published one. It must be of `underlying` and have an as-of at or before the valuation time; else 422 naming `surfaceId`.")] long? SurfaceId = null,
    [property: Description("`quantlib-fd` only: time steps of QuantLib's finite-difference grid, 10–20000 (American exercise also prices at half as many and extrapolates). Default: chosen from the tenor, max(400, 500·√T).")] int? TimeSteps = null,
    [property: Description("`quantlib-fd` only: log-spot points of QuantLib's finite-difference grid, 10–5000. Default 800.")] int? GridPoints = null,
    [property: Description("Units of the Greeks in the answer: `per-unit` (default: plain partial derivatives, per 1.00 of vol and rate, per year) or `per-vol-point-per-day` (the venues' units, as Deribit shows them: vega, vanna and rho per vol point or 1 % of rate (÷ 100), volga ÷ 10,000, theta and charm per calendar day (÷ 365); delta and gamma unchanged). The response's `greekUnits` says which.")] GreekUnits? GreekUnits = null)
    : IVanillaOptionFields
{
    /// <summary>The example shown in Swagger UI (API.md's request with its L2 block; `gas` spelled out: `observed` needs indexed
    /// trades, which the demo database has none of).</summary>
    public static OptionPriceRequest Example { get; } = new(
        OptionRight.Call, OptionExerciseStyle.European, 100, null, 100, 0.5, null, null, 0.2, 0.05, 0.0, null, PricingEngine.Analytic,
        new Analytics.Api.Contracts.L2.L2Request("arbitrum-one", Analytics.Pricing.L2.CarrySource.Rates, null, null, 24,
            Analytics.Pricing.L2.SettlementLayer.L2, 1, 1, 0.0, null, null, null, null, Analytics.Api.Contracts.L2.GasSource.Configured));
}
