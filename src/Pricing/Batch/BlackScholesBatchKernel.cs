using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Analytics.Pricing.Black;
using Analytics.Pricing.Distributions;

namespace Analytics.Pricing.Batch;

/// <summary>
/// One <see cref="Vector512{T}"/> block (eight options) of <see cref="BlackScholesBatch"/>: the operations of
/// <c>BlackScholesKernel.Evaluate</c> lane by lane, with branches replaced by masks (Haug 2007, §1.1.6 and ch. 2).
/// </summary>
internal static class BlackScholesBatchKernel
{
    /// <summary>
    /// Prices options [i, i + 8) into <paramref name="results"/> and returns the bit mask of the lanes in the
    /// series region (a ≥ 4 and σ√T ≤ a/4), whose outputs the caller must overwrite with the scalar pricer.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int PriceBlock(in BlackScholesBatchInputs inputs, in BlackScholesBatchResults results, int i, bool rhoMovesCarry)
    {
        var spot = Load(inputs.Spot, i);
        var strike = Load(inputs.Strike, i);
        var tenor = Load(inputs.TenorYears, i);
        var sigma = Load(inputs.Volatility, i);
        var rate = Load(inputs.Rate, i);
        var carry = Load(inputs.CostOfCarry, i);
        var isCall = LoadIsCall(inputs.IsCall, i);

        var one = Vector512<double>.One;
        var half = Vector512.Create(0.5);
        var sqrtTenor = Vector512.Sqrt(tenor);
        var stdDev = sigma * sqrtTenor;
        var growth = Vector512.Exp(carry * tenor);
        var discountFactor = Vector512.Exp(-rate * tenor);
        var forward = spot * growth;
        var carryFactor = growth * discountFactor;

        // Shared core: x = ln(F/K), a = |x|/s + s/2, m = a − s, e^{−m²/2} (exact split), e^{−a²/2} = e^{−m²/2}·e^{−|x|}.
        var up = Vector512.GreaterThanOrEqual(forward, strike);
        var lo = Vector512.ConditionalSelect(up, strike, forward);
        var hi = Vector512.ConditionalSelect(up, forward, strike);
        var q = hi / lo;
        var residual = Vector512.FusedMultiplyAdd(-q, lo, hi);
        var absX = Vector512.Log(q) + residual / hi;
        var a = absX / stdDev + half * stdDev;
        var m = a - stdDev;
        var mc = Vector512.Min(Vector512.Abs(m), Vector512.Create(BlackScholesKernel.ExponentArgumentCap));
        var high = mc * mc;
        var low = Vector512.FusedMultiplyAdd(mc, mc, -high);
        var e0 = Vector512.Exp(Vector512.Create(-0.5) * high);
        var expM = Vector512.FusedMultiplyAdd(e0, Vector512.Create(-0.5) * low, e0);
        var expA = expM * (lo / hi);
        var tailA = NormalTail.UpperTail(a, expA);
        var tailM = NormalTail.UpperTail(m, expM);
        var otm = Vector512.Max(lo * tailM - hi * tailA, Vector512<double>.Zero);
        var series = Vector512.GreaterThanOrEqual(a, Vector512.Create(BlackScholesKernel.SeriesMinimumA))
                     & Vector512.LessThanOrEqual(stdDev, Vector512.Create(BlackScholesKernel.SeriesMaximumRatio) * a);

        var inTheMoney = ~(isCall ^ up);
        var price = discountFactor * Vector512.ConditionalSelect(inTheMoney, (hi - lo) + otm, otm);

        var omega = Vector512.ConditionalSelect(isCall, one, -one);
        var d1 = Vector512.ConditionalSelect(up, a, -m);
        var d2 = d1 - stdDev;
        var density1 = Vector512.ConditionalSelect(up, expA, expM) * Vector512.Create(StandardNormal.InvSqrtTwoPi);
        var n1 = Vector512.ConditionalSelect(up, tailA, tailM);
        var n2 = Vector512.ConditionalSelect(up, tailM, tailA);
        var cdf1 = Vector512.ConditionalSelect(inTheMoney, one - n1, n1);
        var cdf2 = Vector512.ConditionalSelect(inTheMoney, one - n2, n2);

        var delta = omega * carryFactor * cdf1;
        var gamma = carryFactor * density1 / (spot * stdDev);
        var vega = spot * carryFactor * density1 * sqrtTenor;
        var theta = -spot * carryFactor * density1 * sigma / (Vector512.Create(2.0) * sqrtTenor)
                    - omega * (carry - rate) * spot * carryFactor * cdf1
                    - omega * rate * strike * discountFactor * cdf2;
        var carryRho = omega * tenor * spot * carryFactor * cdf1;
        var rhoCarryFixed = -tenor * price;
        var rho = rhoMovesCarry ? rhoCarryFixed + carryRho : rhoCarryFixed;
        var vanna = -carryFactor * density1 * d2 / sigma;
        var volga = vega * d1 * d2 / sigma;
        var charm = -carryFactor * (density1 * (carry / stdDev - d2 / (Vector512.Create(2.0) * tenor)) + omega * (carry - rate) * cdf1);

        Store(price, results.Price, i);
        Store(delta, results.Delta, i);
        Store(gamma, results.Gamma, i);
        Store(vega, results.Vega, i);
        Store(theta, results.Theta, i);
        Store(rho, results.Rho, i);
        Store(carryRho, results.CarryRho, i);
        Store(vanna, results.Vanna, i);
        Store(volga, results.Volga, i);
        Store(charm, results.Charm, i);
        return (int)series.ExtractMostSignificantBits();
    }

