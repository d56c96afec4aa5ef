using Analytics.Pricing;
using Analytics.Pricing.Engines;
namespace Analytics.Api.Contracts.Pricing;

/// <summary>The fields every vanilla-option request shares (price, implied vol, their batches).</summary>
public interface IVanillaOptionFields
{
    OptionRight? Type { get; }
    OptionExerciseStyle? Style { get; }
    double? Spot { get; }
    double? Forward { get; }
    double? Strike { get; }
    double? TenorYears { get; }
    DateTimeOffset? Expiry { get; }
    DateTimeOffset? ValuationTime { get; }
    double? Rate { get; }
    double? DividendYield { get; }
    double? CarryRate { get; }
    PricingEngine? Engine { get; }
}
