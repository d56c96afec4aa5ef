using Analytics.Api.Contracts.Pricing;
using Analytics.Api.Endpoints.L2;
using Analytics.Api.Errors;
using Analytics.Pricing.QuantLib;

namespace Analytics.Api.Endpoints.Pricing;

/// <summary>A price request that passed validation: the option, its vol, and its validated <c>l2</c> block if any.</summary>
internal sealed record PriceableOption(ValidatedOption Option, double Vol, ValidatedL2? L2)
{
    public static PriceableOption? Validate(OptionPriceRequest request, DateTimeOffset now, ChainProfiles chains, FieldErrors errors)
    {
        var validated = OptionRequestValidator.Validate(request, now, errors);
        var l2 = request.L2 is null ? null : L2RequestValidator.Validate(request.L2, request, chains, errors);
        return validated is var (option, vol) && errors.IsEmpty ? new PriceableOption(option, vol, l2) : null;
    }

    /// <summary>The funding series this item's carry needs, if any.</summary>
    public FundingSeries? Funding => L2?.Funding;

    /// <summary>Prices; <paramref name="fundingRateAnnualised"/> is the resolved funding carry when <see cref="Funding"/> is set.</summary>
    public OptionPriceResponse Price(QuantLibVanillaOptionPricer quantLib, double? fundingRateAnnualised) =>
        (L2 is null
            ? OptionPricing.Price(Option, Vol, quantLib)
            : L2OptionPricing.Price(Option, Vol, L2, L2OptionPricing.Carry(Option, L2, fundingRateAnnualised))) with { Vol = Vol };
}
