namespace Analytics.Pricing.Distributions;

// Ours, not MathNet Normal.CDF (erfc in x/√2: fewer tail digits, see below; slower): bench/RESULTS.md, "Scalar price + Greeks".
/// <summary>
/// The standard normal distribution N(0, 1): density φ, distribution function Φ and its complement
/// 1 − Φ, accurate to about 1e-15 <b>relative</b> error over the whole double range, tails included
/// (Φ(−37) ≈ 5.7e-300 keeps all its digits).
/// </summary>
/// <remarks>
/// Φ uses W. J. Cody's near-minimax rational Chebyshev approximations, "Rational Chebyshev
/// approximations for the error function", <i>Math. Comp.</i> 23 (1969) 631–637, in the form of
/// Cody's ANORM routine (ACM TOMS Algorithm 715, "SPECFUN", 1993), which approximates Φ directly in x
/// (not erfc in x/√2, whose argument rounding would cost x²·ε relative accuracy in the tails).
/// exp(−x²/2) is evaluated from the exact split x² = h + l (h = fl(x²), l by a fused multiply-add) as
/// exp(−h/2)·(1 − l/2), one exponential with the relative accuracy of Cody's x₀ = ⌊16x⌋/16 splitting.
/// Below x = −38.5 Φ underflows to 0; between −37.5 and −38.5 results are subnormal and carry fewer digits. Pure, allocation-free, thread-safe.
/// </remarks>
public static class StandardNormal
{
    /// <summary>1/√(2π).</summary>
    internal const double InvSqrtTwoPi = 0.39894228040143267794;

    /// <summary>√(2π).</summary>
    private const double SqrtTwoPi = 2.5066282746310005024;

    /// <summary>Cody's THRSH: the argument where Φ = 0.75; below it Φ − ½ is approximated directly.</summary>
    internal const double SmallArgument = 0.66291;

    /// <summary>Cody's ROOT32 = √32, the end of the second interval.</summary>
    internal const double MiddleArgument = 5.656854248;

    /// <summary>Beyond this |x| the tail Φ(−|x|) is below the smallest subnormal double.</summary>
    internal const double UnderflowArgument = 38.5;

    // Cody (1993) ANORM coefficients, first interval |x| <= 0.66291: Φ(x) = ½ + x·A(x²)/B(x²).
    internal static ReadOnlySpan<double> A =>
    [
        2.2352520354606839287e00, 1.6102823106855587881e02, 1.0676894854603709582e03,
        1.8154981253343561249e04, 6.5682337918207449113e-2,
    ];

    internal static ReadOnlySpan<double> B =>
    [
        4.7202581904688241870e01, 9.7609855173777669322e02, 1.0260932208618978205e04,
        4.5507789335026729956e04,
    ];

    // Second interval 0.66291 < |x| <= √32: Q(|x|) = exp(−x²/2)·C(|x|)/D(|x|).
    internal static ReadOnlySpan<double> C =>
    [
        3.9894151208813466764e-1, 8.8831497943883759412e00, 9.3506656132177855979e01,
        5.9727027639480026226e02, 2.4945375852903726711e03, 6.8481904505362823326e03,
        1.1602651437647350124e04, 9.8427148383839780218e03, 1.0765576773720192317e-8,
    ];

    internal static ReadOnlySpan<double> D =>
    [
        2.2266688044328115691e01, 2.3538790178262499861e02, 1.5193775994075548050e03,
        6.4855582982667607550e03, 1.8615571640885098091e04, 3.4900952721145977266e04,
        3.8912003286093271411e04, 1.9685429676859990727e04,
    ];

    // Third interval |x| > √32: Q(|x|) = exp(−x²/2)·(1/√(2π) − z·P(z)/Q(z))/|x| with z = 1/x².
    internal static ReadOnlySpan<double> P =>
    [
        2.1589853405795699e-1, 1.274011611602473639e-1, 2.2235277870649807e-2,
        1.421619193227893466e-3, 2.9112874951168792e-5, 2.307344176494017303e-2,
    ];

    internal static ReadOnlySpan<double> Q =>
    [
        1.28426009614491121e00, 4.68238212480865118e-1, 6.59881378689285515e-2,
        3.78239633202758244e-3, 7.29751555083966205e-5,
    ];

    /// <summary>
    /// Density φ(x) = exp(−x²/2)/√(2π) of the standard normal distribution (A&amp;S 26.2.1),
    /// with full relative accuracy wherever the result is a normal double (|x| ≲ 37.5).
    /// </summary>
    /// <param name="x">Argument in standard deviations; NaN gives NaN, ±∞ gives 0.</param>
    /// <returns>φ(x) ≥ 0 (dimensionless density).</returns>
    public static double Pdf(double x) => InvSqrtTwoPi * ExpMinusHalfSquare(x);

