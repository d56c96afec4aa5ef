using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Analytics.Pricing.Black;
using Analytics.Pricing.Simd;

namespace Analytics.Pricing.Batch;

/// <summary>
/// Prices arrays of European vanilla options under the generalised Black-Scholes-Merton model (Haug, <i>The
/// Complete Guide to Option Pricing Formulas</i>, 2nd ed. 2007, §1.1.6 and ch. 2) eight at a time with
/// <see cref="Vector512{T}"/> where the hardware has AVX-512, else four at a time with <see cref="Vector256{T}"/> (one
/// kernel over <see cref="ILanes{TSelf}"/>), returning the price and the nine Greeks of <see cref="Greeks"/> with the conventions
/// and accuracy of <see cref="BlackVanillaOptionPricer"/>.
/// </summary>
/// <remarks>
/// Each lane runs the operations of the scalar pricer in the same order (Cody's rational Φ with one shared
/// exp(−x²/2), fused multiply-adds, IEEE division), with the vector <c>Exp</c>/<c>Log</c> of .NET (≤ 2–3 ulp)
/// in place of <c>Exponential.Exp</c>/<c>Math.Log</c>; lanes in the deep out-of-the-money region where the
/// difference lo·Q(m) − hi·Q(a) would cancel (a ≥ 4, σ√T ≤ a/4) are re-priced by the scalar pricer, and the last
/// n mod 8 (or 4) options go through the scalar pricer too. Results therefore match the scalar pricer to a few ulp times
/// the conditioning of each output (see the tests). Results do not depend on how a batch is split, so
/// <see cref="PriceParallel"/> returns what <see cref="Price"/> does — bit for bit while the same machine code runs;
/// .NET's vector <c>Exp</c>/<c>Log</c> may change in the last bit when CoreLib's precompiled code is replaced
/// by tier-1 JIT code during a run. Where results must equal the scalar pricer's bit for bit (the service's responses,
/// scenario revaluation), use <see cref="BlackVanillaBatchPricer"/>, the same kernel with the scalar exp/log. Stateless and
/// thread-safe.
/// </remarks>
public static class BlackScholesBatch
{
    /// <summary>Smallest number of options handed to one worker by <see cref="PriceParallel"/>.</summary>
    public const int MinimumParallelChunk = 4096;

    private static readonly int Width = Vector512<double>.Count;

    /// <summary>
    /// Prices every option of <paramref name="inputs"/> on the calling thread, writing element i of each column of
    /// <paramref name="results"/> (Haug 2007, §1.1.6 and ch. 2; units as <see cref="Greeks"/>).
    /// </summary>
    /// <param name="inputs">Option columns.</param>
    /// <param name="results">Output columns, as long as the inputs.</param>
    /// <exception cref="ArgumentException">The outputs are not as long as the inputs.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An input is not finite, or a spot, strike, tenor or volatility is
    /// not positive (checked before anything is written).</exception>
    public static void Price(in BlackScholesBatchInputs inputs, in BlackScholesBatchResults results)
    {
        if (results.Length != inputs.Length)
        {
            throw new ArgumentException("The output columns must be as long as the input columns.", nameof(results));
        }

        Validate(inputs);
        PriceTrusted(inputs, results);
    }

    /// <summary>
    /// <see cref="Price"/> without vanna, volga and charm: writes the price and the first-order Greeks (delta, gamma,
    /// vega, theta, rho, carry rho), each equal to the corresponding output of <see cref="Price"/> (the same lane-wise
    /// operations, Haug 2007, §1.1.6 and ch. 2), at lower cost.
    /// </summary>
    /// <param name="inputs">Option columns.</param>
    /// <param name="results">Output columns, as long as the inputs.</param>
    /// <exception cref="ArgumentException">The outputs are not as long as the inputs.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An input is invalid (as for <see cref="Price"/>; checked before
    /// anything is written).</exception>
    public static void PriceFirstOrder(in BlackScholesBatchInputs inputs, in BlackScholesBatchFirstOrderResults results)
    {
        if (results.Length != inputs.Length)
        {
            throw new ArgumentException("The output columns must be as long as the input columns.", nameof(results));
        }

        Validate(inputs);
        PriceFirstOrderTrusted(inputs, results);
    }

    /// <summary>
    /// Present values only (Haug 2007, §1.1.6), each equal to the price written by <see cref="Price"/> (the same
    /// lane-wise operations).
    /// </summary>
    /// <param name="inputs">Option columns.</param>
    /// <param name="prices">Output: present values V, quote currency per unit of underlying; as long as the inputs.</param>
    /// <exception cref="ArgumentException"><paramref name="prices"/> is not as long as the inputs.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An input is invalid (as for <see cref="Price"/>; checked before
    /// anything is written).</exception>
    public static void PresentValue(in BlackScholesBatchInputs inputs, Span<double> prices)
    {
        if (prices.Length != inputs.Length)
        {
            throw new ArgumentException("The output column must be as long as the input columns.", nameof(prices));
        }

        Validate(inputs);
        PresentValueTrusted(inputs, prices);
    }

