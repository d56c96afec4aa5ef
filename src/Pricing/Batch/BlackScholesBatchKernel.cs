using System.Runtime.CompilerServices;
using Analytics.Pricing.Black;
using Analytics.Pricing.Distributions;
using Analytics.Pricing.Simd;

namespace Analytics.Pricing.Batch;

/// <summary>
/// One SIMD block (<see cref="ILanes{TSelf}.Count"/> options) of <see cref="BlackScholesBatch"/>: the operations of
/// <c>BlackScholesKernel.Evaluate</c> lane by lane, with branches replaced by masks (Haug 2007, §1.1.6 and ch. 2).
/// </summary>
internal static class BlackScholesBatchKernel
{
    /// <summary>
    /// Prices options [i, i + T.Count) into <paramref name="results"/> and returns the bit mask of the lanes in the
    /// series region (a ≥ 4 and σ√T ≤ a/4), whose outputs the caller must overwrite with the scalar pricer.
    /// </summary>
    // Too large to inline into the loop: compiled fully optimised once per lane type instead of going through tiers.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int PriceBlock<T>(in BlackScholesBatchInputs inputs, in BlackScholesBatchResults results, int i, bool rhoMovesCarry)
        where T : struct, ILanes<T>
    {
        var spot = T.Load(inputs.Spot, i);
        var strike = T.Load(inputs.Strike, i);
        var tenor = T.Load(inputs.TenorYears, i);
        var sigma = T.Load(inputs.Volatility, i);
        var rate = T.Load(inputs.Rate, i);
        var carry = T.Load(inputs.CostOfCarry, i);
        var isCall = T.LoadMask(inputs.IsCall, i);

        var one = T.One;
        var half = T.Create(0.5);
        var sqrtTenor = T.Sqrt(tenor);
        var stdDev = sigma * sqrtTenor;
        var growth = T.Exp(carry * tenor);
        var discountFactor = T.Exp(-rate * tenor);
        var forward = spot * growth;
        var carryFactor = growth * discountFactor;

        // Shared core: x = ln(F/K), a = |x|/s + s/2, m = a − s, e^{−m²/2} (exact split), e^{−a²/2} = e^{−m²/2}·e^{−|x|}.
        var up = T.GreaterThanOrEqual(forward, strike);
        var lo = T.Select(up, strike, forward);
        var hi = T.Select(up, forward, strike);
        var q = hi / lo;
        var residual = T.FusedMultiplyAdd(-q, lo, hi);
        var absX = T.Log(q) + residual / hi;
        var a = absX / stdDev + half * stdDev;
        var m = a - stdDev;
        var mc = T.Min(T.Abs(m), T.Create(BlackScholesKernel.ExponentArgumentCap));
        var high = mc * mc;
        var low = T.FusedMultiplyAdd(mc, mc, -high);
        var e0 = T.Exp(T.Create(-0.5) * high);
        var expM = T.FusedMultiplyAdd(e0, T.Create(-0.5) * low, e0);
        var expA = expM * (lo / hi);
        var tailA = NormalTail.UpperTail(a, expA);
        var tailM = NormalTail.UpperTail(m, expM);
        var otm = T.Max(lo * tailM - hi * tailA, T.Zero);
        var series = T.GreaterThanOrEqual(a, T.Create(BlackScholesKernel.SeriesMinimumA))
                     & T.LessThanOrEqual(stdDev, T.Create(BlackScholesKernel.SeriesMaximumRatio) * a);

        var inTheMoney = ~(isCall ^ up);
        var price = discountFactor * T.Select(inTheMoney, (hi - lo) + otm, otm);

        var omega = T.Select(isCall, one, -one);
        var d1 = T.Select(up, a, -m);
        var d2 = d1 - stdDev;
        var density1 = T.Select(up, expA, expM) * T.Create(StandardNormal.InvSqrtTwoPi);
        var n1 = T.Select(up, tailA, tailM);
        var n2 = T.Select(up, tailM, tailA);
        var cdf1 = T.Select(inTheMoney, one - n1, n1);
        var cdf2 = T.Select(inTheMoney, one - n2, n2);

        var delta = omega * carryFactor * cdf1;
        var gamma = carryFactor * density1 / (spot * stdDev);
        var vega = spot * carryFactor * density1 * sqrtTenor;
        var theta = -spot * carryFactor * density1 * sigma / (T.Create(2.0) * sqrtTenor)
                    - omega * (carry - rate) * spot * carryFactor * cdf1
                    - omega * rate * strike * discountFactor * cdf2;
        var carryRho = omega * tenor * spot * carryFactor * cdf1;
        var rhoCarryFixed = -tenor * price;
        var rho = rhoMovesCarry ? rhoCarryFixed + carryRho : rhoCarryFixed;
        var vanna = -carryFactor * density1 * d2 / sigma;
        var volga = vega * d1 * d2 / sigma;
        var charm = -carryFactor * (density1 * (carry / stdDev - d2 / (T.Create(2.0) * tenor)) + omega * (carry - rate) * cdf1);

        T.Store(price, results.Price, i);
        T.Store(delta, results.Delta, i);
        T.Store(gamma, results.Gamma, i);
        T.Store(vega, results.Vega, i);
        T.Store(theta, results.Theta, i);
        T.Store(rho, results.Rho, i);
        T.Store(carryRho, results.CarryRho, i);
        T.Store(vanna, results.Vanna, i);
        T.Store(volga, results.Volga, i);
        T.Store(charm, results.Charm, i);
        return T.Bits(series);
    }

