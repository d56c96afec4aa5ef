using Analytics.Pricing.Distributions;

namespace Analytics.Pricing.ImpliedVol;

/// <summary>
/// The normalised Black call b(x, s) = Φ(x/s + s/2)·e^{x/2} − Φ(x/s − s/2)·e^{−x/2} of Jäckel,
/// "Let's Be Rational", <i>Wilmott</i> 2015 (revised 2016), §2, eq. (2.3), with x = ln(F/K) and s = σ√T: the
/// undiscounted Black call divided by √(F·K). A put is b(−x, s) (eq. (2.4)), and b rises from the normalised
/// intrinsic value (e^{x/2} − e^{−x/2})⁺ at s = 0 to e^{x/2} as s → ∞.
/// </summary>
/// <remarks>
/// For x ≤ 0 the function is evaluated in Jäckel's four regions (§3, "Let's Be Rational" 2016 revision), written
/// with h = x/s and t = s/2 as b = e^{−(h²+t²)/2}/√(2π)·[Y(h+t) − Y(h−t)], Y(z) = Φ(z)/φ(z):
/// (1) h + t &lt; −10 + τ: the asymptotic series of Y (A&amp;S 26.2.12), differenced without cancellation;
/// (2) t &lt; τ = 2·ε^{1/16} ≈ 0.21: the Taylor series of Y(h+t) − Y(h−t) in t (eq. (3.5)), with Y' = 1 + hY;
/// (3) h + t &gt; 0.85: the direct formula, whose two terms no longer nearly cancel (both Φ from the shared
/// exponential, see <see cref="OutOfTheMoneyCall"/>);
/// (4) otherwise: vega·Y from the Mills ratio (Cody's rational approximations) or Cody's central Φ scaled by
/// e^{±x/2}, without a further exponential, i.e. the erfcx form of eq. (3.6). Every branch keeps close to full
/// relative accuracy down to the smallest normal double.
/// x &gt; 0 uses b(x, s) = (e^{x/2} − e^{−x/2}) + b(−x, s). Pure and allocation-free.
/// </remarks>
internal static class NormalisedBlack
{
    /// <summary>1/√(2π).</summary>
    internal const double InvSqrtTwoPi = 0.39894228040143267794;

    /// <summary>√(2π).</summary>
    private const double SqrtTwoPi = 2.5066282746310005024;

    /// <summary>Cody's split point: for |z| ≤ 0.66291 Φ(z) is a rational function without exponential.</summary>
    private const double CentralArgument = 0.66291;

    /// <summary>η: below h = −10 the asymptotic series of Y(h ± t) converges to machine precision.</summary>
    private const double AsymptoticThreshold = -10.0;

    /// <summary>τ = 2·ε^{1/16}: below t = τ the twelfth-order small-t expansion is exact to machine precision.</summary>
    private const double SmallTThreshold = 0.21022410381342863;

    /// <summary>Above h + t = 0.85 the direct difference of the two Φ terms loses at most a few bits.</summary>
    private const double DirectThreshold = 0.85;

    /// <summary>Maximum number of terms of the asymptotic series (never reached: terms shrink below ε first).</summary>
    private const int MaximumAsymptoticTerms = 40;

    /// <summary>Normalised call b(x, s) for any real x and s ≥ 0.</summary>
    internal static double Call(double x, double s) => Call(x, s, out _);

    /// <summary>
    /// Normalised call b(x, s) and its vega ∂b/∂s, which in regions 1, 2 and 4 is the common prefactor
    /// e^{−(h²+t²)/2}/√(2π), so the pair costs one exponential (plus e^{−|x|/2}).
    /// </summary>
    internal static double Call(double x, double s, out double vega)
    {
        double intrinsic = 0.0;
        if (x > 0.0)
        {
            intrinsic = Intrinsic(x); // b(x, s) = intrinsic + b(−x, s); vega is even in x.
            x = -x;
        }

        return intrinsic + OutOfTheMoneyCall(x, s, Exponential.Exp(0.5 * x), out vega);
    }

