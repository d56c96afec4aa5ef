using Analytics.Api.Contracts.L2;
using Analytics.Api.Contracts.Pricing;
using Analytics.Api.Endpoints.Pricing;
using Analytics.Pricing.Engines;
using Analytics.Pricing.L2;

namespace Analytics.Api.Endpoints.L2;

/// <summary>Maps a validated option with an <c>l2</c> block to the L2 pricer and back. No maths here.</summary>
internal static class L2OptionPricing
{
    /// <summary>The L2 pricer over the engine the registry wraps for <paramref name="engine"/> (validation admits only
    /// engines with <see cref="EngineCapabilities.L2Adjustments"/>).</summary>
    public static L2VanillaOptionPricer PricerFor(PricingEngine engine) =>
        new(EngineRegistry.Of(engine).Vanilla ?? throw new InvalidOperationException($"Engine {engine} passed l2 validation but has no L2 model."));

    /// <summary>The carry the option's own fields give (rates, or explicit b), or the resolved funding carry.</summary>
    public static CarrySpecification Carry(ValidatedOption option, ValidatedL2 l2, double? fundingRateAnnualised) => l2.CarrySource switch
    {
        CarrySource.Funding => CarrySpecification.FromFunding(fundingRateAnnualised!.Value),
        _ when option.IsForward || !option.CarryTiedToRate => CarrySpecification.FromExplicit(option.CarryRate),
        _ => CarrySpecification.FromRates(option.Rate, option.Rate - option.CarryRate),
    };

    public static L2OptionInputs Inputs(ValidatedOption option, double vol, ValidatedL2 l2, CarrySpecification carry, ChainProfile chain) =>
        new(option.Type, option.Underlying, option.Strike, option.TenorYears, vol, option.Rate, carry, l2.TermsOn(chain));

    public static OptionPriceResponse Price(ValidatedOption option, double vol, ValidatedL2 l2, CarrySpecification carry)
    {
        var result = PricerFor(option.Engine).Price(Inputs(option, vol, l2, carry, l2.Chain));
        return new OptionPriceResponse(result.Price, option.Engine, result.Forward, result.DiscountFactor, option.TenorYears, result.CarryRate,
            GreeksResponse.From(result.Greeks), EngineRegistry.Id(result.GreeksMethod),
            BumpedGreeks: null, EuropeanPrice: null, ToResponse(result, l2.CarrySource) with { Gas = l2.Gas, GasCostUsd = l2.Chain.GasCostUsd })
        { Limit = result.Limit };
    }

    public static L2Response ToResponse(L2OptionResult r, CarrySource source) =>
        new(r.ChainId, r.CarryRate, source, r.SettlementDelayYears, r.GasPerContractUsd, r.RoundTripCostRate, r.LelandNumber,
            r.VolBid, r.VolAsk, r.Bid, r.Ask, r.Spread, r.BidFloorHit);
}
