using Analytics.Api.Contracts.Pricing;
using Analytics.Api.Endpoints.L2;
using Analytics.Api.Errors;
using Analytics.Pricing;
using Analytics.Pricing.Black;
using Analytics.Pricing.QuantLib;

namespace Analytics.Api.Endpoints.Pricing;

/// <summary>
/// A price request that passed validation: the option, its vol, its validated <c>l2</c> block if any, and the unit
/// the answer is wanted in.
/// </summary>
internal sealed record PriceableOption(ValidatedOption Option, double Vol, ValidatedL2? L2, PremiumCurrency PremiumCurrency, GreekUnits GreekUnits)
{
    public static PriceableOption? Validate(OptionPriceRequest request, DateTimeOffset now, ChainProfiles chains, FieldErrors errors)
    {
        // Zero vol, prices and tenor are priced at their limit, with l2 too (the Leland spread vanishes at σ = 0 and S = 0).
        var validated = OptionRequestValidator.Validate(request, now, errors, ZeroLimits.All);
        var l2 = request.L2 is null ? null : L2RequestValidator.Validate(request.L2, request, chains, errors);
        return validated is var (option, vol) && errors.IsEmpty
            ? new PriceableOption(option, vol, l2, request.PremiumCurrency ?? PremiumCurrency.Usd, request.GreekUnits ?? GreekUnits.PerUnit)
            : null;
    }

    /// <summary>The funding series this item's carry needs, if any.</summary>
    public FundingSeries? Funding => L2?.Funding;

    /// <summary>Prices; <paramref name="fundingRateAnnualised"/> is the resolved funding carry when <see cref="Funding"/> is set.</summary>
    public OptionPriceResponse Price(QuantLibVanillaOptionPricer quantLib, double? fundingRateAnnualised)
    {
        var usd = L2 is null
            ? OptionPricing.Price(Option, Vol, quantLib)
            : L2OptionPricing.Price(Option, Vol, L2, L2OptionPricing.Carry(Option, L2, fundingRateAnnualised));
        return InPremiumCurrency(usd);
    }

    /// <summary>As <see cref="Price"/> for an analytic European item whose result the batch kernel computed.</summary>
    public OptionPriceResponse FromEuropean(BlackVanillaOptionResult european) => InPremiumCurrency(OptionPricing.FromEuropean(Option, european));

    private OptionPriceResponse InPremiumCurrency(OptionPriceResponse usd)
    {
        usd = usd with { Vol = Vol };
        var answer = PremiumCurrency == PremiumCurrency.Underlying ? InUnderlying(usd, Option.Underlying) : usd;
        return GreekUnits == GreekUnits.PerUnit
            ? answer
            : answer with { Greeks = GreeksResponse.From(GreekUnitConversion.Convert(answer.Greeks.ToGreeks(), GreekUnits)), GreekUnits = GreekUnits };
    }

    /// <summary>The premium figures of <paramref name="usd"/> in units of the underlying (<see cref="InversePremium"/>).</summary>
    private static OptionPriceResponse InUnderlying(OptionPriceResponse usd, double underlyingPrice)
    {
        var g = usd.Greeks;
        var greeks = InversePremium.Of(usd.Price, g.ToGreeks(), underlyingPrice);
        return usd with
        {
            Price = InversePremium.Value(usd.Price, underlyingPrice),
            EuropeanPrice = usd.EuropeanPrice is { } european ? InversePremium.Value(european, underlyingPrice) : null,
            Greeks = GreeksResponse.From(greeks),
            L2 = usd.L2 is { } l2
                ? l2 with
                {
                    Bid = InversePremium.Value(l2.Bid, underlyingPrice),
                    Ask = InversePremium.Value(l2.Ask, underlyingPrice),
                    Spread = InversePremium.Value(l2.Spread, underlyingPrice),
                }
                : null,
            PremiumCurrency = PremiumCurrency.Underlying,
        };
    }
}
