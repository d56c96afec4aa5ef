namespace Analytics.Pricing.ImpliedVol;

/// <summary>
/// Shape-preserving rational cubic Hermite interpolation of Delbourgo and Gregory,
/// "Shape preserving piecewise rational interpolation", <i>SIAM J. Sci. Stat. Comput.</i> 6 (1985) 967–976,
/// as used by Jäckel, "Let's Be Rational" (<i>Wilmott</i> 2015, §5, eqs. (5.1)–(5.8)) for the initial guess
/// of the implied volatility. On [x_l, x_r] with values y_l, y_r, slopes d_l, d_r and control parameter
/// r &gt; −1 the interpolant is (eq. (2.4)/(2.5) of Delbourgo–Gregory, t = (x − x_l)/h, h = x_r − x_l)
/// <c>[y_r t³ + (r y_r − h d_r) t²(1−t) + (r y_l + h d_l) t(1−t)² + y_l (1−t)³] / [1 + (r − 3) t(1−t)]</c>;
/// r = 3 is the cubic Hermite spline and r → ∞ the straight line.
/// </summary>
internal static class RationalCubic
{
    /// <summary>Smallest admissible control parameter, −(1 − √ε): the denominator stays positive.</summary>
    private static readonly double MinimumControlParameter = -(1.0 - Math.Sqrt(DoubleLimits.Epsilon));

    /// <summary>Control parameter beyond which the interpolant is evaluated as the straight line, 2/ε².</summary>
    private const double MaximumControlParameter = 2.0 / (DoubleLimits.Epsilon * DoubleLimits.Epsilon);

    /// <summary>Value of the rational cubic at <paramref name="x"/> (see the type summary).</summary>
    internal static double Interpolate(
        double x, double xLeft, double xRight, double yLeft, double yRight, double slopeLeft, double slopeRight, double r)
    {
        double h = xRight - xLeft;
        if (Math.Abs(h) <= 0.0)
        {
            return 0.5 * (yLeft + yRight);
        }

        double t = (x - xLeft) / h;
        if (r >= MaximumControlParameter)
        {
            return yRight * t + yLeft * (1.0 - t); // The limit r → ∞, without overflow.
        }

        double omt = 1.0 - t;
        double t2 = t * t;
        double omt2 = omt * omt;
        double numerator = yRight * t2 * t + (r * yRight - h * slopeRight) * t2 * omt
            + (r * yLeft + h * slopeLeft) * t * omt2 + yLeft * omt2 * omt;
        return numerator / (1.0 + (r - 3.0) * t * omt);
    }

    /// <summary>
    /// Control parameter whose interpolant has the given second derivative at the left end (Jäckel 2015, eq. (5.6)),
    /// raised if necessary to the minimum that keeps the interpolant monotone and convex or concave as the data
    /// allow (Delbourgo–Gregory 1985, eqs. (3.8) and (3.18)).
    /// </summary>
    internal static double ConvexControlParameterForLeftSecondDerivative(
        double xLeft, double xRight, double yLeft, double yRight, double slopeLeft, double slopeRight,
        double secondDerivativeLeft, bool preferShapePreservation)
    {
        double h = xRight - xLeft;
        double numerator = 0.5 * h * secondDerivativeLeft + (slopeRight - slopeLeft);
        double r = ControlParameter(numerator, (yRight - yLeft) / h - slopeLeft);
        return Math.Max(r, ShapePreservingMinimum(slopeLeft, slopeRight, (yRight - yLeft) / h, preferShapePreservation));
    }

    /// <summary>
    /// Control parameter whose interpolant has the given second derivative at the right end (Jäckel 2015,
    /// eq. (5.7)), raised if necessary to the shape-preserving minimum.
    /// </summary>
    internal static double ConvexControlParameterForRightSecondDerivative(
        double xLeft, double xRight, double yLeft, double yRight, double slopeLeft, double slopeRight,
        double secondDerivativeRight, bool preferShapePreservation)
    {
        double h = xRight - xLeft;
        double numerator = 0.5 * h * secondDerivativeRight + (slopeRight - slopeLeft);
        double r = ControlParameter(numerator, slopeRight - (yRight - yLeft) / h);
        return Math.Max(r, ShapePreservingMinimum(slopeLeft, slopeRight, (yRight - yLeft) / h, preferShapePreservation));
    }

    /// <summary>numerator/denominator, with the limits 0, +max and −min when either is (nearly) zero.</summary>
    private static double ControlParameter(double numerator, double denominator)
    {
        if (IsZero(numerator))
        {
            return 0.0;
        }

        if (IsZero(denominator))
        {
            return numerator > 0.0 ? MaximumControlParameter : MinimumControlParameter;
        }

        return numerator / denominator;
    }

    /// <summary>
    /// Smallest r that keeps the interpolant monotone (Delbourgo–Gregory eq. (3.8): r ≥ (d_l + d_r)/Δ) and convex
    /// or concave (eq. (3.18)) when the slopes d_l, d_r and the secant Δ permit it.
    /// </summary>
    private static double ShapePreservingMinimum(double slopeLeft, double slopeRight, double secant, bool preferShapePreservation)
    {
        bool monotonic = slopeLeft * secant >= 0.0 && slopeRight * secant >= 0.0;
        bool convex = slopeLeft <= secant && secant <= slopeRight;
        bool concave = slopeLeft >= secant && secant >= slopeRight;
        if (!monotonic && !convex && !concave)
        {
            return MinimumControlParameter;
        }

        double rMonotone = double.MinValue;
        double rConvex = double.MinValue;
        if (monotonic)
        {
            if (!IsZero(secant))
            {
                rMonotone = (slopeRight + slopeLeft) / secant;
            }
            else if (preferShapePreservation)
            {
                rMonotone = MaximumControlParameter;
            }
        }

        if (convex || concave)
        {
            double rightGap = slopeRight - secant;
            double leftGap = secant - slopeLeft;
            if (!(IsZero(leftGap) || IsZero(rightGap)))
            {
                double spread = slopeRight - slopeLeft;
                rConvex = Math.Max(Math.Abs(spread / rightGap), Math.Abs(spread / leftGap));
            }
            else if (preferShapePreservation)
            {
                rConvex = MaximumControlParameter;
            }
        }
        else if (monotonic && preferShapePreservation)
        {
            rConvex = MaximumControlParameter;
        }

        return Math.Max(MinimumControlParameter, Math.Max(rMonotone, rConvex));
    }

    private static bool IsZero(double value) => Math.Abs(value) < DoubleLimits.MinNormal;
}
