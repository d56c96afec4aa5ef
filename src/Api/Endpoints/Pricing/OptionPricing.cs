using Analytics.Api.Contracts.Pricing;
using Analytics.Pricing;
using Analytics.Pricing.American;
using Analytics.Pricing.Black;
using Analytics.Pricing.QuantLib;

namespace Analytics.Api.Endpoints.Pricing;

/// <summary>The one mapping from a validated request to the numerics and back. No maths here.</summary>
internal static class OptionPricing
{
    /// <summary>Prices with the requested engine. QuantLib engines may throw <see cref="QuantLibUnavailableException"/> (→ 503) or <see cref="QuantLibException"/> (→ 422).</summary>
    public static OptionPriceResponse Price(ValidatedOption option, double vol, QuantLibVanillaOptionPricer quantLib)
    {
        var inputs = Inputs(option, vol);
        return option.Engine switch
        {
            PricingEngine.Analytic => FromEuropean(option, BlackVanillaOptionPricer.Default.Price(inputs)),
            PricingEngine.BjerksundStensland => FromAmerican(option, BjerksundStensland2002Pricer.Default.Price(inputs)),
            PricingEngine.BaroneAdesiWhaley => FromAmerican(option, BaroneAdesiWhaleyPricer.Default.Price(inputs)),
            PricingEngine.Binomial => FromAmerican(option, BinomialAmericanPricer.Default.Price(inputs)),
            _ => FromQuantLib(option, quantLib.Price(inputs, QuantLibExercise(option), QuantLibEngineFor(option.Engine),
                DateOnly.FromDateTime(option.ValuationTime.UtcDateTime))),
        };
    }

    /// <summary>The numerics' input record (Black-76 when a forward is given).</summary>
    public static BlackVanillaOptionInputs Inputs(ValidatedOption option, double vol)
    {
        var right = Right(option);
        return option.IsForward
            ? BlackVanillaOptionInputs.OnForward(right, option.Underlying, option.Strike, option.TenorYears, vol, option.Rate)
            : new BlackVanillaOptionInputs(right, option.Underlying, option.Strike, option.TenorYears, vol, option.Rate,
                option.CarryRate, option.CarryTiedToRate ? CarryConvention.RateMinusDividendYield : CarryConvention.Fixed);
    }

    public static OptionRight Right(ValidatedOption option) => option.Type == OptionType.Call ? OptionRight.Call : OptionRight.Put;

    private static QuantLibExerciseStyle QuantLibExercise(ValidatedOption option) =>
        option.Style == ExerciseStyle.American ? QuantLibExerciseStyle.American : QuantLibExerciseStyle.European;

    private static QuantLibEngine QuantLibEngineFor(PricingEngine engine) => engine switch
    {
        PricingEngine.QuantLibAnalytic => QuantLibEngine.QuantLibAnalytic,
        PricingEngine.QuantLibBaw => QuantLibEngine.QuantLibBaw,
        PricingEngine.QuantLibBjerksundStensland => QuantLibEngine.QuantLibBjerksundStensland,
        PricingEngine.QuantLibFd => QuantLibEngine.QuantLibFd,
        PricingEngine.QuantLibBinomial => QuantLibEngine.QuantLibBinomial,
        _ => throw new InvalidOperationException($"Engine {engine} passed validation but has no pricer."),
    };

    public static OptionPriceResponse FromEuropean(ValidatedOption option, BlackVanillaOptionResult result) =>
        new(result.Price, option.Engine, result.Forward, result.DiscountFactor, option.TenorYears, option.CarryRate,
            GreeksResponse.From(result.Greeks), "closed-form", BumpedGreeks: null, EuropeanPrice: null);

    private static OptionPriceResponse FromAmerican(ValidatedOption option, AmericanOptionResult result) =>
        new(result.Price, option.Engine, result.Forward, result.DiscountFactor, option.TenorYears, option.CarryRate,
            GreeksResponse.From(result.Greeks), GreeksMethod(result.GreeksMethod), BumpedGreeks: null, result.EuropeanPrice);

    private static OptionPriceResponse FromQuantLib(ValidatedOption option, QuantLibVanillaOptionResult result) =>
        new(result.Price, option.Engine, result.Forward, result.DiscountFactor, option.TenorYears, option.CarryRate,
            GreeksResponse.From(result.Greeks), "quantlib", BumpedNames(result.BumpedGreeks), EuropeanPrice: null);

    private static string[] BumpedNames(QuantLibGreeks bumped) =>
        Enum.GetValues<QuantLibGreeks>()
            .Where(g => g is not (QuantLibGreeks.None or QuantLibGreeks.All) && bumped.HasFlag(g))
            .Select(g => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(g.ToString()))
            .ToArray();

    private static string GreeksMethod(AmericanGreeksMethod method) => method switch
    {
        AmericanGreeksMethod.ClosedFormEuropean => "closed-form",
        AmericanGreeksMethod.CentralFiniteDifference => "finite-difference",
        AmericanGreeksMethod.Lattice => "lattice",
        _ => method.ToString(),
    };

}
