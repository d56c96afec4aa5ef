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
    /// series region (a ≥ 4 and σ√T ≤ a/4) or with a NaN a or Greek (extreme inputs the scalar pricer guards), whose outputs the
    /// caller must overwrite with the scalar pricer.
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
        var sqrtTenor = T.Sqrt(tenor);
        var stdDev = sigma * sqrtTenor;
        var growth = T.Exp(carry * tenor);
        var discountFactor = T.Exp(-rate * tenor);
        var forward = spot * growth;
        var carryFactor = growth * discountFactor;

        var c = new Core<T>(forward, strike, stdDev);
        var inTheMoney = ~(isCall ^ c.Up);
        var price = discountFactor * T.Select(inTheMoney, (c.Hi - c.Lo) + c.OutOfTheMoney, c.OutOfTheMoney);

        var omega = T.Select(isCall, one, -one);
        var d1 = T.Select(c.Up, c.A, -c.M);
        var d2 = d1 - stdDev;
        var density1 = T.Select(c.Up, c.ExpA, c.ExpM) * T.Create(StandardNormal.InvSqrtTwoPi);
        var n1 = T.Select(c.Up, c.TailA, c.TailM);
        var n2 = T.Select(c.Up, c.TailM, c.TailA);
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
        return T.Bits(c.Series) | T.Bits(NotANumber(gamma + vanna + volga + charm));
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
        var sqrtTenor = T.Sqrt(tenor);
        var stdDev = sigma * sqrtTenor;
        var growth = T.Exp(carry * tenor);
        var discountFactor = T.Exp(-rate * tenor);
        var forward = spot * growth;
        var carryFactor = growth * discountFactor;

        var c = new Core<T>(forward, strike, stdDev);
        var inTheMoney = ~(isCall ^ c.Up);
        var price = discountFactor * T.Select(inTheMoney, (c.Hi - c.Lo) + c.OutOfTheMoney, c.OutOfTheMoney);

        var omega = T.Select(isCall, one, -one);
        var density1 = T.Select(c.Up, c.ExpA, c.ExpM) * T.Create(StandardNormal.InvSqrtTwoPi);
        var n1 = T.Select(c.Up, c.TailA, c.TailM);
        var n2 = T.Select(c.Up, c.TailM, c.TailA);
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
        return T.Bits(c.Series) | T.Bits(NotANumber(gamma));
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

        var stdDev = T.Load(inputs.Volatility, i) * T.Sqrt(tenor);
        var discountFactor = T.Exp(-rate * tenor);
        var forward = T.Load(inputs.Spot, i) * T.Exp(T.Load(inputs.CostOfCarry, i) * tenor);

        var c = new Core<T>(forward, strike, stdDev);
        var inTheMoney = ~(isCall ^ c.Up);
        var price = discountFactor * T.Select(inTheMoney, (c.Hi - c.Lo) + c.OutOfTheMoney, c.OutOfTheMoney);
        T.Store(price, prices, i);
        return T.Bits(c.Series);
    }

    /// <summary>The lanes holding NaN (x ≥ x is false exactly there): where φ(d₁) underflowed against an infinite d₁ or 1/(S·σ√T),
    /// which the scalar pricer's guarded terms give as 0 (and a sum of Greeks is NaN if one is, or if +∞ meets −∞, which the scalar
    /// pricer then gives again), so those lanes are re-priced by it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T NotANumber<T>(T value) where T : struct, ILanes<T> => ~T.GreaterThanOrEqual(value, value);

    /// <summary>
    /// The shared part of every block, lane-wise as <c>BlackScholesKernel</c>'s scalar core: up = (F ≥ K), lo/hi =
    /// min/max(F, K), x = ln(hi/lo), a = |x|/s + s/2, m = a − s, e^{−m²/2} (exact split of m²), e^{−a²/2} =
    /// e^{−m²/2}·lo/hi, Q(a), Q(m), the undiscounted out-of-the-money value lo·Q(m) − hi·Q(a), and the mask of the
    /// lanes in the series region (a ≥ 4 and σ√T ≤ a/4), which the caller re-prices with the scalar pricer.
    /// </summary>
    private readonly struct Core<T> where T : struct, ILanes<T>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Core(T forward, T strike, T stdDev)
        {
            Up = T.GreaterThanOrEqual(forward, strike);
            Lo = T.Select(Up, strike, forward);
            Hi = T.Select(Up, forward, strike);
            var q = Hi / Lo;
            var residual = T.FusedMultiplyAdd(-q, Lo, Hi);
            var absX = T.Log(q) + residual / Hi;
            A = absX / stdDev + T.Create(0.5) * stdDev;
            M = A - stdDev;
            var mc = T.Min(T.Abs(M), T.Create(BlackScholesKernel.ExponentArgumentCap));
            var high = mc * mc;
            var low = T.FusedMultiplyAdd(mc, mc, -high);
            var e0 = T.Exp(T.Create(-0.5) * high);
            ExpM = T.FusedMultiplyAdd(e0, T.Create(-0.5) * low, e0);
            ExpA = ExpM * (Lo / Hi);
            TailA = NormalTail.UpperTail(A, ExpA);
            TailM = NormalTail.UpperTail(M, ExpM);
            OutOfTheMoney = T.Max(Lo * TailM - Hi * TailA, T.Zero);
            // Lanes with a NaN a go to the scalar pricer too: hi/lo overflowed (the forward underflowed, or F/K is beyond the
            // doubles), which its LogRatio takes apart (ln hi − ln lo), or x = 0 with σ√T = 0 (0/0); x ≥ x is false exactly for
            // NaN, and series ∨ ¬ordered = ¬(¬series ∧ ordered).
            var series = T.GreaterThanOrEqual(A, T.Create(BlackScholesKernel.SeriesMinimumA))
                         & T.LessThanOrEqual(stdDev, T.Create(BlackScholesKernel.SeriesMaximumRatio) * A);
            Series = ~(~series & T.GreaterThanOrEqual(A, A));
        }

        public T Up { get; }

        public T Lo { get; }

        public T Hi { get; }

        public T A { get; }

        public T M { get; }

        public T ExpA { get; }

        public T ExpM { get; }

        public T TailA { get; }

        public T TailM { get; }

        public T OutOfTheMoney { get; }

        public T Series { get; }
    }
}