    /// <summary>
    /// b(x, s) and its vega for x ≤ 0 (the out-of-the-money call), given <paramref name="bMax"/> = e^{x/2}, its upper
    /// bound, which Let's Be Rational computes once per inversion. In region 4 the scaled terms vega·Y(h ± t) are
    /// formed without a further exponential: φ(h ± t) = vega·e^{∓x/2} (since (h ± t)²/2 = (h² + t²)/2 ± x/2), so
    /// vega·Y(h + t) = Φ(h + t)·b_max and vega·Y(h − t) = Φ(h − t)/b_max, with Φ from Cody's central rational
    /// function (|z| ≤ 0.66291), from the Mills ratio M (vega·M(−z) for z &lt; −0.66291), or as b_max − vega·M(z).
    /// </summary>
    internal static double OutOfTheMoneyCall(double x, double s, double bMax, out double vega)
    {
        if (s <= -x * DoubleLimits.MinNormal || s <= 0.0)
        {
            vega = Vega(x, s);
            return 0.0; // Below the horizon of normal doubles.
        }

        double inverseS = 1.0 / s;
        double h = x * inverseS;
        double t = 0.5 * s;
        vega = InvSqrtTwoPi * Exponential.Exp(-0.5 * (h * h + t * t));
        double b;
        if (h < AsymptoticThreshold && h + t < AsymptoticThreshold + SmallTThreshold)
        {
            b = vega * AsymptoticDifference(h, t);
        }
        else if (t < SmallTThreshold)
        {
            b = vega * SmallTDifference(h, t);
        }
        else if (h + t > DirectThreshold)
        {
            // Both tails from the shared exponential, e^{−(h±t)²/2} = √(2π)·vega·e^{∓x/2}, without a further exponential.
            // The product carries the rounding of vega's argument, (h² + t²)/2·ε relatively, but only into
            // Q(h + t) ≤ 0.2 and into Φ(h − t) ≤ e^{−(h−t)²/2}, both small next to b ≈ Φ(h + t)·b_max where that
            // argument is large, so b keeps close to full relative accuracy.
            double scaledVega = SqrtTwoPi * vega;
            double upper = 1.0 - NormalTail.UpperTail(h + t, scaledVega / bMax);
            double lower = NormalTail.UpperTail(t - h, scaledVega * bMax);
            b = upper * bMax - lower / bMax;
        }
        else
        {
            b = ScaledTerm(h + t, vega, bMax) - ScaledTerm(h - t, vega, 1.0 / bMax);
        }

        return Math.Max(b, 0.0);
    }

    /// <summary>
    /// b(x, s_c) and its vega at Let's Be Rational's inflection point s_c = √(2|x|) (x ≤ 0, Jäckel 2015, §4), where
    /// h + t = 0: there vega = e^{x/2}/√(2π) = b_max/√(2π) exactly and b = ½·b_max − vega·Y(−s_c), so outside
    /// region 2 the pair needs neither an exponential nor Φ(0). Equal to <see cref="OutOfTheMoneyCall"/> at s_c up to
    /// the rounding of s_c.
    /// </summary>
    internal static double AtInflection(double x, double sC, double bMax, out double vega)
    {
        if (0.5 * sC < SmallTThreshold)
        {
            return OutOfTheMoneyCall(x, sC, bMax, out vega);
        }

        vega = InvSqrtTwoPi * bMax;
        return Math.Max(0.5 * bMax - ScaledTerm(-sC, vega, 1.0 / bMax), 0.0);
    }

    /// <summary>
    /// Region 4: vega·Y(z) = Φ(z)·vega/φ(z) for z = h ± t ≤ 0.85, where vega/φ(z) = <paramref name="growth"/>
    /// (e^{x/2} for z = h + t, e^{−x/2} for z = h − t); no exponential is evaluated.
    /// </summary>
    private static double ScaledTerm(double z, double vega, double growth)
    {
        if (z < -CentralArgument)
        {
            return vega * StandardNormal.MillsRatio(-z);
        }

        return z <= CentralArgument
            ? StandardNormal.Cdf(z) * growth
            : growth - vega * StandardNormal.MillsRatio(z);
    }

    /// <summary>Normalised vega ∂b/∂s = e^{−(x²/s² + s²/4)/2}/√(2π) (Jäckel 2015, eq. (2.6)).</summary>
    internal static double Vega(double x, double s)
    {
        if (x == 0.0)
        {
            return InvSqrtTwoPi * Exponential.Exp(-0.125 * s * s);
        }

        if (s <= Math.Abs(x) * DoubleLimits.SqrtMinNormal)
        {
            return 0.0;
        }

        double h = x / s;
        double t = 0.5 * s;
        return InvSqrtTwoPi * Exponential.Exp(-0.5 * (h * h + t * t));
    }

    /// <summary>Normalised intrinsic value of a call, e^{x/2} − e^{−x/2} = 2·sinh(x/2), for x &gt; 0.</summary>
    internal static double Intrinsic(double x) => 2.0 * Math.Sinh(0.5 * x);

    /// <summary>
    /// Y(z) = Φ(z)/φ(z) = √(π/2)·erfcx(−z/√2): the Mills ratio M(−z) (Cody's rational functions, no exponential)
    /// for z &lt; −0.66291; Φ(z)·√(2π)·e^{z²/2} with Cody's central rational Φ for |z| ≤ 0.66291; and
    /// √(2π)·e^{z²/2} − M(z) above, where the two terms do not nearly cancel. Used by region 2 (z = h ≤ 0).
    /// </summary>
    private static double ScaledCdf(double z)
    {
        if (z < -CentralArgument)
        {
            return StandardNormal.MillsRatio(-z);
        }

        double inverseDensity = SqrtTwoPi * Exponential.Exp(0.5 * z * z);
        return z <= CentralArgument
            ? StandardNormal.Cdf(z) * inverseDensity
            : inverseDensity - StandardNormal.MillsRatio(z);
    }

