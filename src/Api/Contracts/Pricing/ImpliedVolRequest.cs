using Analytics.Api.Serialization;
using System.ComponentModel;
using System.Text.Json.Serialization;
using Analytics.Pricing;
using Analytics.Pricing.Engines;

namespace Analytics.Api.Contracts.Pricing;

/// <summary>An option's price to invert for its implied (Black) volatility: the pricing fields without <c>vol</c>, plus <c>price</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ImpliedVolRequest(
    [property: Description("`call` or `put`. Required.")] OptionRight? Type,
    [property: Description("`european` (default). Implied vol is defined for European exercise.")] OptionExerciseStyle? Style,
    [property: Description("The option's present value per unit of the underlying, USD (or in the underlying with `premiumCurrency: underlying`), > 0. Required.")] double? Price,
    [property: Description("Spot price of the underlying, USD, > 0. Give either `spot` or `forward`.")] double? Spot,
    [property: Description("Forward price for the option's expiry, USD, > 0 (Black-76). Replaces `spot`.")] double? Forward,
    [property: Description("Strike, USD, > 0. Required.")] double? Strike,
    [property: Description("Time to expiry in years (Act/365F), > 0 and ≤ 1000. Give either `tenorYears` or `expiry`.")] double? TenorYears,
    [property: JsonConverter(typeof(ExpiryJsonConverter)), Description("Expiry as an ISO-8601 UTC instant, or a date meaning 08:00 UTC. Replaces `tenorYears`.")] DateTimeOffset? Expiry,
    [property: Description("Valuation instant, ISO-8601 UTC, only with `expiry`. Default: now.")] DateTimeOffset? ValuationTime,
    [property: Description("Risk-free (collateral) rate r, annualised, continuously compounded decimal. Required.")] double? Rate,
    [property: Description("Dividend (or staking) yield q, annualised, continuously compounded decimal. Default 0.")] double? DividendYield,
    [property: Description("Cost of carry b, annualised decimal; replaces `rate − dividendYield`.")] double? CarryRate,
    [property: Description("`analytic` (default): Jäckel's \"Let's Be Rational\" inversion of Black-Scholes-Merton.")] PricingEngine? Engine,
    [property: Description("`usd` (default) or `underlying`: `price` is in units of the underlying (an inverse option's premium as Deribit quotes it), i.e. the USD value divided by the spot (by the forward under Black-76).")] PremiumCurrency? PremiumCurrency = null)
    : IVanillaOptionFields
{
    /// <summary>The example shown in Swagger UI: the price of API.md's example option, which gives back 20 % vol.</summary>
    public static ImpliedVolRequest Example { get; } = new(
        OptionRight.Call, OptionExerciseStyle.European, 6.888728577680626, 100, null, 100, 0.5, null, null, 0.05, 0.0, null, PricingEngine.Analytic);
}