    /// <summary>
    /// <see cref="Price"/> split over the thread pool in chunks of at least <see cref="MinimumParallelChunk"/> options
    /// (small batches run on the calling thread). The results are those of <see cref="Price"/> (see remarks).
    /// </summary>
    /// <param name="inputs">Option columns.</param>
    /// <param name="results">Output columns, as long as the inputs.</param>
    /// <param name="maxDegreeOfParallelism">Largest number of concurrent workers; −1 for the processor count.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The columns differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An input is invalid (as for <see cref="Price"/>), or
    /// <paramref name="maxDegreeOfParallelism"/> is 0 or below −1.</exception>
    public static void PriceParallel(
        BlackScholesBatchInputColumns inputs, BlackScholesBatchResultColumns results, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(results);
        if (maxDegreeOfParallelism == 0 || maxDegreeOfParallelism < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "Must be positive or −1.");
        }

        BlackScholesBatchInputs all = inputs.AsSpans();
        int n = all.Length;
        if (results.AsSpans().Length != n)
        {
            throw new ArgumentException("The output columns must be as long as the input columns.", nameof(results));
        }

        Validate(all);
        int workers = maxDegreeOfParallelism == -1 ? Environment.ProcessorCount : maxDegreeOfParallelism;
        int chunks = Math.Min(n / MinimumParallelChunk, 4 * workers);
        if (chunks <= 1 || workers == 1)
        {
            PriceTrusted(all, results.AsSpans());
            return;
        }

