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
    /// Whether the kernel values this item: European exercise, no <c>l2</c> block, not at a limit of the model (zero tenor, spot,
    /// strike or vol: <see cref="OptionPricing.Price"/> gives those their closed form), and an engine the registry declares
    /// <see cref="EngineCapabilities.EuropeanBatchKernel"/> (the one place that decides).
    /// </summary>
    public static bool IsEligible(PriceableOption option) =>
        option is { L2: null, Option.Style: OptionExerciseStyle.European, Vol: > 0, Option: { TenorYears: > 0, Underlying: > 0, Strike: > 0 } }
        && EngineRegistry.Of(option.Option.Engine).Has(EngineCapabilities.EuropeanBatchKernel);

    /// <summary>
    /// Prices every eligible item of <paramref name="items"/> and writes its slot into <paramref name="slots"/> at the
    /// same index; other slots are left as they are.
    /// </summary>
    /// <remarks>Working arrays are pooled: no per-request large-object-heap arrays (they drive full collections).</remarks>
    public static void Price<T>(IReadOnlyList<T> items, Func<T, PriceableOption?> optionOf, OptionPriceSlot?[] slots)
    {
        var indices = ArrayPool<int>.Shared.Rent(items.Count);
        var inputs = ArrayPool<BlackVanillaOptionInputs>.Shared.Rent(items.Count);
        var results = ArrayPool<BlackVanillaOptionResult>.Shared.Rent(items.Count);
        try
        {
            var count = 0;
            for (var i = 0; i < items.Count; i++)
            {
                if (optionOf(items[i]) is not { } option || !IsEligible(option)) continue;
                indices[count] = i;
                inputs[count++] = OptionPricing.Inputs(option.Option, option.Vol);
            }
            if (count == 0) return;

            BlackVanillaBatchPricer.Default.Price(new ArraySegment<BlackVanillaOptionInputs>(inputs, 0, count), results.AsSpan(0, count));
            for (var k = 0; k < count; k++)
                slots[indices[k]] = optionOf(items[indices[k]])!.FromEuropean(results[k]);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(indices);
            ArrayPool<BlackVanillaOptionInputs>.Shared.Return(inputs, clearArray: true);
            ArrayPool<BlackVanillaOptionResult>.Shared.Return(results);
        }
    }
}
