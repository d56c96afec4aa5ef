using System.Runtime.CompilerServices;
using Analytics.Pricing.Distributions;

namespace Analytics.Pricing.Black;

/// <summary>
/// The scalar core of the generalised Black-Scholes-Merton price and Greeks (Haug, <i>The Complete Guide to
/// Option Pricing Formulas</i>, 2nd ed. 2007, §1.1.6 and ch. 2). The SIMD batch kernel
/// (<c>Analytics.Pricing.Batch.BlackScholesBatch</c>) mirrors it operation by operation; the two differ only in
/// the exponential and logarithm (<see cref="Exponential.Exp"/>, Tang's table method within 0.502 ulp, and <c>Math.Log</c> here, the lane-wise vector
/// routines there, within 2–3 ulp of each other).
/// </summary>
/// <remarks>
/// Cost: one logarithm and three exponentials (e^{bT}, e^{−rT}, e^{−m²/2}) per option instead of a
/// dozen exponentials and three logarithms. With x = ln(F/K),
/// s = σ√T, a = |x|/s + s/2 and m = a − s, the out-of-the-money option of the pair is lo·Q(m) − hi·Q(a)
/// (lo = min(F, K), hi = max(F, K), Q = 1 − Φ); both tails share one exponential through
/// exp(−a²/2) = exp(−m²/2)·e^{−|x|} = exp(−m²/2)·lo/hi (the identity K·φ(d₂) = F·φ(d₁)), and exp(−m²/2) is formed from the exact
/// split m² = h + l as exp(−h/2)·(1 − l/2). Where the difference lo·Q(m) − hi·Q(a) would cancel (a ≥ 4 and
/// s ≤ a/4) the positive series of <see cref="BlackScholesMerton"/> is used instead. In-the-money options are
/// intrinsic plus the out-of-the-money option (put-call symmetry).
/// </remarks>
internal static class BlackScholesKernel
{
    /// <summary>Smallest a = −d₂ (of the out-of-the-money option) for which the series branch is used.</summary>
    internal const double SeriesMinimumA = 4.0;

    /// <summary>Largest σ√T/a for which the series branch is used.</summary>
    internal const double SeriesMaximumRatio = 0.25;

    /// <summary>|m| is capped here before squaring: exp(−40²/2) is already 0 in double.</summary>
    internal const double ExponentArgumentCap = 40.0;

    /// <summary>
    /// ln(numerator/denominator) for 0 ≤ denominator ≤ numerator, numerator &gt; 0, with relative accuracy near 1 too: the rounded
    /// quotient q and its exact residual r = numerator − q·denominator (fused multiply-add) give
    /// ln(q) + ln(1 + r/(q·denominator)) = ln(q) + r/numerator to second order in r, which is below rounding.
    /// Where the quotient overflows (a forward of 1e-300 against a strike of 1e12, or one that underflowed to 0 under a large
    /// q·T) it is ln(numerator) − ln(max(denominator, 2⁻¹⁰⁷⁴)), finite: a denominator of 0 stands for one below the smallest
    /// double, which moves no price or Greek by more than that smallest double.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double LogRatio(double numerator, double denominator)
    {
        double q = numerator / denominator;
        if (q > double.MaxValue) return Math.Log(numerator) - Math.Log(Math.Max(denominator, double.Epsilon));
        double r = Math.FusedMultiplyAdd(-q, denominator, numerator);
        return Math.Log(q) + r / numerator;
    }

    /// <summary>
    /// Growth factor e^{bT} and discount factor DF = e^{−rT}: every scalar entry point (pricer, American engines,
    /// implied vol) forms the forward S·e^{bT} here, so prices and implied vols round-trip exactly.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void GrowthAndDiscount(double tenor, double rate, double carry, out double growth, out double discountFactor)
    {
        growth = Exponential.Exp(carry * tenor);
        discountFactor = Exponential.Exp(-rate * tenor);
    }

    /// <summary>Price, forward, discount factor and all nine Greeks (formulas in <see cref="BlackVanillaOptionPricer"/>).</summary>
    internal static BlackVanillaOptionResult Evaluate(
        double spot, double strike, double tenor, double sigma, double rate, double carry, bool isCall, bool rhoMovesCarry)
    {
        var f = new FirstOrder(spot, strike, tenor, sigma, rate, carry, isCall, rhoMovesCarry);
        double d1 = f.Core.Up ? f.Core.A : -f.Core.M;
        double d2 = d1 - f.StdDev;
        double vanna = DensityTerm(-f.CarryFactor * f.Density1 * d2 / sigma);
        double volga = DensityTerm(f.Vega * d1 * d2 / sigma);
        double charm = -f.CarryFactor * (DensityTerm(f.Density1 * (carry / f.StdDev - d2 / (2.0 * tenor))) + f.Omega * (carry - rate) * f.Cdf1);

        var greeks = new Greeks(f.Delta, f.Gamma, f.Vega, f.Theta, f.Rho, f.CarryRho, vanna, volga, charm);
        return new BlackVanillaOptionResult(f.Price, f.Forward, f.DiscountFactor, greeks);
    }