    /// <summary>
    /// <see cref="PriceBlock"/> restricted to the price and the first-order Greeks (delta, gamma, vega, theta, rho,
    /// carry rho): the same operations, so those outputs equal <see cref="PriceBlock"/>'s bit for bit. Returns the
    /// series-lane mask as <see cref="PriceBlock"/> does.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int PriceBlockFirstOrder(
        in BlackScholesBatchInputs inputs, in BlackScholesBatchFirstOrderResults results, int i, bool rhoMovesCarry)
    {
        var spot = Load(inputs.Spot, i);
        var strike = Load(inputs.Strike, i);
        var tenor = Load(inputs.TenorYears, i);
        var sigma = Load(inputs.Volatility, i);
        var rate = Load(inputs.Rate, i);
        var carry = Load(inputs.CostOfCarry, i);
        var isCall = LoadIsCall(inputs.IsCall, i);

        var one = Vector512<double>.One;
        var half = Vector512.Create(0.5);
        var sqrtTenor = Vector512.Sqrt(tenor);
        var stdDev = sigma * sqrtTenor;
        var growth = Vector512.Exp(carry * tenor);
        var discountFactor = Vector512.Exp(-rate * tenor);
        var forward = spot * growth;
        var carryFactor = growth * discountFactor;

        var up = Vector512.GreaterThanOrEqual(forward, strike);
        var lo = Vector512.ConditionalSelect(up, strike, forward);
        var hi = Vector512.ConditionalSelect(up, forward, strike);
        var q = hi / lo;
        var residual = Vector512.FusedMultiplyAdd(-q, lo, hi);
        var absX = Vector512.Log(q) + residual / hi;
        var a = absX / stdDev + half * stdDev;
        var m = a - stdDev;
        var mc = Vector512.Min(Vector512.Abs(m), Vector512.Create(BlackScholesKernel.ExponentArgumentCap));
        var high = mc * mc;
        var low = Vector512.FusedMultiplyAdd(mc, mc, -high);
        var e0 = Vector512.Exp(Vector512.Create(-0.5) * high);
        var expM = Vector512.FusedMultiplyAdd(e0, Vector512.Create(-0.5) * low, e0);
        var expA = expM * (lo / hi);
        var tailA = NormalTail.UpperTail(a, expA);
        var tailM = NormalTail.UpperTail(m, expM);
        var otm = Vector512.Max(lo * tailM - hi * tailA, Vector512<double>.Zero);
        var series = Vector512.GreaterThanOrEqual(a, Vector512.Create(BlackScholesKernel.SeriesMinimumA))
                     & Vector512.LessThanOrEqual(stdDev, Vector512.Create(BlackScholesKernel.SeriesMaximumRatio) * a);

        var inTheMoney = ~(isCall ^ up);
        var price = discountFactor * Vector512.ConditionalSelect(inTheMoney, (hi - lo) + otm, otm);

        var omega = Vector512.ConditionalSelect(isCall, one, -one);
        var density1 = Vector512.ConditionalSelect(up, expA, expM) * Vector512.Create(StandardNormal.InvSqrtTwoPi);
        var n1 = Vector512.ConditionalSelect(up, tailA, tailM);
        var n2 = Vector512.ConditionalSelect(up, tailM, tailA);
        var cdf1 = Vector512.ConditionalSelect(inTheMoney, one - n1, n1);
        var cdf2 = Vector512.ConditionalSelect(inTheMoney, one - n2, n2);

        var delta = omega * carryFactor * cdf1;
        var gamma = carryFactor * density1 / (spot * stdDev);
        var vega = spot * carryFactor * density1 * sqrtTenor;
        var theta = -spot * carryFactor * density1 * sigma / (Vector512.Create(2.0) * sqrtTenor)
                    - omega * (carry - rate) * spot * carryFactor * cdf1
                    - omega * rate * strike * discountFactor * cdf2;
        var carryRho = omega * tenor * spot * carryFactor * cdf1;
        var rhoCarryFixed = -tenor * price;
        var rho = rhoMovesCarry ? rhoCarryFixed + carryRho : rhoCarryFixed;

        Store(price, results.Price, i);
        Store(delta, results.Delta, i);
        Store(gamma, results.Gamma, i);
        Store(vega, results.Vega, i);
        Store(theta, results.Theta, i);
        Store(rho, results.Rho, i);
        Store(carryRho, results.CarryRho, i);
        return (int)series.ExtractMostSignificantBits();
    }

    /// <summary>
    /// <see cref="PriceBlock"/> restricted to the present value (same operations, so the same bits), written to
    /// <paramref name="prices"/>. Returns the series-lane mask as <see cref="PriceBlock"/> does.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int PresentValueBlock(in BlackScholesBatchInputs inputs, Span<double> prices, int i)
    {
        var strike = Load(inputs.Strike, i);
        var tenor = Load(inputs.TenorYears, i);
        var rate = Load(inputs.Rate, i);
        var isCall = LoadIsCall(inputs.IsCall, i);

        var half = Vector512.Create(0.5);
        var stdDev = Load(inputs.Volatility, i) * Vector512.Sqrt(tenor);
        var discountFactor = Vector512.Exp(-rate * tenor);
        var forward = Load(inputs.Spot, i) * Vector512.Exp(Load(inputs.CostOfCarry, i) * tenor);

        var up = Vector512.GreaterThanOrEqual(forward, strike);
        var lo = Vector512.ConditionalSelect(up, strike, forward);
        var hi = Vector512.ConditionalSelect(up, forward, strike);
        var q = hi / lo;
        var residual = Vector512.FusedMultiplyAdd(-q, lo, hi);
        var absX = Vector512.Log(q) + residual / hi;
        var a = absX / stdDev + half * stdDev;
        var m = a - stdDev;
        var mc = Vector512.Min(Vector512.Abs(m), Vector512.Create(BlackScholesKernel.ExponentArgumentCap));
        var high = mc * mc;
        var low = Vector512.FusedMultiplyAdd(mc, mc, -high);
        var e0 = Vector512.Exp(Vector512.Create(-0.5) * high);
        var expM = Vector512.FusedMultiplyAdd(e0, Vector512.Create(-0.5) * low, e0);
        var expA = expM * (lo / hi);
        var tailA = NormalTail.UpperTail(a, expA);
        var tailM = NormalTail.UpperTail(m, expM);
        var otm = Vector512.Max(lo * tailM - hi * tailA, Vector512<double>.Zero);
        var series = Vector512.GreaterThanOrEqual(a, Vector512.Create(BlackScholesKernel.SeriesMinimumA))
                     & Vector512.LessThanOrEqual(stdDev, Vector512.Create(BlackScholesKernel.SeriesMaximumRatio) * a);

        var inTheMoney = ~(isCall ^ up);
        var price = discountFactor * Vector512.ConditionalSelect(inTheMoney, (hi - lo) + otm, otm);
        Store(price, prices, i);
        return (int)series.ExtractMostSignificantBits();
    }

    /// <summary>All-bits-set lanes for calls, zero for puts, options [i, i + 8).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> LoadIsCall(ReadOnlySpan<bool> isCall, int i)
    {
        // Eight bools (one byte each, 0 or 1) zero-extended to eight 64-bit lanes.
        ulong bytes = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref Unsafe.As<bool, byte>(ref MemoryMarshal.GetReference(isCall)), i));
        Vector512<long> flags = Avx512F.IsSupported
            ? Avx512F.ConvertToVector512Int64(Vector128.CreateScalarUnsafe(bytes).AsByte())
            : Vector512.Create(
                (long)(byte)bytes, (byte)(bytes >> 8), (byte)(bytes >> 16), (byte)(bytes >> 24),
                (byte)(bytes >> 32), (byte)(bytes >> 40), (byte)(bytes >> 48), (byte)(bytes >> 56));
        return ~Vector512.Equals(flags, Vector512<long>.Zero).AsDouble();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Load(ReadOnlySpan<double> column, int i) =>
        Vector512.LoadUnsafe(ref MemoryMarshal.GetReference(column), (nuint)i);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector512<double> value, Span<double> column, int i) =>
        value.StoreUnsafe(ref MemoryMarshal.GetReference(column), (nuint)i);
}
