using Analytics.Api.Contracts.L2;
using Analytics.Api.Contracts.Pricing;
using Analytics.Api.Endpoints.Pricing;
using Analytics.Pricing.L2;

namespace Analytics.Api.Endpoints.L2;

/// <summary>Maps a validated option with an <c>l2</c> block to the L2 pricer and back. No maths here.</summary>
internal static class L2OptionPricing
{
    /// <summary>Our engine behind an API engine id; null for engines the L2 model does not wrap (QuantLib's).</summary>
    public static VanillaOptionEngine? EngineFor(PricingEngine engine) => engine switch
    {
        PricingEngine.Analytic => VanillaOptionEngine.BlackScholesMerton,
        PricingEngine.BjerksundStensland => VanillaOptionEngine.BjerksundStensland2002,
        PricingEngine.BaroneAdesiWhaley => VanillaOptionEngine.BaroneAdesiWhaley,
        PricingEngine.Binomial => VanillaOptionEngine.Binomial,
        _ => null,
    };

    /// <summary>The carry the option's own fields give (rates, or explicit b), or the resolved funding carry.</summary>
    public static CarrySpecification Carry(ValidatedOption option, ValidatedL2 l2, double? fundingRateAnnualised) => l2.CarrySource switch
    {
        CarrySourceKind.Funding => CarrySpecification.FromFunding(fundingRateAnnualised!.Value),
        _ when option.IsForward || !option.CarryTiedToRate => CarrySpecification.FromExplicit(option.CarryRate),
        _ => CarrySpecification.FromRates(option.Rate, option.Rate - option.CarryRate),
    };

    public static L2OptionInputs Inputs(ValidatedOption option, double vol, ValidatedL2 l2, CarrySpecification carry, ChainProfile chain) =>
        new(OptionPricing.Right(option), option.Underlying, option.Strike, option.TenorYears, vol, option.Rate, carry, l2.TermsOn(chain));

    public static OptionPriceResponse Price(ValidatedOption option, double vol, ValidatedL2 l2, CarrySpecification carry)
    {
        var pricer = new L2VanillaOptionPricer(EngineFor(option.Engine)!);
        var result = pricer.Price(Inputs(option, vol, l2, carry, l2.Chain));
        return new OptionPriceResponse(result.Price, option.Engine, result.Forward, result.DiscountFactor, option.TenorYears, result.CarryRate,
            GreeksResponse.From(result.Greeks),
            option.Engine switch
            {
                PricingEngine.Analytic => "closed-form",
                PricingEngine.Binomial => "lattice",
                _ => "finite-difference",
            },
            BumpedGreeks: null, EuropeanPrice: null, ToResponse(result, l2.CarrySource));
    }

    public static L2Response ToResponse(L2OptionResult r, CarrySourceKind source) =>
        new(r.ChainId, r.CarryRate, source, r.SettlementDelayYears, r.GasPerContractUsd, r.RoundTripCostRate, r.LelandNumber,
            r.VolBid, r.VolAsk, r.Bid, r.Ask, r.Spread, r.BidFloorHit);
}