    /// <summary>
    /// Region 1: Y(z) ~ −Σ_k (−1)^k (2k−1)!!·z^{−(2k+1)} (A&amp;S 26.2.12), so with u = 1/(h+t), v = 1/(h−t) and
    /// u − v = −2t/r, r = (h+t)(h−t): Y(h+t) − Y(h−t) = (2t/r)·Σ_k (−1)^k (2k−1)!!·S_k, where
    /// S_k = Σ_{j=0}^{2k} u^j v^{2k−j} = (u^{2k+1} − v^{2k+1})/(u − v) is a sum of terms of one sign, built by the
    /// recurrence P_n = u·P_{n−1} + v^n. This is the content of Jäckel's expansion in q = (h/r)², e = (t/h)² (§3).
    /// </summary>
    private static double AsymptoticDifference(double h, double t)
    {
        double u = 1.0 / (h + t);
        double v = 1.0 / (h - t);
        double r = (h + t) * (h - t);

        double power = 1.0;      // P_n for the current n, P_0 = 1
        double vPower = 1.0;     // v^n
        double doubleFactorial = 1.0;
        double sum = 1.0;        // k = 0 term: S_0 = 1
        for (int k = 1; k <= MaximumAsymptoticTerms; k++)
        {
            // Two steps of P_n = u·P_{n−1} + v^n take P_{2k−2} to P_{2k}.
            vPower *= v;
            power = u * power + vPower;
            vPower *= v;
            power = u * power + vPower;
            doubleFactorial *= 2 * k - 1;
            double term = doubleFactorial * power;
            sum += (k & 1) == 0 ? term : -term;
            if (term <= 0.5 * DoubleLimits.Epsilon * Math.Abs(sum))
            {
                break;
            }
        }

        return 2.0 * t / r * sum;
    }

    /// <summary>
    /// Region 2: Y(h+t) − Y(h−t) = 2·Σ_{k≥0} Y^{(2k+1)}(h)·t^{2k+1}/(2k+1)! with Y^{(2k+1)} = A_k(h²) + a·B_k(h²),
    /// a = 1 + h·Y(h) &gt; 0 (Jäckel 2015, eq. (3.5), here to order t¹⁵).
    /// </summary>
    private static double SmallTDifference(double h, double t)
    {
        double a = 1.0 + h * ScaledCdf(h);
        double h2 = h * h;
        double w = t * t;

        // c_k = Y^{(2k+1)}(h)/(2k+1)! = (A_k(h²) + a·B_k(h²))/(2k+1)!, A_k and B_k with integer coefficients
        // generated from Y' = 1 + hY (Y^{(n+1)} = p_n' + q_n + (q_n' + h·q_n)·Y for Y^{(n)} = p_n + q_n·Y).
        double c1 = (-1.0 + a * (3.0 + h2)) * (1.0 / 6.0);
        double c2 = (-7.0 - h2 + a * (15.0 + h2 * (10.0 + h2))) * (1.0 / 120.0);
        double c3 = (-57.0 + h2 * (-18.0 - h2) + a * (105.0 + h2 * (105.0 + h2 * (21.0 + h2)))) * (1.0 / 5040.0);
        double c4 = (-561.0 + h2 * (-285.0 + h2 * (-33.0 - h2))
            + a * (945.0 + h2 * (1260.0 + h2 * (378.0 + h2 * (36.0 + h2))))) * (1.0 / 362880.0);
        double c5 = (-6555.0 + h2 * (-4680.0 + h2 * (-840.0 + h2 * (-52.0 - h2)))
            + a * (10395.0 + h2 * (17325.0 + h2 * (6930.0 + h2 * (990.0 + h2 * (55.0 + h2)))))) * (1.0 / 39916800.0);
        double c6 = (-89055.0 + h2 * (-82845.0 + h2 * (-20370.0 + h2 * (-1926.0 + h2 * (-75.0 - h2))))
            + a * (135135.0 + h2 * (270270.0 + h2 * (135135.0 + h2 * (25740.0 + h2 * (2145.0 + h2 * (78.0 + h2))))))) * (1.0 / 6227020800.0);
        double c7 = (-1381905.0 + h2 * (-1595790.0 + h2 * (-501795.0 + h2 * (-64260.0 + h2 * (-3795.0 + h2 * (-102.0 - h2)))))
            + a * (2027025.0 + h2 * (4729725.0 + h2 * (2837835.0 + h2 * (675675.0 + h2 * (75075.0 + h2 * (4095.0 + h2 * (105.0 + h2)))))))) * (1.0 / 1307674368000.0);
        // Σ c_k w^k by Estrin's scheme (pairs, then w², w⁴) rather than Horner's: the same terms, a shorter chain of
        // dependent multiply-adds after the c_k (which are independent of each other).
        double w2 = w * w;
        double w4 = w2 * w2;
        double c12 = Math.FusedMultiplyAdd(w, c2, c1);
        double c34 = Math.FusedMultiplyAdd(w, c4, c3);
        double c567 = Math.FusedMultiplyAdd(w2, c7, Math.FusedMultiplyAdd(w, c6, c5));
        double series = Math.FusedMultiplyAdd(w4, c567, Math.FusedMultiplyAdd(w2, c34, c12));
        double sum = Math.FusedMultiplyAdd(w, series, a);

        return 2.0 * t * sum;
    }
}