        // Chunk boundaries on multiples of the vector width; each chunk is priced exactly as in one sequential pass.
        int chunkLength = (n / chunks + Width - 1) / Width * Width;
        // At most one worker per processor: unbounded, Parallel.For takes every thread-pool thread and starves the
        // server's I/O callbacks (see ScenarioValuation's loop options).
        var options = new ParallelOptions { MaxDegreeOfParallelism = workers };
        Parallel.For(0, chunks, options, k =>
        {
            int start = k * chunkLength;
            int length = Math.Min(chunkLength, n - start);
            if (length > 0)
            {
                PriceTrusted(inputs.AsSpans(start, length), results.AsSpans(start, length));
            }
        });
    }

    /// <summary>Checks every input value (vectorised; the first bad index is located only on failure).</summary>
    internal static void Validate(in BlackScholesBatchInputs inputs)
    {
        if (!AllPositiveFinite(inputs.Spot) || !AllPositiveFinite(inputs.Strike) || !AllPositiveFinite(inputs.TenorYears)
            || !AllPositiveFinite(inputs.Volatility) || !AllFinite(inputs.Rate) || !AllFinite(inputs.CostOfCarry))
        {
            for (int i = 0; i < inputs.Length; i++)
            {
                Guard.PositiveFinite(inputs.Spot[i], $"{nameof(inputs.Spot)}[{i}]");
                Guard.PositiveFinite(inputs.Strike[i], $"{nameof(inputs.Strike)}[{i}]");
                Guard.PositiveFinite(inputs.TenorYears[i], $"{nameof(inputs.TenorYears)}[{i}]");
                Guard.PositiveFinite(inputs.Volatility[i], $"{nameof(inputs.Volatility)}[{i}]");
                Guard.Finite(inputs.Rate[i], $"{nameof(inputs.Rate)}[{i}]");
                Guard.Finite(inputs.CostOfCarry[i], $"{nameof(inputs.CostOfCarry)}[{i}]");
            }
        }
    }

    private static bool AllPositiveFinite(ReadOnlySpan<double> values)
    {
        var ok = Vector512<double>.AllBitsSet;
        var max = Vector512.Create(double.MaxValue);
        int i = 0;
        for (; i + Width <= values.Length; i += Width)
        {
            var v = Vector512.Create(values.Slice(i, Width));
            ok &= Vector512.GreaterThan(v, Vector512<double>.Zero) & Vector512.LessThanOrEqual(v, max);
        }

        bool all = Vector512.EqualsAll(ok.AsInt64(), Vector512<long>.AllBitsSet);
        for (; i < values.Length; i++)
        {
            all &= values[i] > 0.0 && values[i] <= double.MaxValue;
        }

        return all;
    }

    private static bool AllFinite(ReadOnlySpan<double> values)
    {
        var max = Vector512.Create(double.MaxValue);
        var ok = Vector512<double>.AllBitsSet;
        int i = 0;
        for (; i + Width <= values.Length; i += Width)
        {
            ok &= Vector512.LessThanOrEqual(Vector512.Abs(Vector512.Create(values.Slice(i, Width))), max);
        }

        bool all = Vector512.EqualsAll(ok.AsInt64(), Vector512<long>.AllBitsSet);
        for (; i < values.Length; i++)
        {
            all &= double.IsFinite(values[i]);
        }

        return all;
    }

    // The widest vectors the hardware runs natively; AVX2-only machines get four lanes, others the scalar pricer.
    private static void PriceTrusted(in BlackScholesBatchInputs inputs, in BlackScholesBatchResults results)
    {
        if (Vector512.IsHardwareAccelerated) PriceTrusted<Lanes512>(inputs, results);
        else PriceTrusted<Lanes256>(inputs, results);
    }

    private static void PriceFirstOrderTrusted(in BlackScholesBatchInputs inputs, in BlackScholesBatchFirstOrderResults results)
    {
        if (Vector512.IsHardwareAccelerated) PriceFirstOrderTrusted<Lanes512>(inputs, results);
        else PriceFirstOrderTrusted<Lanes256>(inputs, results);
    }

    private static void PresentValueTrusted(in BlackScholesBatchInputs inputs, Span<double> prices)
    {
        if (Vector512.IsHardwareAccelerated) PresentValueTrusted<Lanes512>(inputs, prices);
        else PresentValueTrusted<Lanes256>(inputs, prices);
    }

    /// <summary><see cref="Price"/> with the lanes <typeparamref name="T"/> (trusted inputs; tests compare widths).</summary>
    // Fully optimised from the first call (no tiering) so that the vector exp/log can be inlined and compiled once.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void PriceTrusted<T>(in BlackScholesBatchInputs inputs, in BlackScholesBatchResults results)
        where T : struct, ILanes<T>
    {
        int n = inputs.Length;
        bool rhoMovesCarry = inputs.CarryConvention == CarryConvention.RateMinusDividendYield;
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + T.Count <= n; i += T.Count)
            {
                int series = BlackScholesBatchKernel.PriceBlock<T>(inputs, results, i, rhoMovesCarry);
                while (series != 0)
                {
                    int lane = System.Numerics.BitOperations.TrailingZeroCount(series);
                    series &= series - 1;
                    results.Set(i + lane, Scalar(inputs, i + lane, rhoMovesCarry));
                }
            }
        }

        for (; i < n; i++)
        {
            results.Set(i, Scalar(inputs, i, rhoMovesCarry));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PriceFirstOrderTrusted<T>(in BlackScholesBatchInputs inputs, in BlackScholesBatchFirstOrderResults results)
        where T : struct, ILanes<T>
    {
        int n = inputs.Length;
        bool rhoMovesCarry = inputs.CarryConvention == CarryConvention.RateMinusDividendYield;
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + T.Count <= n; i += T.Count)
            {
                int series = BlackScholesBatchKernel.PriceBlockFirstOrder<T>(inputs, results, i, rhoMovesCarry);
                while (series != 0)
                {
                    int lane = System.Numerics.BitOperations.TrailingZeroCount(series);
                    series &= series - 1;
                    results.Set(i + lane, ScalarFirstOrder(inputs, i + lane, rhoMovesCarry));
                }
            }
        }

        for (; i < n; i++)
        {
            results.Set(i, ScalarFirstOrder(inputs, i, rhoMovesCarry));
        }
    }

    /// <summary><see cref="PresentValue"/> with the lanes <typeparamref name="T"/> (trusted inputs).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void PresentValueTrusted<T>(in BlackScholesBatchInputs inputs, Span<double> prices)
        where T : struct, ILanes<T>
    {
        int n = inputs.Length;
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + T.Count <= n; i += T.Count)
            {
                int series = BlackScholesBatchKernel.PresentValueBlock<T>(inputs, prices, i);
                while (series != 0)
                {
                    int lane = System.Numerics.BitOperations.TrailingZeroCount(series);
                    series &= series - 1;
                    prices[i + lane] = ScalarPresentValue(inputs, i + lane);
                }
            }
        }

        for (; i < n; i++)
        {
            prices[i] = ScalarPresentValue(inputs, i);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static BlackVanillaFirstOrderResult ScalarFirstOrder(in BlackScholesBatchInputs inputs, int i, bool rhoMovesCarry) =>
        BlackScholesKernel.EvaluateFirstOrder(
            inputs.Spot[i], inputs.Strike[i], inputs.TenorYears[i], inputs.Volatility[i], inputs.Rate[i],
            inputs.CostOfCarry[i], inputs.IsCall[i], rhoMovesCarry);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double ScalarPresentValue(in BlackScholesBatchInputs inputs, int i) =>
        BlackScholesKernel.PresentValue(
            inputs.Spot[i], inputs.Strike[i], inputs.TenorYears[i], inputs.Volatility[i] * Math.Sqrt(inputs.TenorYears[i]),
            inputs.Rate[i], inputs.CostOfCarry[i], inputs.IsCall[i]);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static BlackVanillaOptionResult Scalar(in BlackScholesBatchInputs inputs, int i, bool rhoMovesCarry) =>
        BlackScholesKernel.Evaluate(
            inputs.Spot[i], inputs.Strike[i], inputs.TenorYears[i], inputs.Volatility[i], inputs.Rate[i],
            inputs.CostOfCarry[i], inputs.IsCall[i], rhoMovesCarry);
}
