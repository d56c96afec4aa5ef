using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Analytics.Pricing.Distributions;
using Analytics.Pricing.Simd;

namespace Analytics.Pricing.American;

/// <summary>
/// The vectorised inner loops of the fixed-point engine (<see cref="QdFpBoundary"/>, <see cref="QdFpPut"/>): Φ over SIMD
/// lanes (<see cref="QdFpNormalLanes"/>, Cody's rational approximations as <see cref="StandardNormal"/>, with
/// e^{−x²/2} from the exact split x² = h + l as the batch kernel does), the node update and the interpolation
/// matrix-vector product.
/// Each loop is written once over <see cref="ILanes{TSelf}"/> and runs on 512-bit lanes (<see cref="Lanes512"/>) where
/// AVX-512 is accelerated, else on 256-bit lanes (<see cref="Lanes256"/>). Results equal the scalar loops' up to the
/// order of summation. Pure.
/// </summary>
internal static class QdFpLanes
{
    /// <summary>Whether the vector paths run (AVX2 or equivalent; AVX-512 when available).</summary>
    internal static bool Accelerated => Vector256.IsHardwareAccelerated;

    /// <summary>Whether the 512-bit lanes run.</summary>
    private static bool Wide => Vector512.IsHardwareAccelerated;

    /// <summary>
    /// The FP-B integrands of every quadrature point of every node: with d₋ = (√H_k − √H_node(k))/v_k + offset_k,
    /// <paramref name="nodeRootH"/>[k] (√H of point k's node) becomes wN_k·Φ(d₋) and <paramref name="rootH"/>[k] becomes
    /// wD_k·Φ(d₋ + v_k), in place; with <paramref name="complementD"/>, wD_k·Φ(−d₋ − v_k) (see <see cref="NodeColumns.YieldGrowth"/>).
    /// </summary>
    internal static void IntegrandsB(
        ReadOnlySpan<double> weightN, ReadOnlySpan<double> weightD, ReadOnlySpan<double> stdDev, ReadOnlySpan<double> inverseStdDev,
        ReadOnlySpan<double> offset, Span<double> rootH, Span<double> nodeRootH, bool complementD)
    {
        if (Wide)
        {
            IntegrandsB<Lanes512>(weightN, weightD, stdDev, inverseStdDev, offset, rootH, nodeRootH, complementD);
        }
        else
        {
            IntegrandsB<Lanes256>(weightN, weightD, stdDev, inverseStdDev, offset, rootH, nodeRootH, complementD);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void IntegrandsB<T>(
        ReadOnlySpan<double> weightN, ReadOnlySpan<double> weightD, ReadOnlySpan<double> stdDev, ReadOnlySpan<double> inverseStdDev,
        ReadOnlySpan<double> offset, Span<double> rootH, Span<double> nodeRootH, bool complementD) where T : struct, ILanes<T>
    {
        int count = weightN.Length, k = 0;
        var sign = T.Create(complementD ? -1.0 : 1.0);
        for (; k + T.Count <= count; k += T.Count)
        {
            var dMinus = T.FusedMultiplyAdd(T.Load(rootH, k) - T.Load(nodeRootH, k), T.Load(inverseStdDev, k), T.Load(offset, k));
            T.Store(T.Load(weightN, k) * QdFpNormalLanes.Cdf(dMinus), nodeRootH, k);
            T.Store(T.Load(weightD, k) * QdFpNormalLanes.Cdf(sign * (dMinus + T.Load(stdDev, k))), rootH, k);
        }

        double scalarSign = complementD ? -1.0 : 1.0;
        for (; k < count; k++)
        {
            double dMinus = (rootH[k] - nodeRootH[k]) * inverseStdDev[k] + offset[k];
            nodeRootH[k] = weightN[k] * StandardNormal.Cdf(dMinus);
            rootH[k] = weightD[k] * StandardNormal.Cdf(scalarSign * (dMinus + stdDev[k]));
        }
    }

    /// <summary>
    /// Per-node columns of a fixed-point step: σ√τ, K·e^{−(r−q)τ}, (r − q)τ, √H, the two integrals and, when D is taken in
    /// its complement form, e^{qτ}.
    /// </summary>
    /// <remarks>
    /// The complement form (q &lt; 0): since q∫₀^τ e^{qu} du = e^{qτ} − 1, the denominator D = Φ(d₊) + q∫₀^τ e^{qu}Φ(d₊(τ − u)) du
    /// equals e^{qτ} − Φ(−d₊) − q∫₀^τ e^{qu}Φ(−d₊(τ − u)) du. For q &lt; 0 at long tenors the first form is a difference of
    /// terms of order one that leaves e^{qτ} (e^{−15} for q = −50 %, τ = 30), so the quadrature's error swamped it and the
    /// boundary collapsed (a 30-year put at r = 5 %, q = −50 %, σ = 20 % priced at its European value, 3e-13, against
    /// QuantLib's 1.38); every term of the second form is of the size of the result.
    /// </remarks>
    internal readonly ref struct NodeColumns(
        ReadOnlySpan<double> stdDev, ReadOnlySpan<double> scale, ReadOnlySpan<double> drift, ReadOnlySpan<double> rootH,
        ReadOnlySpan<double> integralN, ReadOnlySpan<double> integralD, ReadOnlySpan<double> yieldGrowth)
    {
        internal readonly ReadOnlySpan<double> StdDev = stdDev;
        internal readonly ReadOnlySpan<double> Scale = scale;
        internal readonly ReadOnlySpan<double> Drift = drift;
        internal readonly ReadOnlySpan<double> RootH = rootH;
        internal readonly ReadOnlySpan<double> IntegralN = integralN;
        internal readonly ReadOnlySpan<double> IntegralD = integralD;

        /// <summary>e^{qτ} per node when D is in its complement form (the integral then over Φ(−d₊)); empty otherwise.</summary>
        internal readonly ReadOnlySpan<double> YieldGrowth = yieldGrowth;
    }

    /// <summary>
    /// The FP-B update of every node, over lanes of nodes: f = K·e^{−(r−q)τ}·(Φ(d₋) + N)/(Φ(d₊) + D) with
    /// d± = (ln(B/K) + (r − q)τ)/(σ√τ) ± ½σ√τ, B = X·e^{−√H}; on the Jacobi-Newton step b − (f − b)/(f′ − 1) instead
    /// (f where that is not a positive number); then H = ln(y/X)², or <paramref name="maximumH"/> where y is not above
    /// <paramref name="floor"/> or not finite (the scalar <c>QdFpBoundary.StepB</c> and its caller, lane by lane).
    /// </summary>
    internal static void UpdateB(
        in NodeColumns nodes, double logXOverK, double xMax, double floor, double maximumH, bool newton, Span<double> next)
    {
        if (Wide)
        {
            UpdateB<Lanes512>(nodes, logXOverK, xMax, floor, maximumH, newton, next);
        }
        else
        {
            UpdateB<Lanes256>(nodes, logXOverK, xMax, floor, maximumH, newton, next);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void UpdateB<T>(
        in NodeColumns nodes, double logXOverK, double xMax, double floor, double maximumH, bool newton, Span<double> next)
        where T : struct, ILanes<T>
    {
        int count = next.Length, i = 0;
        bool complement = !nodes.YieldGrowth.IsEmpty;
        var logX = T.Create(logXOverK);
        var x = T.Create(xMax);
        var half = T.Create(0.5);
        var invSqrtTwoPi = T.Create(StandardNormal.InvSqrtTwoPi);
        var lowest = T.Create(floor);
        var largest = T.Create(double.MaxValue);
        var maxH = T.Create(maximumH);
        for (; i + T.Count <= count; i += T.Count)
        {
            var v = T.Load(nodes.StdDev, i);
            var rootH = T.Load(nodes.RootH, i);
            var scale = T.Load(nodes.Scale, i);
            var dMinus = (logX - rootH + T.Load(nodes.Drift, i)) / v - half * v;
            var dPlus = dMinus + v;
            var eMinus = QdFpNormalLanes.ExpMinusHalfSquare(dMinus);
            var ePlus = QdFpNormalLanes.ExpMinusHalfSquare(dPlus);
            var numerator = NormalTail.UpperTail(-dMinus, eMinus) + T.Load(nodes.IntegralN, i);
            var denominator = complement
                ? T.Load(nodes.YieldGrowth, i) - NormalTail.UpperTail(dPlus, ePlus) - T.Load(nodes.IntegralD, i)
                : NormalTail.UpperTail(-dPlus, ePlus) + T.Load(nodes.IntegralD, i);
            var y = scale * numerator / denominator;
            if (newton)
            {
                var b = x * T.Exp(-rootH);
                var bv = b * v;
                var fPrime = scale * (invSqrtTwoPi * eMinus / bv / denominator
                                      - invSqrtTwoPi * ePlus / bv * numerator / (denominator * denominator));
                var step = b - (y - b) / (fPrime - T.One);
                y = T.Select(T.GreaterThan(step, T.Zero) & T.LessThanOrEqual(step, largest), step, y);
            }

            var logRatio = T.Log(y / x);
            var h = T.Select(T.GreaterThan(y, lowest) & T.LessThanOrEqual(y, largest), logRatio * logRatio, maxH);
            T.Store(h, next, i);
        }

        for (; i < count; i++)
        {
            double v = nodes.StdDev[i], rootH = nodes.RootH[i], scale = nodes.Scale[i];
            double dMinus = (logXOverK - rootH + nodes.Drift[i]) / v - 0.5 * v;
            double dPlus = dMinus + v;
            double numerator = StandardNormal.Cdf(dMinus) + nodes.IntegralN[i];
            double denominator = complement
                ? nodes.YieldGrowth[i] - StandardNormal.Cdf(-dPlus) - nodes.IntegralD[i]
                : StandardNormal.Cdf(dPlus) + nodes.IntegralD[i];
            double y = scale * numerator / denominator;
            if (newton)
            {
                double b = xMax * Math.Exp(-rootH);
                double fPrime = scale * (StandardNormal.Pdf(dMinus) / (b * v) / denominator
                                         - StandardNormal.Pdf(dPlus) / (b * v) * numerator / (denominator * denominator));
                double step = b - (y - b) / (fPrime - 1.0);
                y = step > 0.0 && step <= double.MaxValue ? step : y;
            }

            double logRatio = Math.Log(y / xMax);
            next[i] = y > floor && y <= double.MaxValue ? logRatio * logRatio : maximumH;
        }
    }

    /// <summary>
    /// The premium integral of a put and its first two spot derivatives (<see cref="QdFpPut"/>): Σ_k w_k·g_k with
    /// g = rK·e^{−rt}·Φ(−d₋) − qS·e^{−qt}·Φ(−d₊) at t_k = T·sin²ψ_k, d± = (ln(S/X) + √H_k + (r − q)t)/(σ√t) ± ½σ√t.
    /// </summary>
    internal static (double Premium, double Delta, double Gamma) Premium(
        ReadOnlySpan<double> sine, ReadOnlySpan<double> weight, ReadOnlySpan<double> rootH, double spot, double strike,
        double rate, double dividendYield, double volatility, double tenorYears, double logSpotOverX) =>
        Wide
            ? Premium<Lanes512>(sine, weight, rootH, spot, strike, rate, dividendYield, volatility, tenorYears, logSpotOverX)
            : Premium<Lanes256>(sine, weight, rootH, spot, strike, rate, dividendYield, volatility, tenorYears, logSpotOverX);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (double Premium, double Delta, double Gamma) Premium<T>(
        ReadOnlySpan<double> sine, ReadOnlySpan<double> weight, ReadOnlySpan<double> rootH, double spot, double strike,
        double rate, double dividendYield, double volatility, double tenorYears, double logSpotOverX) where T : struct, ILanes<T>
    {
        int count = sine.Length, k = 0;
        double rootT = Math.Sqrt(tenorYears);
        var premium = T.Zero;
        var delta = T.Zero;
        var gamma = T.Zero;
        var t = T.Create(tenorYears);
        var sigmaRootT = T.Create(volatility * rootT);
        var logMoneyness = T.Create(logSpotOverX);
        var carry = T.Create(rate - dividendYield);
        var strikeRate = T.Create(rate * strike);
        var negativeRate = T.Create(-rate);
        var yield = T.Create(dividendYield);
        var negativeYield = T.Create(-dividendYield);
        var s = T.Create(spot);
        var one = T.One;
        var half = T.Create(0.5);
        var invSqrtTwoPi = T.Create(StandardNormal.InvSqrtTwoPi);
        for (; k + T.Count <= count; k += T.Count)
        {
            var sin = T.Load(sine, k);
            var time = t * sin * sin;
            var v = sigmaRootT * sin;
            var dMinus = (logMoneyness + T.Load(rootH, k) + carry * time) / v - half * v;
            var dPlus = dMinus + v;
            var eMinus = QdFpNormalLanes.ExpMinusHalfSquare(dMinus);
            var ePlus = QdFpNormalLanes.ExpMinusHalfSquare(dPlus);
            var strikeLeg = strikeRate * T.Exp(negativeRate * time);
            var spotLeg = yield * T.Exp(negativeYield * time);
            var densityMinus = invSqrtTwoPi * eMinus;
            var densityPlus = invSqrtTwoPi * ePlus;
            var tailPlus = NormalTail.UpperTail(dPlus, ePlus);
            var w = T.Load(weight, k);
            premium = T.FusedMultiplyAdd(w, strikeLeg * NormalTail.UpperTail(dMinus, eMinus) - spotLeg * s * tailPlus, premium);
            delta = T.FusedMultiplyAdd(w, spotLeg * densityPlus / v - strikeLeg * densityMinus / (s * v) - spotLeg * tailPlus, delta);
            gamma = T.FusedMultiplyAdd(
                w,
                strikeLeg * densityMinus / (s * s * v) * (dMinus / v + one) + spotLeg * densityPlus / (s * v) - spotLeg * dPlus * densityPlus / (s * v * v),
                gamma);
        }

        double p = Sum(premium), d = Sum(delta), g = Sum(gamma);
        for (; k < count; k++)
        {
            double sin = sine[k];
            double time = tenorYears * sin * sin;
            double v = volatility * rootT * sin;
            double dMinus = (logSpotOverX + rootH[k] + (rate - dividendYield) * time) / v - 0.5 * v;
            double dPlus = dMinus + v;
            double strikeLeg = rate * strike * Math.Exp(-rate * time);
            double spotLeg = dividendYield * Math.Exp(-dividendYield * time);
            double densityMinus = StandardNormal.Pdf(dMinus), densityPlus = StandardNormal.Pdf(dPlus);
            double tailPlus = StandardNormal.Cdf(-dPlus);
            double w = weight[k];
            p += w * (strikeLeg * StandardNormal.Cdf(-dMinus) - spotLeg * spot * tailPlus);
            d += w * (spotLeg * densityPlus / v - strikeLeg * densityMinus / (spot * v) - spotLeg * tailPlus);
            g += w * (strikeLeg * densityMinus / (spot * spot * v) * (dMinus / v + 1.0) + spotLeg * densityPlus / (spot * v)
                      - spotLeg * dPlus * densityPlus / (spot * v * v));
        }

        return (tenorYears * p, tenorYears * d, tenorYears * g);
    }

    /// <summary>values[k] = scale·e^{rate·values[k]} in place (the fixed-point weights' discount factors).</summary>
    internal static void ScaledExp(Span<double> values, double rate, ReadOnlySpan<double> scale)
    {
        if (Wide)
        {
            ScaledExp<Lanes512>(values, rate, scale);
        }
        else
        {
            ScaledExp<Lanes256>(values, rate, scale);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ScaledExp<T>(Span<double> values, double rate, ReadOnlySpan<double> scale) where T : struct, ILanes<T>
    {
        int k = 0;
        var r = T.Create(rate);
        for (; k + T.Count <= values.Length; k += T.Count)
        {
            T.Store(T.Load(scale, k) * T.Exp(r * T.Load(values, k)), values, k);
        }

        for (; k < values.Length; k++)
        {
            values[k] = scale[k] * Math.Exp(rate * values[k]);
        }
    }

    /// <summary>rootValues[r] = √max(0, Σ_j matrix[j·rows + r]·h[j]) (column-major, rows = rootValues.Length): one axpy per node.</summary>
    internal static void Interpolate(ReadOnlySpan<double> matrix, ReadOnlySpan<double> h, Span<double> rootValues)
    {
        if (Wide)
        {
            Interpolate<Lanes512>(matrix, h, rootValues);
        }
        else
        {
            Interpolate<Lanes256>(matrix, h, rootValues);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Interpolate<T>(ReadOnlySpan<double> matrix, ReadOnlySpan<double> h, Span<double> rootValues) where T : struct, ILanes<T>
    {
        int rows = rootValues.Length;
        int vectorEnd = rows - rows % T.Count;
        rootValues.Clear();
        for (int j = 0; j < h.Length; j++)
        {
            var column = matrix.Slice(j * rows, rows);
            var weight = T.Create(h[j]);
            int row = 0;
            for (; row < vectorEnd; row += T.Count)
            {
                T.Store(T.FusedMultiplyAdd(T.Load(column, row), weight, T.Load(rootValues, row)), rootValues, row);
            }

            for (; row < rows; row++)
            {
                rootValues[row] += column[row] * h[j];
            }
        }

        int k = 0;
        for (; k < vectorEnd; k += T.Count)
        {
            T.Store(T.Sqrt(T.Max(T.Load(rootValues, k), T.Zero)), rootValues, k);
        }

        for (; k < rows; k++)
        {
            rootValues[k] = Math.Sqrt(Math.Max(0.0, rootValues[k]));
        }
    }

    private static double Sum<T>(T lanes) where T : struct, ILanes<T>
    {
        Span<double> values = stackalloc double[T.Count];
        T.Store(lanes, values, 0);
        double sum = 0.0;
        foreach (double value in values)
        {
            sum += value;
        }

        return sum;
    }
}