    /// <summary>
    /// <see cref="PriceBlock"/> restricted to the price and the first-order Greeks (delta, gamma, vega, theta, rho,
    /// carry rho): the same operations, so those outputs equal <see cref="PriceBlock"/>'s bit for bit. Returns the
    /// series-lane mask as <see cref="PriceBlock"/> does.
    /// </summary>
    // Too large to inline into the loop: compiled fully optimised once per lane type instead of going through tiers.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int PriceBlockFirstOrder<T>(
        in BlackScholesBatchInputs inputs, in BlackScholesBatchFirstOrderResults results, int i, bool rhoMovesCarry)
        where T : struct, ILanes<T>
    {
        var spot = T.Load(inputs.Spot, i);
        var strike = T.Load(inputs.Strike, i);
        var tenor = T.Load(inputs.TenorYears, i);
        var sigma = T.Load(inputs.Volatility, i);
        var rate = T.Load(inputs.Rate, i);
        var carry = T.Load(inputs.CostOfCarry, i);
        var isCall = T.LoadMask(inputs.IsCall, i);

        var one = T.One;
        var half = T.Create(0.5);
        var sqrtTenor = T.Sqrt(tenor);
        var stdDev = sigma * sqrtTenor;
        var growth = T.Exp(carry * tenor);
        var discountFactor = T.Exp(-rate * tenor);
        var forward = spot * growth;
        var carryFactor = growth * discountFactor;

        var up = T.GreaterThanOrEqual(forward, strike);
        var lo = T.Select(up, strike, forward);
        var hi = T.Select(up, forward, strike);
        var q = hi / lo;
        var residual = T.FusedMultiplyAdd(-q, lo, hi);
        var absX = T.Log(q) + residual / hi;
        var a = absX / stdDev + half * stdDev;
        var m = a - stdDev;
        var mc = T.Min(T.Abs(m), T.Create(BlackScholesKernel.ExponentArgumentCap));
        var high = mc * mc;
        var low = T.FusedMultiplyAdd(mc, mc, -high);
        var e0 = T.Exp(T.Create(-0.5) * high);
        var expM = T.FusedMultiplyAdd(e0, T.Create(-0.5) * low, e0);
        var expA = expM * (lo / hi);
        var tailA = NormalTail.UpperTail(a, expA);
        var tailM = NormalTail.UpperTail(m, expM);
        var otm = T.Max(lo * tailM - hi * tailA, T.Zero);
        var series = T.GreaterThanOrEqual(a, T.Create(BlackScholesKernel.SeriesMinimumA))
                     & T.LessThanOrEqual(stdDev, T.Create(BlackScholesKernel.SeriesMaximumRatio) * a);

        var inTheMoney = ~(isCall ^ up);
        var price = discountFactor * T.Select(inTheMoney, (hi - lo) + otm, otm);

        var omega = T.Select(isCall, one, -one);
        var density1 = T.Select(up, expA, expM) * T.Create(StandardNormal.InvSqrtTwoPi);
        var n1 = T.Select(up, tailA, tailM);
        var n2 = T.Select(up, tailM, tailA);
        var cdf1 = T.Select(inTheMoney, one - n1, n1);
        var cdf2 = T.Select(inTheMoney, one - n2, n2);

        var delta = omega * carryFactor * cdf1;
        var gamma = carryFactor * density1 / (spot * stdDev);
        var vega = spot * carryFactor * density1 * sqrtTenor;
        var theta = -spot * carryFactor * density1 * sigma / (T.Create(2.0) * sqrtTenor)
                    - omega * (carry - rate) * spot * carryFactor * cdf1
                    - omega * rate * strike * discountFactor * cdf2;
        var carryRho = omega * tenor * spot * carryFactor * cdf1;
        var rhoCarryFixed = -tenor * price;
        var rho = rhoMovesCarry ? rhoCarryFixed + carryRho : rhoCarryFixed;

        T.Store(price, results.Price, i);
        T.Store(delta, results.Delta, i);
        T.Store(gamma, results.Gamma, i);
        T.Store(vega, results.Vega, i);
        T.Store(theta, results.Theta, i);
        T.Store(rho, results.Rho, i);
        T.Store(carryRho, results.CarryRho, i);
        return T.Bits(series);
    }

    /// <summary>
    /// <see cref="PriceBlock"/> restricted to the present value (same operations, so the same bits), written to
    /// <paramref name="prices"/>. Returns the series-lane mask as <see cref="PriceBlock"/> does.
    /// </summary>
    // Too large to inline into the loop: compiled fully optimised once per lane type instead of going through tiers.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int PresentValueBlock<T>(in BlackScholesBatchInputs inputs, Span<double> prices, int i)
        where T : struct, ILanes<T>
    {
        var strike = T.Load(inputs.Strike, i);
        var tenor = T.Load(inputs.TenorYears, i);
        var rate = T.Load(inputs.Rate, i);
        var isCall = T.LoadMask(inputs.IsCall, i);

        var half = T.Create(0.5);
        var stdDev = T.Load(inputs.Volatility, i) * T.Sqrt(tenor);
        var discountFactor = T.Exp(-rate * tenor);
        var forward = T.Load(inputs.Spot, i) * T.Exp(T.Load(inputs.CostOfCarry, i) * tenor);

        var up = T.GreaterThanOrEqual(forward, strike);
        var lo = T.Select(up, strike, forward);
        var hi = T.Select(up, forward, strike);
        var q = hi / lo;
        var residual = T.FusedMultiplyAdd(-q, lo, hi);
        var absX = T.Log(q) + residual / hi;
        var a = absX / stdDev + half * stdDev;
        var m = a - stdDev;
        var mc = T.Min(T.Abs(m), T.Create(BlackScholesKernel.ExponentArgumentCap));
        var high = mc * mc;
        var low = T.FusedMultiplyAdd(mc, mc, -high);
        var e0 = T.Exp(T.Create(-0.5) * high);
        var expM = T.FusedMultiplyAdd(e0, T.Create(-0.5) * low, e0);
        var expA = expM * (lo / hi);
        var tailA = NormalTail.UpperTail(a, expA);
        var tailM = NormalTail.UpperTail(m, expM);
        var otm = T.Max(lo * tailM - hi * tailA, T.Zero);
        var series = T.GreaterThanOrEqual(a, T.Create(BlackScholesKernel.SeriesMinimumA))
                     & T.LessThanOrEqual(stdDev, T.Create(BlackScholesKernel.SeriesMaximumRatio) * a);

        var inTheMoney = ~(isCall ^ up);
        var price = discountFactor * T.Select(inTheMoney, (hi - lo) + otm, otm);
        T.Store(price, prices, i);
        return T.Bits(series);
    }
}
