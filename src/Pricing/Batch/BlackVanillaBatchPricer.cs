using System.Buffers;
using System.Runtime.Intrinsics;
using Analytics.Pricing.Black;

namespace Analytics.Pricing.Batch;

/// <summary>
/// The SIMD batch kernel of <see cref="BlackScholesBatch"/> with results equal bit for bit to
/// <see cref="BlackVanillaOptionPricer"/>, option by option (generalised Black-Scholes-Merton, Haug, <i>The Complete
/// Guide to Option Pricing Formulas</i>, 2nd ed. 2007, §1.1.6 and ch. 2): for paths whose output must not depend on
/// whether an option was priced alone or in a batch (the service's responses, scenario revaluation that is compared
/// with single prices). The kernel runs lane-wise with the scalar pricer's own exponential and logarithm
/// (<c>Lanes512ScalarExpLog</c>, <c>Lanes256ScalarExpLog</c>); every other operation is correctly rounded IEEE arithmetic in the scalar pricer's
/// order, and the deep out-of-the-money series lanes and the last n mod 8 options go through the scalar pricer.
/// </summary>
/// <remarks>
/// Stateless and thread-safe: use <see cref="Default"/>. Results are deterministic (independent of batch splits,
/// threads and JIT tier). About twice as fast as the scalar pricer; <see cref="BlackScholesBatch"/> is faster still
/// (the vector exp/log) but agrees with the scalar pricer only to a few ulp times each output's conditioning.
/// </remarks>
public sealed class BlackVanillaBatchPricer
{
    /// <summary>The shared stateless instance.</summary>
    public static readonly BlackVanillaBatchPricer Default = new();

    private BlackVanillaBatchPricer()
    {
    }

    /// <summary>
    /// Prices every option of <paramref name="inputs"/>: element i of <paramref name="results"/> equals
    /// <c>BlackVanillaOptionPricer.Default.Price(inputs[i])</c> bit for bit (price, forward, discount factor, nine
    /// Greeks; Haug 2007, §1.1.6 and ch. 2). Options of both carry conventions may be mixed.
    /// </summary>
    /// <param name="inputs">Validated option and market inputs.</param>
    /// <param name="results">Output, as long as <paramref name="inputs"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> or one of its elements is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="results"/> is not as long as <paramref name="inputs"/>.</exception>
    public void Price(IReadOnlyList<BlackVanillaOptionInputs> inputs, Span<BlackVanillaOptionResult> results)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (results.Length != inputs.Count)
        {
            throw new ArgumentException("The results must be as long as the inputs.", nameof(results));
        }

