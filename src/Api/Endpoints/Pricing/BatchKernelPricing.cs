using System.Buffers;
using Analytics.Api.Contracts.Pricing;
using Analytics.Pricing.Batch;
using Analytics.Pricing.Black;
using Analytics.Pricing.Engines;

namespace Analytics.Api.Endpoints.Pricing;

/// <summary>
/// The price batch's European items valued together by the SIMD batch kernel (<see cref="BlackVanillaBatchPricer"/>,
/// bit-identical to the scalar pricer, so each slot's bytes are those the item alone gets); every other item is priced
/// one by one as before.
/// </summary>
internal static class BatchKernelPricing
{
    /// <summary>
    /// Whether the kernel values this item: European exercise, no <c>l2</c> block, and an engine the registry declares
    /// <see cref="EngineCapabilities.EuropeanBatchKernel"/> (the one place that decides).
    /// </summary>
    public static bool IsEligible(PriceableOption option) =>
        option is { L2: null, Option.Style: OptionExerciseStyle.European }
        && EngineRegistry.Of(option.Option.Engine).Has(EngineCapabilities.EuropeanBatchKernel);

    /// <summary>The priced slot of every eligible item (null elsewhere), or null when no item is eligible.</summary>
    /// <remarks>Working arrays are pooled: no per-request large-object-heap arrays (they drive full collections).</remarks>
    public static OptionPriceResponse?[]? Price(IReadOnlyList<PriceableOption?> options)
    {
        var indices = ArrayPool<int>.Shared.Rent(options.Count);
        var inputs = ArrayPool<BlackVanillaOptionInputs>.Shared.Rent(options.Count);
        var results = ArrayPool<BlackVanillaOptionResult>.Shared.Rent(options.Count);
        try
        {
            var count = 0;
            for (var i = 0; i < options.Count; i++)
            {
                if (options[i] is not { } option || !IsEligible(option)) continue;
                indices[count] = i;
                inputs[count++] = OptionPricing.Inputs(option.Option, option.Vol);
            }
            if (count == 0) return null;

            BlackVanillaBatchPricer.Default.Price(new ArraySegment<BlackVanillaOptionInputs>(inputs, 0, count), results.AsSpan(0, count));
            var slots = new OptionPriceResponse?[options.Count];
            for (var k = 0; k < count; k++)
                slots[indices[k]] = options[indices[k]]!.FromEuropean(results[k]);
            return slots;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(indices);
            ArrayPool<BlackVanillaOptionInputs>.Shared.Return(inputs, clearArray: true);
            ArrayPool<BlackVanillaOptionResult>.Shared.Return(results);
        }
    }
}
