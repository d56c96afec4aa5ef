using Analytics.Api.Contracts.Pricing;
using Analytics.Pricing;
using Analytics.Pricing.Black;

namespace Analytics.Api.Endpoints.Pricing;

/// <summary>The one mapping from a validated request to the numerics and back. No maths here.</summary>
internal static class OptionPricing
{
    public static OptionPriceResponse Price(ValidatedOption option)
    {
        var right = option.Type == OptionType.Call ? OptionRight.Call : OptionRight.Put;
        var inputs = option.IsForward
            ? BlackVanillaOptionInputs.OnForward(right, option.Underlying, option.Strike, option.TenorYears, option.Vol, option.Rate)
            : new BlackVanillaOptionInputs(right, option.Underlying, option.Strike, option.TenorYears, option.Vol, option.Rate,
                option.CarryRate, option.CarryTiedToRate ? CarryConvention.RateMinusDividendYield : CarryConvention.Fixed);
        var result = BlackVanillaOptionPricer.Default.Price(inputs);
        return new OptionPriceResponse(result.Price, option.Engine, result.Forward, result.DiscountFactor, option.TenorYears,
            option.CarryRate, ToResponse(result.Greeks));
    }

    private static GreeksResponse ToResponse(Greeks g) =>
        new(g.Delta, g.Gamma, g.Vega, g.Theta, g.Rho, g.CarryRho, g.Vanna, g.Volga, g.Charm);
}
