using Analytics.Pricing.Distributions;

namespace Analytics.Pricing.ImpliedVol;

internal static partial class LetsBeRational
{
    /// <summary>2π/√27, the constant of the lower transformation f_l (Jäckel 2015, eq. (4.5)).</summary>
    private const double TwoPiOverSqrt27 = 1.2091995761561452337;

    private const double Sqrt3 = 1.7320508075688772935;
    private const double OneOverSqrt3 = 0.57735026918962576451;
    private const double SqrtPiOverTwo = 1.2533141373155002512;

    /// <summary>Which objective the Householder iteration uses after the initial guess (Jäckel 2015, §6).</summary>
    private enum Objective
    {
        /// <summary>g(s) = 1/ln b(s) − 1/ln β, for the lowest branch β &lt; b_l.</summary>
        LogInverse,

        /// <summary>g(s) = b(s) − β, for the two middle branches and the lower half of the upper one.</summary>
        Plain,

        /// <summary>g(s) = ln(b_max − β) − ln(b_max − b(s)), for β &gt; max(b_h, b_max/2).</summary>
        LogUpper,
    }

    /// <summary>Initial guess, bracket and objective for the iteration.</summary>
    private readonly record struct Guess(double Vol, double Left, double Right, Objective Objective);

    /// <summary>
    /// Jäckel's four-branch initial guess (2015, §4–5). With s_c = √(2|x|) the inflection point of b(s),
    /// s_l = s_c − b_c/v_c and s_h = s_c + (b_max − b_c)/v_c the tangent intercepts at s_c:
    /// β &lt; b_l: rational cubic in the lower map f_l(β) = (2π/√27)|x|·Φ(−|x|/(√3 s))³, inverted in closed form;
    /// b_l ≤ β &lt; b_c and b_c ≤ β ≤ b_h: rational cubic interpolation of s(β) itself, matching slopes 1/v and
    /// the zero curvature at s_c; β &gt; b_h: rational cubic in the upper map f_u(β) = Φ(−s/2), inverted in closed form.
    /// Each interpolant matches value, slope and curvature where it joins its neighbour (eqs. (5.1)–(5.8)).
    /// </summary>
    private static Guess InitialGuess(double beta, double x, double bMax)
    {
        double sC = Math.Sqrt(Math.Abs(2.0 * x));
        double bC = NormalisedBlack.AtInflection(x, sC, bMax, out double vC);

        if (beta < bC)
        {
            double sL = sC - bC / vC;
            double bL = NormalisedBlack.OutOfTheMoneyCall(x, sL, bMax, out double vL);
            if (beta < bL)
            {
                LowerMap(x, sL, out double fL, out double dfL, out double d2fL);
                double r = RationalCubic.ConvexControlParameterForRightSecondDerivative(0.0, bL, 0.0, fL, 1.0, dfL, d2fL, true);
                double f = RationalCubic.Interpolate(beta, 0.0, bL, 0.0, fL, 1.0, dfL, r);
                if (!(f > 0.0))
                {
                    // Round-off for extreme |x|: the quadratic through f(0) = 0, f'(0) = 1 and f(b_l).
                    double ratio = beta / bL;
                    f = (fL * ratio + bL * (1.0 - ratio)) * ratio;
                }

                return new Guess(InverseLowerMap(x, f), DoubleLimits.MinNormal, sL, Objective.LogInverse);
            }

            double rLm = RationalCubic.ConvexControlParameterForRightSecondDerivative(bL, bC, sL, sC, 1.0 / vL, 1.0 / vC, 0.0, false);
            double sLm = RationalCubic.Interpolate(beta, bL, bC, sL, sC, 1.0 / vL, 1.0 / vC, rLm);
            return new Guess(sLm, sL, sC, Objective.Plain);
        }

        double sH = vC > DoubleLimits.MinNormal ? sC + (bMax - bC) / vC : sC;
        double bH = NormalisedBlack.OutOfTheMoneyCall(x, sH, bMax, out double vH);
        if (beta <= bH)
        {
            double rHm = RationalCubic.ConvexControlParameterForLeftSecondDerivative(bC, bH, sC, sH, 1.0 / vC, 1.0 / vH, 0.0, false);
            double sHm = RationalCubic.Interpolate(beta, bC, bH, sC, sH, 1.0 / vC, 1.0 / vH, rHm);
            return new Guess(sHm, sC, sH, Objective.Plain);
        }

        UpperMap(x, sH, out double fH, out double dfH, out double d2fH);
        double fU = double.NaN;
        if (d2fH > -DoubleLimits.SqrtMaxValue && d2fH < DoubleLimits.SqrtMaxValue)
        {
            double rHh = RationalCubic.ConvexControlParameterForLeftSecondDerivative(bH, bMax, fH, 0.0, dfH, -0.5, d2fH, true);
            fU = RationalCubic.Interpolate(beta, bH, bMax, fH, 0.0, dfH, -0.5, rHh);
        }

        if (!(fU > 0.0))
        {
            // The quadratic through f(b_h), f(b_max) = 0 and f'(b_max) = −1/2.
            double width = bMax - bH;
            double ratio = (beta - bH) / width;
            fU = (fH * (1.0 - ratio) + 0.5 * width * ratio) * (1.0 - ratio);
        }

        double sU = -2.0 * NormalQuantile.InverseCdf(fU);
        // Jäckel iterates on ln(b_max − b) only above b_max/2; below it the plain objective is better conditioned.
        var objective = beta > 0.5 * bMax ? Objective.LogUpper : Objective.Plain;
        return new Guess(sU, sH, double.MaxValue, objective);
    }

