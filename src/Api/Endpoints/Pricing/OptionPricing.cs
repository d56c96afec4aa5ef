using Analytics.Api.Contracts.Pricing;
using Analytics.Pricing.Black;
using Analytics.Pricing.Engines;
using Analytics.Pricing.Limits;
using Analytics.Pricing.QuantLib;

namespace Analytics.Api.Endpoints.Pricing;

/// <summary>The one mapping from a validated request to the numerics and back. No maths here.</summary>
internal static class OptionPricing
{
    /// <summary>
    /// Prices with the requested engine, as <see cref="EngineRegistry"/> declares it: our engines through their
    /// <see cref="VanillaOptionEngine"/>, the QuantLib ones through the gateway. QuantLib engines may throw
    /// <see cref="QuantLibUnavailableException"/> (→ 503) or <see cref="QuantLibException"/> (→ 422).
    /// </summary>
    /// <remarks>Options at a limit of the model (zero tenor, spot, strike or vol), and inputs the engine cannot price, get the exact
    /// closed form and <c>limit</c> (<see cref="VanillaOptionLimits.PriceWith{TResult}"/>); QuantLib refusing the inputs then
    /// no longer reaches the client as a 422.</remarks>
    public static OptionPriceResponse Price(ValidatedOption option, double vol, QuantLibVanillaOptionPricer quantLib)
    {
        var terms = Terms(option, vol);
        var definition = EngineRegistry.Of(option.Engine);
        if (definition.Vanilla is { } engine)
        {
            var own = VanillaOptionLimits.PriceWith(terms, engine.Price, static v => v);
            return FromValuation(option, own.Valuation) with { Limit = own.Limit };
        }

        var date = DateOnly.FromDateTime(option.ValuationTime.UtcDateTime);
        var priced = VanillaOptionLimits.PriceWith(terms, inputs => quantLib.Price(inputs, option.Style, option.Engine, date, option.FdGrid),
            static r => new VanillaOptionValuation(r.Price, r.Greeks, GreeksMethod.QuantLib, r.Forward, r.DiscountFactor, null));
        return priced is { Limit: null, EngineResult: { } result }
            ? FromQuantLib(option, definition, result)
            : FromValuation(option, priced.Valuation) with { Limit = priced.Limit };
    }

    /// <summary>The option as the limits see it (zero prices, tenor and vol allowed).</summary>
    public static VanillaOptionTerms Terms(ValidatedOption option, double vol) =>
        new(option.Type, option.Style, option.Underlying, option.Strike, option.TenorYears, vol, option.Rate, option.CarryRate,
            !option.IsForward && option.CarryTiedToRate ? CarryConvention.RateMinusDividendYield : CarryConvention.Fixed);

    /// <summary>The numerics' input record (Black-76 when a forward is given).</summary>
    public static BlackVanillaOptionInputs Inputs(ValidatedOption option, double vol) =>
        option.IsForward
            ? BlackVanillaOptionInputs.OnForward(option.Type, option.Underlying, option.Strike, option.TenorYears, vol, option.Rate)
            : new BlackVanillaOptionInputs(option.Type, option.Underlying, option.Strike, option.TenorYears, vol, option.Rate,
                option.CarryRate, option.CarryTiedToRate ? CarryConvention.RateMinusDividendYield : CarryConvention.Fixed);

    /// <summary>The response for an analytic European valuation computed elsewhere (the batch kernel): the same as
    /// <see cref="Price"/> gives for <see cref="PricingEngine.Analytic"/>.</summary>
    public static OptionPriceResponse FromEuropean(ValidatedOption option, BlackVanillaOptionResult result) =>
        FromValuation(option, VanillaOptionEngine.FromBlack(result));

    private static OptionPriceResponse FromValuation(ValidatedOption option, VanillaOptionValuation result) =>
        new(result.Price, option.Engine, result.Forward, result.DiscountFactor, option.TenorYears, option.CarryRate,
            GreeksResponse.From(result.Greeks), EngineRegistry.Id(result.GreeksMethod), BumpedGreeks: null, result.EuropeanPrice);

    private static OptionPriceResponse FromQuantLib(ValidatedOption option, EngineDefinition engine, QuantLibVanillaOptionResult result) =>
        new(result.Price, option.Engine, result.Forward, result.DiscountFactor, option.TenorYears, option.CarryRate,
            GreeksResponse.From(result.Greeks), EngineRegistry.Id(engine.GreeksMethod), BumpedNames(result.BumpedGreeks),
            EuropeanPrice: result.PricedAsEuropean ? result.Price : null);

    private static string[] BumpedNames(QuantLibGreeks bumped) =>
        Enum.GetValues<QuantLibGreeks>()
            .Where(g => g is not (QuantLibGreeks.None or QuantLibGreeks.All) && bumped.HasFlag(g))
            .Select(g => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(g.ToString()))
            .ToArray();
}
