using Analytics.Api.Contracts.Pricing;
using Analytics.Pricing;
using Analytics.Pricing.American;
using Analytics.Pricing.Black;

namespace Analytics.Api.Endpoints.Pricing;

/// <summary>The one mapping from a validated request to the numerics and back. No maths here.</summary>
internal static class OptionPricing
{
    public static OptionPriceResponse Price(ValidatedOption option, double vol)
    {
        var inputs = Inputs(option, vol);
        return option.Engine switch
        {
            PricingEngine.Analytic => FromEuropean(option, BlackVanillaOptionPricer.Default.Price(inputs)),
            PricingEngine.BjerksundStensland => FromAmerican(option, BjerksundStensland2002Pricer.Default.Price(inputs)),
            PricingEngine.BaroneAdesiWhaley => FromAmerican(option, BaroneAdesiWhaleyPricer.Default.Price(inputs)),
            PricingEngine.Binomial => FromAmerican(option, BinomialAmericanPricer.Default.Price(inputs)),
            _ => throw new InvalidOperationException($"Engine {option.Engine} passed validation but has no pricer."),
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

    private static OptionPriceResponse FromEuropean(ValidatedOption option, BlackVanillaOptionResult result) =>
        new(result.Price, option.Engine, result.Forward, result.DiscountFactor, option.TenorYears, option.CarryRate,
            ToResponse(result.Greeks), "closed-form", EuropeanPrice: null);

    private static OptionPriceResponse FromAmerican(ValidatedOption option, AmericanOptionResult result) =>
        new(result.Price, option.Engine, result.Forward, result.DiscountFactor, option.TenorYears, option.CarryRate,
            ToResponse(result.Greeks), GreeksMethod(result.GreeksMethod), result.EuropeanPrice);

    private static string GreeksMethod(AmericanGreeksMethod method) => method switch
    {
        AmericanGreeksMethod.ClosedFormEuropean => "closed-form",
        AmericanGreeksMethod.CentralFiniteDifference => "finite-difference",
        AmericanGreeksMethod.Lattice => "lattice",
        _ => method.ToString(),
    };

    private static GreeksResponse ToResponse(Greeks g) =>
        new(g.Delta, g.Gamma, g.Vega, g.Theta, g.Rho, g.CarryRho, g.Vanna, g.Volga, g.Charm);
}