    /// <summary>
    /// f_l(s) = (2π/√27)·|x|·Φ(−z)³ with z = |x|/(√3 s), and its first two derivatives with respect to β = b(x, s)
    /// (Jäckel 2015, eqs. (4.5)–(4.7)); verified against finite differences in 40-digit arithmetic.
    /// </summary>
    private static void LowerMap(double x, double s, out double f, out double df, out double d2f)
    {
        double ax = Math.Abs(x);
        double z = OneOverSqrt3 * ax / s;
        double y = z * z;
        double s2 = s * s;
        double cdf = StandardNormal.Cdf(-z);
        double pdf = StandardNormal.Pdf(z);
        d2f = Math.PI / 6.0 * y / (s2 * s) * cdf
            * (8.0 * Sqrt3 * s * ax + (3.0 * s2 * (s2 - 8.0) - 8.0 * x * x) * cdf / pdf)
            * Exponential.Exp(2.0 * y + 0.25 * s2);
        if (s < DoubleLimits.MinNormal)
        {
            df = 1.0;
            f = 0.0;
            return;
        }

        double cdf2 = cdf * cdf;
        df = 2.0 * Math.PI * y * cdf2 * Exponential.Exp(y + 0.125 * s2);
        f = ax < DoubleLimits.MinNormal ? 0.0 : TwoPiOverSqrt27 * ax * (cdf2 * cdf);
    }

    /// <summary>s = |x|/(√3·|Φ⁻¹((f/((2π/√27)|x|))^{1/3})|), the inverse of f_l (Jäckel 2015, eq. (4.8)).</summary>
    private static double InverseLowerMap(double x, double f)
    {
        if (f < DoubleLimits.MinNormal)
        {
            return 0.0;
        }

        double quantile = NormalQuantile.InverseCdf(Math.Cbrt(f / (TwoPiOverSqrt27 * Math.Abs(x))));
        return Math.Abs(x / (Sqrt3 * quantile));
    }

    /// <summary>
    /// f_u(s) = Φ(−s/2) and its first two derivatives with respect to β: f' = −½·e^{x²/(2s²)},
    /// f'' = √(π/2)·(x²/s³)·e^{x²/s² + s²/8} (Jäckel 2015, eqs. (4.9)–(4.11)).
    /// </summary>
    private static void UpperMap(double x, double s, out double f, out double df, out double d2f)
    {
        f = StandardNormal.Cdf(-0.5 * s);
        if (Math.Abs(x) < DoubleLimits.MinNormal)
        {
            df = -0.5;
            d2f = 0.0;
            return;
        }

        double w = (x / s) * (x / s);
        df = -0.5 * Exponential.Exp(0.5 * w);
        d2f = SqrtPiOverTwo * Exponential.Exp(w + 0.125 * s * s) * w / s;
    }
}