    /// <summary>
    /// Price, forward, discount factor and the first-order Greeks (delta, gamma, vega, theta, rho, carry rho): the
    /// operations of <see cref="Evaluate"/> without the second-order terms (one <see cref="FirstOrder"/> serves both),
    /// so every output equals the corresponding output of <see cref="Evaluate"/> bit for bit.
    /// </summary>
    internal static BlackVanillaFirstOrderResult EvaluateFirstOrder(
        double spot, double strike, double tenor, double sigma, double rate, double carry, bool isCall, bool rhoMovesCarry)
    {
        var f = new FirstOrder(spot, strike, tenor, sigma, rate, carry, isCall, rhoMovesCarry);
        return new BlackVanillaFirstOrderResult(f.Price, f.Forward, f.DiscountFactor, f.Delta, f.Gamma, f.Vega, f.Theta, f.Rho, f.CarryRho);
    }

    /// <summary>
    /// A term carrying the density φ(d₁) (gamma, vanna, volga, charm's first term): 0 where IEEE arithmetic makes it NaN. That
    /// happens only where σ√T is so small against |ln(F/K)| that φ(d₁) underflows to 0 while d₁, d₂ or 1/(S·σ√T) overflow
    /// (σ = 1e-198 over T = 1e-73: the option is at its σ → 0 limit, where these Greeks are 0), or, exactly at the money
    /// forward with σ√T = 0, where b/σ√T is 0/0 for b = 0. Elsewhere the term is unchanged, bit for bit (the batch kernel
    /// hands every lane with a NaN to this pricer).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double DensityTerm(double value) => double.IsNaN(value) ? 0.0 : value;

    /// <summary>Present value only, equal bit for bit to the price of <see cref="Evaluate"/>.</summary>
    internal static double PresentValue(
        double spot, double strike, double tenor, double stdDev, double rate, double carry, bool isCall)
    {
        GrowthAndDiscount(tenor, rate, carry, out double growth, out double discountFactor);
        return discountFactor * UndiscountedPrice(spot * growth, strike, stdDev, isCall);
    }

    /// <summary>Undiscounted Black value for forward F, strike K and s = σ√T &gt; 0 (trusted).</summary>
    internal static double UndiscountedPrice(double forward, double strike, double stdDev, bool isCall)
    {
        var c = new Core(forward, strike, stdDev);
        return isCall == c.Up ? (c.Hi - c.Lo) + c.OutOfTheMoney : c.OutOfTheMoney;
    }

    /// <summary>
    /// Undiscounted value of the out-of-the-money option of the pair, lo·Q(m) − hi·Q(a), or the positive series
    /// hi·φ(a)·I(a, s) where that difference would cancel.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double OutOfTheMoney(double lo, double hi, double a, double stdDev, double qa, double qm, double ea)
    {
        if (IsSeriesRegion(a, stdDev))
        {
            return ea == 0.0 ? 0.0 : hi * (ea * StandardNormal.InvSqrtTwoPi) * PositiveSeries(a, stdDev);
        }

        return Math.Max(lo * qm - hi * qa, 0.0);
    }

    /// <summary>Whether the out-of-the-money value is taken from the series (a ≥ 4 and σ√T ≤ a/4).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsSeriesRegion(double a, double stdDev) => a >= SeriesMinimumA && stdDev <= SeriesMaximumRatio * a;

    /// <summary>
    /// I(a, s) = ∫₀^∞ (e^{su} − 1)·e^{−au−u²/2} du = Σ_{k≥1} s^k/k!·J_k(a) for a ≥ 4, s ≤ a/4, with
    /// J_k(a) = ∫₀^∞ u^k e^{−au−u²/2} du from Miller's backward recurrence J_{k−1} = (J_{k+1} + a·J_k)/k
    /// normalised by the Mills ratio J₀. All terms are positive; term k is at most (s/a)^k/a.
    /// </summary>
    private static double PositiveSeries(double a, double s)
    {
        const int millerExtraSteps = 40;
        double ratio = s / a;
        int terms = 1 + (int)Math.Ceiling(-39.2 / Math.Log(ratio)); // ratio^terms < 1e-17
        terms = Math.Clamp(terms, 2, 30);
        int top = terms + millerExtraSteps;

        Span<double> j = stackalloc double[top + 2];
        j[top + 1] = 0.0;
        j[top] = 1.0;
        for (int k = top; k >= 1; k--)
        {
            // J_{k+1} = k·J_{k−1} − a·J_k, run downwards where it is stable (Miller's algorithm).
            j[k - 1] = (j[k + 1] + a * j[k]) / k;
        }

        double scale = StandardNormal.MillsRatio(a) / j[0];
        double sum = 0.0;
        double power = 1.0;
        for (int k = 1; k <= terms; k++)
        {
            power *= s / k;
            sum += power * (j[k] * scale);
        }

        return sum;
    }

