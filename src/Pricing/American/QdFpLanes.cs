using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Analytics.Pricing.Distributions;
using Analytics.Pricing.Simd;

namespace Analytics.Pricing.American;

/// <summary>
/// The vectorised inner loops of the fixed-point engine (<see cref="QdFpBoundary"/>, <see cref="QdFpPut"/>): Φ over SIMD
/// lanes (<see cref="NormalTail.UpperTail{T}"/>, Cody's rational approximations as <see cref="StandardNormal"/>, with
/// e^{−x²/2} from the exact split x² = h + l as the batch kernel does) and the interpolation matrix-vector product.
/// Results equal the scalar loops' up to the order of summation. Pure.
/// </summary>
internal static class QdFpLanes
{
    /// <summary>Whether the 256-bit paths run (AVX2 or equivalent).</summary>
    internal static bool Accelerated => Vector256.IsHardwareAccelerated;

    /// <summary>Σ_k wN_k·Φ(d₋,k) and Σ_k wD_k·Φ(d₋,k + v_k) with d₋,k = (√H_k − √H_node + drift_k)/v_k − v_k/2 (FP-B).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static (double N, double D) IntegralsB(
        ReadOnlySpan<double> weightN, ReadOnlySpan<double> weightD, ReadOnlySpan<double> stdDev, ReadOnlySpan<double> drift,
        ReadOnlySpan<double> rootH, double rootHNode)
    {
        int count = weightN.Length, k = 0;
        var sumN = Lanes256.Zero;
        var sumD = Lanes256.Zero;
        var node = Lanes256.Create(rootHNode);
        var half = Lanes256.Create(0.5);
        for (; k + Lanes256.Count <= count; k += Lanes256.Count)
        {
            var v = Lanes256.Load(stdDev, k);
            var dMinus = (Lanes256.Load(rootH, k) - node + Lanes256.Load(drift, k)) / v - half * v;
            sumN = Lanes256.FusedMultiplyAdd(Lanes256.Load(weightN, k), Cdf(dMinus), sumN);
            sumD = Lanes256.FusedMultiplyAdd(Lanes256.Load(weightD, k), Cdf(dMinus + v), sumD);
        }

        double n = Sum(sumN), d = Sum(sumD);
        for (; k < count; k++)
        {
            double v = stdDev[k];
            double dMinus = (rootH[k] - rootHNode + drift[k]) / v - 0.5 * v;
            n += weightN[k] * StandardNormal.Cdf(dMinus);
            d += weightD[k] * StandardNormal.Cdf(dMinus + v);
        }

        return (n, d);
    }

    /// <summary>
    /// The premium integral of a put and its first two spot derivatives (<see cref="QdFpPut"/>): Σ_k w_k·g_k with
    /// g = rK·e^{−rt}·Φ(−d₋) − qS·e^{−qt}·Φ(−d₊) at t_k = T·sin²ψ_k, d± = (ln(S/X) + √H_k + (r − q)t)/(σ√t) ± ½σ√t.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static (double Premium, double Delta, double Gamma) Premium(
        ReadOnlySpan<double> sine, ReadOnlySpan<double> weight, ReadOnlySpan<double> rootH, double spot, double strike,
        double rate, double dividendYield, double volatility, double tenorYears, double logSpotOverX)
    {
        int count = sine.Length, k = 0;
        double rootT = Math.Sqrt(tenorYears);
        var premium = Lanes256.Zero;
        var delta = Lanes256.Zero;
        var gamma = Lanes256.Zero;
        var t = Lanes256.Create(tenorYears);
        var sigmaRootT = Lanes256.Create(volatility * rootT);
        var logMoneyness = Lanes256.Create(logSpotOverX);
        var carry = Lanes256.Create(rate - dividendYield);
        var strikeRate = Lanes256.Create(rate * strike);
        var negativeRate = Lanes256.Create(-rate);
        var yield = Lanes256.Create(dividendYield);
        var negativeYield = Lanes256.Create(-dividendYield);
        var s = Lanes256.Create(spot);
        var one = Lanes256.One;
        var half = Lanes256.Create(0.5);
        var invSqrtTwoPi = Lanes256.Create(StandardNormal.InvSqrtTwoPi);
        for (; k + Lanes256.Count <= count; k += Lanes256.Count)
        {
            var sin = Lanes256.Load(sine, k);
            var time = t * sin * sin;
            var v = sigmaRootT * sin;
            var dMinus = (logMoneyness + Lanes256.Load(rootH, k) + carry * time) / v - half * v;
            var dPlus = dMinus + v;
            var eMinus = ExpMinusHalfSquare(dMinus);
            var ePlus = ExpMinusHalfSquare(dPlus);
            var strikeLeg = strikeRate * Lanes256.Exp(negativeRate * time);
            var spotLeg = yield * Lanes256.Exp(negativeYield * time);
            var densityMinus = invSqrtTwoPi * eMinus;
            var densityPlus = invSqrtTwoPi * ePlus;
            var tailPlus = NormalTail.UpperTail(dPlus, ePlus);
            var w = Lanes256.Load(weight, k);
            premium = Lanes256.FusedMultiplyAdd(w, strikeLeg * NormalTail.UpperTail(dMinus, eMinus) - spotLeg * s * tailPlus, premium);
            delta = Lanes256.FusedMultiplyAdd(w, spotLeg * densityPlus / v - strikeLeg * densityMinus / (s * v) - spotLeg * tailPlus, delta);
            gamma = Lanes256.FusedMultiplyAdd(
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void ScaledExp(Span<double> values, double rate, ReadOnlySpan<double> scale)
    {
        int k = 0;
        var r = Lanes256.Create(rate);
        for (; k + Lanes256.Count <= values.Length; k += Lanes256.Count)
        {
            Lanes256.Store(Lanes256.Load(scale, k) * Lanes256.Exp(r * Lanes256.Load(values, k)), values, k);
        }

        for (; k < values.Length; k++)
        {
            values[k] = scale[k] * Math.Exp(rate * values[k]);
        }
    }

    /// <summary>rootValues[r] = √max(0, Σ_j matrix[j·rows + r]·h[j]) (column-major, rows = rootValues.Length): one axpy per node.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Interpolate(ReadOnlySpan<double> matrix, ReadOnlySpan<double> h, Span<double> rootValues)
    {
        int rows = rootValues.Length;
        int vectorEnd = rows - rows % Lanes256.Count;
        rootValues.Clear();
        for (int j = 0; j < h.Length; j++)
        {
            var column = matrix.Slice(j * rows, rows);
            var weight = Lanes256.Create(h[j]);
            int row = 0;
            for (; row < vectorEnd; row += Lanes256.Count)
            {
                Lanes256.Store(Lanes256.FusedMultiplyAdd(Lanes256.Load(column, row), weight, Lanes256.Load(rootValues, row)), rootValues, row);
            }

            for (; row < rows; row++)
            {
                rootValues[row] += column[row] * h[j];
            }
        }

        int k = 0;
        for (; k < vectorEnd; k += Lanes256.Count)
        {
            Lanes256.Store(Lanes256.Sqrt(Lanes256.Max(Lanes256.Load(rootValues, k), Lanes256.Zero)), rootValues, k);
        }

        for (; k < rows; k++)
        {
            rootValues[k] = Math.Sqrt(Math.Max(0.0, rootValues[k]));
        }
    }

    /// <summary>Φ(x) lane-wise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Lanes256 Cdf(Lanes256 x) => NormalTail.UpperTail(-x, ExpMinusHalfSquare(x));

    /// <summary>e^{−x²/2} from the exact split x² = h + l, |x| capped at 40 (beyond it Φ is 0 or 1 anyway).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Lanes256 ExpMinusHalfSquare(Lanes256 x)
    {
        var capped = Lanes256.Min(Lanes256.Abs(x), Lanes256.Create(40.0));
        var high = capped * capped;
        var low = Lanes256.FusedMultiplyAdd(capped, capped, -high);
        var e0 = Lanes256.Exp(Lanes256.Create(-0.5) * high);
        return Lanes256.FusedMultiplyAdd(e0, Lanes256.Create(-0.5) * low, e0);
    }

    private static double Sum(Lanes256 lanes)
    {
        Span<double> values = stackalloc double[Lanes256.Count];
        Lanes256.Store(lanes, values, 0);
        double sum = 0.0;
        foreach (double value in values)
        {
            sum += value;
        }

        return sum;
    }
}
