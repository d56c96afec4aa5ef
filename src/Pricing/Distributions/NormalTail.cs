using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Analytics.Pricing.Distributions;

/// <summary>
/// The upper tail Q(t) = 1 − Φ(t) of the standard normal distribution from a precomputed e = exp(−t²/2), in a
/// scalar and a <see cref="Vector512{T}"/> form that give bit-identical results lane by lane. Same rational
/// approximations as <see cref="StandardNormal"/> (Cody, <i>Math. Comp.</i> 23, 1969; TOMS 715 ANORM), evaluated
/// by Horner's rule with fused multiply-adds; the caller supplies the exponential so that pricing formulas can
/// share one exp(−t²/2) between the density and both distribution values (K·φ(d₂) = F·φ(d₁)).
/// </summary>
/// <remarks>
/// Every operation of the scalar form is mirrored by the vector form in the same order (fused multiply-add,
/// IEEE division), so a batch kernel and the scalar pricer agree exactly. Pure and thread-safe.
/// </remarks>
internal static class NormalTail
{
    /// <summary>
    /// Q(t) = 1 − Φ(t) for finite t, given <paramref name="expMinusHalfSquare"/> = exp(−t²/2) to full
    /// relative accuracy (it is not used for |t| ≤ 0.66291). About 1e-15 relative accuracy in the upper tail.
    /// </summary>
    internal static double UpperTail(double t, double expMinusHalfSquare)
    {
        double y = Math.Abs(t);
        if (y <= StandardNormal.SmallArgument)
        {
            return 0.5 - t * SmallRational(t * t);
        }

        double tail = y <= StandardNormal.MiddleArgument
            ? MiddleRational(y) * expMinusHalfSquare
            : y >= StandardNormal.UnderflowArgument ? 0.0 : LargeRational(y) * expMinusHalfSquare;
        return t > 0.0 ? tail : 1.0 - tail;
    }

    /// <summary>Lane-wise <see cref="UpperTail(double, double)"/>, bit-identical to it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<double> UpperTail(Vector512<double> t, Vector512<double> expMinusHalfSquare)
    {
        Vector512<double> y = Vector512.Abs(t);
        Vector512<double> small = Vector512.LessThanOrEqual(y, Vector512.Create(StandardNormal.SmallArgument));
        Vector512<double> large = Vector512.GreaterThan(y, Vector512.Create(StandardNormal.MiddleArgument));

        Vector512<double> rational = MiddleRational(y);
        if (large != Vector512<double>.Zero)
        {
            rational = Vector512.ConditionalSelect(large, LargeRational(y), rational);
            Vector512<double> underflow = Vector512.GreaterThanOrEqual(y, Vector512.Create(StandardNormal.UnderflowArgument));
            rational = Vector512.ConditionalSelect(underflow, Vector512<double>.Zero, rational);
        }

        Vector512<double> tail = rational * expMinusHalfSquare;
        tail = Vector512.ConditionalSelect(Vector512.GreaterThan(t, Vector512<double>.Zero), tail, Vector512<double>.One - tail);
        if (small != Vector512<double>.Zero)
        {
            tail = Vector512.ConditionalSelect(small, Vector512.Create(0.5) - t * SmallRational(t * t), tail);
        }

        return tail;
    }

    /// <summary>A(z)/B(z) with z = x², so that Φ(x) − ½ = x·A/B for |x| ≤ 0.66291.</summary>
    private static double SmallRational(double z)
    {
        ReadOnlySpan<double> a = StandardNormal.A, b = StandardNormal.B;
        double numerator = Math.FusedMultiplyAdd(a[4], z, a[0]);
        double denominator = z + b[0];
        for (int i = 1; i < 4; i++)
        {
            numerator = Math.FusedMultiplyAdd(numerator, z, a[i]);
            denominator = Math.FusedMultiplyAdd(denominator, z, b[i]);
        }

        return numerator / denominator;
    }

    /// <summary>C(y)/D(y) = Q(y)·exp(y²/2) for 0.66291 &lt; y ≤ √32.</summary>
    private static double MiddleRational(double y)
    {
        ReadOnlySpan<double> c = StandardNormal.C, d = StandardNormal.D;
        double numerator = Math.FusedMultiplyAdd(c[8], y, c[0]);
        double denominator = y + d[0];
        for (int i = 1; i < 8; i++)
        {
            numerator = Math.FusedMultiplyAdd(numerator, y, c[i]);
            denominator = Math.FusedMultiplyAdd(denominator, y, d[i]);
        }

        return numerator / denominator;
    }

    /// <summary>(1/√(2π) − z·P(z)/Q(z))/y = Q(y)·exp(y²/2) with z = 1/y², for y &gt; √32.</summary>
    private static double LargeRational(double y)
    {
        ReadOnlySpan<double> p = StandardNormal.P, q = StandardNormal.Q;
        double z = 1.0 / (y * y);
        double numerator = Math.FusedMultiplyAdd(p[5], z, p[0]);
        double denominator = z + q[0];
        for (int i = 1; i < 5; i++)
        {
            numerator = Math.FusedMultiplyAdd(numerator, z, p[i]);
            denominator = Math.FusedMultiplyAdd(denominator, z, q[i]);
        }

        return (StandardNormal.InvSqrtTwoPi - z * numerator / denominator) / y;
    }

    private static Vector512<double> SmallRational(Vector512<double> z)
    {
        ReadOnlySpan<double> a = StandardNormal.A, b = StandardNormal.B;
        Vector512<double> numerator = Vector512.FusedMultiplyAdd(Vector512.Create(a[4]), z, Vector512.Create(a[0]));
        Vector512<double> denominator = z + Vector512.Create(b[0]);
        for (int i = 1; i < 4; i++)
        {
            numerator = Vector512.FusedMultiplyAdd(numerator, z, Vector512.Create(a[i]));
            denominator = Vector512.FusedMultiplyAdd(denominator, z, Vector512.Create(b[i]));
        }

        return numerator / denominator;
    }

    private static Vector512<double> MiddleRational(Vector512<double> y)
    {
        ReadOnlySpan<double> c = StandardNormal.C, d = StandardNormal.D;
        Vector512<double> numerator = Vector512.FusedMultiplyAdd(Vector512.Create(c[8]), y, Vector512.Create(c[0]));
        Vector512<double> denominator = y + Vector512.Create(d[0]);
        for (int i = 1; i < 8; i++)
        {
            numerator = Vector512.FusedMultiplyAdd(numerator, y, Vector512.Create(c[i]));
            denominator = Vector512.FusedMultiplyAdd(denominator, y, Vector512.Create(d[i]));
        }

        return numerator / denominator;
    }

    private static Vector512<double> LargeRational(Vector512<double> y)
    {
        ReadOnlySpan<double> p = StandardNormal.P, q = StandardNormal.Q;
        Vector512<double> z = Vector512<double>.One / (y * y);
        Vector512<double> numerator = Vector512.FusedMultiplyAdd(Vector512.Create(p[5]), z, Vector512.Create(p[0]));
        Vector512<double> denominator = z + Vector512.Create(q[0]);
        for (int i = 1; i < 5; i++)
        {
            numerator = Vector512.FusedMultiplyAdd(numerator, z, Vector512.Create(p[i]));
            denominator = Vector512.FusedMultiplyAdd(denominator, z, Vector512.Create(q[i]));
        }

        return (Vector512.Create(StandardNormal.InvSqrtTwoPi) - z * numerator / denominator) / y;
    }
}