    /// <summary>
    /// Price, forward, discount factor and first-order Greeks of one option, with the terms the second-order Greeks
    /// reuse (the core, s = σ√T, A = e^{(b−r)T}, ω, φ(d₁), Φ(ωd₁)).
    /// </summary>
    private readonly struct FirstOrder
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public FirstOrder(double spot, double strike, double tenor, double sigma, double rate, double carry, bool isCall, bool rhoMovesCarry)
        {
            double sqrtTenor = Math.Sqrt(tenor);
            StdDev = sigma * sqrtTenor;
            GrowthAndDiscount(tenor, rate, carry, out double growth, out double discountFactor);
            DiscountFactor = discountFactor;
            Forward = spot * growth;
            CarryFactor = growth * discountFactor; // A = e^{(b−r)T}
            Core = new Core(Forward, strike, StdDev);
            bool inTheMoney = isCall == Core.Up;
            Price = discountFactor * (inTheMoney ? (Core.Hi - Core.Lo) + Core.OutOfTheMoney : Core.OutOfTheMoney);

            Omega = isCall ? 1.0 : -1.0;
            Density1 = (Core.Up ? Core.ExpA : Core.ExpM) * StandardNormal.InvSqrtTwoPi;
            double n1 = Core.Up ? Core.TailA : Core.TailM;
            double n2 = Core.Up ? Core.TailM : Core.TailA;
            Cdf1 = inTheMoney ? 1.0 - n1 : n1; // Φ(ωd₁)
            double cdf2 = inTheMoney ? 1.0 - n2 : n2; // Φ(ωd₂)

            Delta = Omega * CarryFactor * Cdf1;
            Gamma = DensityTerm(CarryFactor * Density1 / (spot * StdDev));
            Vega = spot * CarryFactor * Density1 * sqrtTenor;
            Theta = -spot * CarryFactor * Density1 * sigma / (2.0 * sqrtTenor)
                    - Omega * (carry - rate) * spot * CarryFactor * Cdf1
                    - Omega * rate * strike * discountFactor * cdf2;
            CarryRho = Omega * tenor * spot * CarryFactor * Cdf1;
            double rhoCarryFixed = -tenor * Price;
            Rho = rhoMovesCarry ? rhoCarryFixed + CarryRho : rhoCarryFixed;
        }

        public Core Core { get; }

        public double StdDev { get; }

        public double Forward { get; }

        public double DiscountFactor { get; }

        public double CarryFactor { get; }

        public double Omega { get; }

        public double Density1 { get; }

        public double Cdf1 { get; }

        public double Price { get; }

        public double Delta { get; }

        public double Gamma { get; }

        public double Vega { get; }

        public double Theta { get; }

        public double Rho { get; }

        public double CarryRho { get; }
    }

    /// <summary>
    /// The shared part of price and Greeks for forward F, strike K and s = σ√T: up = (x = ln(F/K) ≥ 0),
    /// lo/hi = min/max(F, K), a = |x|/s + s/2, m = a − s, e^{−a²/2}, e^{−m²/2}, Q(a), Q(m) and the undiscounted
    /// out-of-the-money value.
    /// </summary>
    private readonly struct Core
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Core(double forward, double strike, double stdDev)
        {
            Up = forward >= strike;
            Lo = Up ? strike : forward;
            Hi = Up ? forward : strike;
            double absX = LogRatio(Hi, Lo);
            // At the money forward (x = 0) a = s/2 (d₁ → 0 as σ√T → 0), also where s underflows to 0 and x/s would be 0/0.
            A = absX == 0.0 ? 0.5 * stdDev : absX / stdDev + 0.5 * stdDev;
            M = A - stdDev;
            double mc = Math.Min(Math.Abs(M), ExponentArgumentCap);
            double high = mc * mc;
            double low = Math.FusedMultiplyAdd(mc, mc, -high);
            double e0 = Exponential.Exp(-0.5 * high);
            ExpM = Math.FusedMultiplyAdd(e0, -0.5 * low, e0);
            ExpA = ExpM * (Lo / Hi); // e^{−|x|} = lo/hi, one correctly rounded division instead of an exponential
            TailA = NormalTail.UpperTail(A, ExpA);
            TailM = NormalTail.UpperTail(M, ExpM);
            OutOfTheMoney = BlackScholesKernel.OutOfTheMoney(Lo, Hi, A, stdDev, TailA, TailM, ExpA);
        }

        public bool Up { get; }

        public double Lo { get; }

        public double Hi { get; }

        public double A { get; }

        public double M { get; }

        public double ExpA { get; }

        public double ExpM { get; }

        public double TailA { get; }

        public double TailM { get; }

        public double OutOfTheMoney { get; }
    }
}
