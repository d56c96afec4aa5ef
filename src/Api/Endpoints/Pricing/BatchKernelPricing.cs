using Analytics.Api.Contracts.Pricing;
using Analytics.Pricing.Batch;
using Analytics.Pricing.Black;

namespace Analytics.Api.Endpoints.Pricing;

/// <summary>
/// The price batch's European items valued together by the SIMD batch kernel (<see cref="BlackVanillaBatchPricer"/>,
/// bit-identical to the scalar pricer, so each slot's bytes are those the item alone gets); every other item is priced
/// one by one as before.
/// </summary>
internal static class BatchKernelPricing
{
    /// <summary>
    /// Whether the kernel values this item: European exercise with the analytic engine and no <c>l2</c> block (the one
    /// place that decides; at merge it asks the engine registry whether the engine is the closed-form European one).
    /// </summary>
    public static bool IsEligible(PriceableOption option) =>
        option is { L2: null, Option: { Style: ExerciseStyle.European, Engine: PricingEngine.Analytic } };

    /// <summary>The priced slot of every eligible item (null elsewhere), or null when no item is eligible.</summary>
    public static OptionPriceResponse?[]? Price(IReadOnlyList<PriceableOption?> options)
    {
        var indices = new List<int>();
        var inputs = new List<BlackVanillaOptionInputs>();
        for (var i = 0; i < options.Count; i++)
        {
            if (options[i] is not { } option || !IsEligible(option)) continue;
            indices.Add(i);
            inputs.Add(OptionPricing.Inputs(option.Option, option.Vol));
        }
        if (indices.Count == 0) return null;

        var results = BlackVanillaBatchPricer.Default.Price(inputs);
        var slots = new OptionPriceResponse?[options.Count];
        for (var k = 0; k < indices.Count; k++)
            slots[indices[k]] = options[indices[k]]!.FromEuropean(results[k]);
        return slots;
    }
}