    /// <summary>
    /// Distribution function Φ(x) = P(Z ≤ x) (A&amp;S 26.2.2) by Cody's rational Chebyshev
    /// approximations (Math. Comp. 23, 1969; TOMS 715 ANORM), about 1e-15 relative accuracy for all x,
    /// including the lower tail down to Φ(−37.5) ≈ 4.6e-308.
    /// </summary>
    /// <param name="x">Argument in standard deviations; NaN gives NaN, −∞ gives 0, +∞ gives 1.</param>
    /// <returns>Φ(x) in [0, 1].</returns>
    public static double Cdf(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        if (Math.Abs(x) <= SmallArgument)
        {
            return 0.5 + x * SmallRational(x * x);
        }

        return x < 0.0 ? UpperTail(-x) : 1.0 - UpperTail(x);
    }

    /// <summary>
    /// Complementary distribution function 1 − Φ(x) = Φ(−x) = P(Z &gt; x) (A&amp;S 26.2.3, Q(x)),
    /// computed directly (never as 1 − Φ) so the upper tail keeps about 1e-15 relative accuracy,
    /// e.g. Q(37) ≈ 5.7e-300.
    /// </summary>
    /// <param name="x">Argument in standard deviations; NaN gives NaN, −∞ gives 1, +∞ gives 0.</param>
    /// <returns>1 − Φ(x) in [0, 1].</returns>
    public static double ComplementaryCdf(double x) => double.IsNaN(x) ? double.NaN : Cdf(-x);

    /// <summary>
    /// Mills ratio M(y) = Q(y)/φ(y) = (1 − Φ(y))/φ(y) for y ≥ 0, computed without forming
    /// exp(−y²/2), so it stays accurate where Q and φ underflow. M(0) = √(π/2), M(y) ~ 1/y.
    /// </summary>
    internal static double MillsRatio(double y)
    {
        if (y <= SmallArgument)
        {
            return (0.5 - y * SmallRational(y * y)) / Pdf(y);
        }

        if (y <= MiddleArgument)
        {
            return SqrtTwoPi * MiddleRational(y);
        }

        return double.IsPositiveInfinity(y) ? 0.0 : SqrtTwoPi * LargeRational(y);
    }

    /// <summary>exp(−x²/2) with full relative accuracy (Cody's argument splitting).</summary>
    internal static double ExpMinusHalfSquare(double x)
    {
        double y = Math.Abs(x);
        if (double.IsPositiveInfinity(y))
        {
            return 0.0;
        }

        // y² = high + low exactly (FMA); exp(−high/2) has an exact argument and exp(−low/2) = 1 − low/2 to
        // far below rounding, so one exponential gives full relative accuracy.
        double high = y * y;
        double low = Math.FusedMultiplyAdd(y, y, -high);
        double value = Exponential.Exp(-0.5 * high);
        return Math.FusedMultiplyAdd(value, -0.5 * low, value);
    }

    /// <summary>Q(y) = 1 − Φ(y) for y &gt; 0.66291.</summary>
    private static double UpperTail(double y)
    {
        if (y <= MiddleArgument)
        {
            return MiddleRational(y) * ExpMinusHalfSquare(y);
        }

        return y >= UnderflowArgument ? 0.0 : LargeRational(y) * ExpMinusHalfSquare(y);
    }

    /// <summary>A(z)/B(z) with z = x², so that Φ(x) − ½ = x·A/B for |x| ≤ 0.66291.</summary>
    private static double SmallRational(double z)
    {
        double numerator = A[4] * z;
        double denominator = z;
        for (int i = 0; i < 3; i++)
        {
            numerator = (numerator + A[i]) * z;
            denominator = (denominator + B[i]) * z;
        }

        return (numerator + A[3]) / (denominator + B[3]);
    }

    /// <summary>C(y)/D(y) = Q(y)·exp(y²/2) for 0.66291 &lt; y ≤ √32.</summary>
    private static double MiddleRational(double y)
    {
        double numerator = C[8] * y;
        double denominator = y;
        for (int i = 0; i < 7; i++)
        {
            numerator = (numerator + C[i]) * y;
            denominator = (denominator + D[i]) * y;
        }

        return (numerator + C[7]) / (denominator + D[7]);
    }

    /// <summary>(1/√(2π) − z·P(z)/Q(z))/y = Q(y)·exp(y²/2) with z = 1/y², for y &gt; √32.</summary>
    private static double LargeRational(double y)
    {
        double z = 1.0 / (y * y);
        double numerator = P[5] * z;
        double denominator = z;
        for (int i = 0; i < 4; i++)
        {
            numerator = (numerator + P[i]) * z;
            denominator = (denominator + Q[i]) * z;
        }

        double correction = z * (numerator + P[4]) / (denominator + Q[4]);
        return (InvSqrtTwoPi - correction) / y;
    }
}