        int n = inputs.Count;
        int[] indices = ArrayPool<int>.Shared.Rent(n);
        double[] buffer = ArrayPool<double>.Shared.Rent(16 * n);
        bool[] isCall = ArrayPool<bool>.Shared.Rent(n);
        try
        {
            foreach (var convention in (ReadOnlySpan<CarryConvention>)[CarryConvention.Fixed, CarryConvention.RateMinusDividendYield])
            {
                int m = 0;
                for (int i = 0; i < n; i++)
                {
                    var option = inputs[i] ?? throw new ArgumentNullException(nameof(inputs), $"Element {i} is null.");
                    if (option.CarryConvention == convention)
                    {
                        indices[m++] = i;
                    }
                }

                if (m > 0)
                {
                    PriceGroup(inputs, indices.AsSpan(0, m), convention, buffer.AsSpan(0, 16 * m), isCall.AsSpan(0, m), results);
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(indices);
            ArrayPool<double>.Shared.Return(buffer);
            ArrayPool<bool>.Shared.Return(isCall);
        }
    }

    /// <summary><see cref="Price(IReadOnlyList{BlackVanillaOptionInputs}, Span{BlackVanillaOptionResult})"/> into a new array.</summary>
    /// <param name="inputs">Validated option and market inputs.</param>
    /// <returns>One result per input, in order, each equal to the scalar pricer's.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> or one of its elements is null.</exception>
    public BlackVanillaOptionResult[] Price(IReadOnlyList<BlackVanillaOptionInputs> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var results = new BlackVanillaOptionResult[inputs.Count];
        Price(inputs, results);
        return results;
    }

    /// <summary>
    /// Price and nine Greeks of option columns (units as <see cref="BlackScholesBatch.Price"/>), each equal bit for bit
    /// to <see cref="BlackVanillaOptionPricer.Price"/> of the same option.
    /// </summary>
    /// <param name="inputs">Option columns.</param>
    /// <param name="results">Output columns, as long as the inputs.</param>
    /// <exception cref="ArgumentException">The outputs are not as long as the inputs.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An input is invalid (as for <see cref="BlackScholesBatch.Price"/>).</exception>
    public void Price(in BlackScholesBatchInputs inputs, in BlackScholesBatchResults results)
    {
        if (results.Length != inputs.Length)
        {
            throw new ArgumentException("The output columns must be as long as the input columns.", nameof(results));
        }

        BlackScholesBatch.Validate(inputs);
        PriceTrusted(inputs, results);
    }

    /// <summary>
    /// Present values of option columns, each equal bit for bit to <see cref="BlackVanillaOptionPricer.PresentValue"/>
    /// of the same option (Haug 2007, §1.1.6).
    /// </summary>
    /// <param name="inputs">Option columns.</param>
    /// <param name="prices">Output: present values, quote currency per unit of underlying; as long as the inputs.</param>
    /// <exception cref="ArgumentException"><paramref name="prices"/> is not as long as the inputs.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An input is invalid (as for <see cref="BlackScholesBatch.Price"/>).</exception>
    public void PresentValue(in BlackScholesBatchInputs inputs, Span<double> prices)
    {
        if (prices.Length != inputs.Length)
        {
            throw new ArgumentException("The output column must be as long as the input columns.", nameof(prices));
        }

        BlackScholesBatch.Validate(inputs);
        PresentValueTrusted(inputs, prices);
    }

    /// <summary>
    /// <see cref="PresentValue"/> without checking the inputs, for callers that checked them once for many calls (the
    /// scenario loop: strikes, tenors and vols at construction, spots by <see cref="Risk.MarketScenario"/>).
    /// </summary>
    internal static void PresentValueTrusted(in BlackScholesBatchInputs inputs, Span<double> prices)
    {
        if (Vector512.IsHardwareAccelerated) BlackScholesBatch.PresentValueTrusted<Lanes512ScalarExpLog>(inputs, prices);
        else BlackScholesBatch.PresentValueTrusted<Lanes256ScalarExpLog>(inputs, prices);
    }

    private static void PriceTrusted(in BlackScholesBatchInputs inputs, in BlackScholesBatchResults results)
    {
        if (Vector512.IsHardwareAccelerated) BlackScholesBatch.PriceTrusted<Lanes512ScalarExpLog>(inputs, results);
        else BlackScholesBatch.PriceTrusted<Lanes256ScalarExpLog>(inputs, results);
    }

    /// <summary>Prices the options at <paramref name="indices"/> (one carry convention) through columns in <paramref name="buffer"/>.</summary>
    private static void PriceGroup(
        IReadOnlyList<BlackVanillaOptionInputs> inputs, ReadOnlySpan<int> indices, CarryConvention convention, Span<double> buffer,
        Span<bool> isCall, Span<BlackVanillaOptionResult> results)
    {
        int m = indices.Length;
        Span<double> Column(Span<double> all, int k) => all.Slice(k * m, m);
        Span<double> spot = Column(buffer, 0), strike = Column(buffer, 1), tenor = Column(buffer, 2), vol = Column(buffer, 3);
        Span<double> rate = Column(buffer, 4), carry = Column(buffer, 5);
        for (int k = 0; k < m; k++)
        {
            var option = inputs[indices[k]];
            spot[k] = option.Spot;
            strike[k] = option.Strike;
            tenor[k] = option.TenorYears;
            vol[k] = option.Volatility;
            rate[k] = option.Rate;
            carry[k] = option.CostOfCarry;
            isCall[k] = option.Right == OptionRight.Call;
        }

        var output = new BlackScholesBatchResults(
            Column(buffer, 6), Column(buffer, 7), Column(buffer, 8), Column(buffer, 9), Column(buffer, 10), Column(buffer, 11),
            Column(buffer, 12), Column(buffer, 13), Column(buffer, 14), Column(buffer, 15));
        PriceTrusted(new BlackScholesBatchInputs(spot, strike, tenor, vol, rate, carry, isCall, convention), output);

        for (int k = 0; k < m; k++)
        {
            // The forward and discount factor as the scalar pricer forms them (BlackScholesKernel.GrowthAndDiscount).
            BlackScholesKernel.GrowthAndDiscount(tenor[k], rate[k], carry[k], out double growth, out double discountFactor);
            var greeks = new Greeks(
                output.Delta[k], output.Gamma[k], output.Vega[k], output.Theta[k], output.Rho[k], output.CarryRho[k],
                output.Vanna[k], output.Volga[k], output.Charm[k]);
            results[indices[k]] = new BlackVanillaOptionResult(output.Price[k], spot[k] * growth, discountFactor, greeks);
        }
    }
}
