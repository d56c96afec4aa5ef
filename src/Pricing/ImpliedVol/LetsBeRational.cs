using Analytics.Pricing.Distributions;

namespace Analytics.Pricing.ImpliedVol;

// Ours (MathNet has no implied-vol solver): bench/RESULTS.md, "Implied vol" (236 ns, goal 250; beside a generic Newton baseline).
/// <summary>
/// Normalised implied volatility by Peter Jäckel, "Let's Be Rational", <i>Wilmott</i> 2015 (pp. 40–53; revised
/// 2016 with the reference implementation at jaeckel.org): a four-branch rational initial guess (§4–5) followed by
/// Householder iterations of order 3 (§6) on a branch-dependent objective, converging to machine accuracy in
/// two iterations almost everywhere. Works on the out-of-the-money call form: x = −|ln(F/K)| ≤ 0 and the
/// normalised time value β = (price − intrinsic)/√(F·K) in (0, e^{x/2}).
/// </summary>
/// <remarks>
/// Iteration follows Jäckel: two Householder(3) steps (fourth-order convergence), or one when the first step is
/// below 2⁻¹³·s (its fourth power is at the level of ε); more only while the last step still exceeded 2⁻²⁰·s (a safety net that typical inputs never reach). A bracket [s_left, s_right] is kept; a forecast outside it, or
/// three reversals of direction, triggers a bisection step (Jäckel's safeguard for |x| ≳ 500). Allocation-free.
/// </remarks>
internal static partial class LetsBeRational
{
    /// <summary>Default iteration cap; typical inputs need 2, the rare bisection fallback a few more.</summary>
    internal const int DefaultMaximumIterations = 16;

    /// <summary>Jäckel's iteration count: two Householder(3) steps from the rational guess reach full accuracy.</summary>
    private const int RegularIterations = 2;

    /// <summary>
    /// Beyond <see cref="RegularIterations"/>, keep iterating only while the last step exceeded 2⁻²⁰·s: with
    /// fourth-order convergence a step that small leaves an error of order (2⁻²⁰)⁴·s, far below ε·s.
    /// </summary>
    private const double SafetyStepTolerance = 1.0 / (1 << 20);

    /// <summary>
    /// After the first Householder(3) step, stop when that step was below 2⁻¹³·s: the step equals the error of the
    /// initial guess to first order, and with fourth-order convergence the remaining error is of order
    /// (2⁻¹³)⁴·s = ε·s times the method's error constant. Checked on 200,000 options of the batch tests' wide grid:
    /// where the first step was at most 2⁻¹³·s, stopping there left a vol error of at most 1.2e-15 relative times the
    /// conditioning max(1, β/(s·∂b/∂s)), the level of the second step's own rounding, and the same price residual; and
    /// on a grid of 138,000 options (strikes e^{±1.5}·F, tenors 1 day–2.7 years, vols 5 %–270 %) the worst vol error
    /// over conditioning was 5.3e-14 with 2⁻¹³, 2⁻¹⁴ or 2⁻¹² alike. About one inversion in five of a near-the-money
    /// grid qualifies; the rest take Jäckel's two steps.
    /// </summary>
    private const double EarlyStopStepTolerance = 1.0 / (1 << 13);

    /// <summary>
    /// s = σ√T with b(x, s) = β, for x ≤ 0 and DBL_MIN ≤ β &lt; e^{x/2} (not re-validated: trusted path).
    /// </summary>
    /// <param name="beta">Normalised out-of-the-money call value β.</param>
    /// <param name="x">Log-moneyness −|ln(F/K)|.</param>
    /// <param name="maximumIterations">Cap on Householder or bisection steps.</param>
    /// <param name="iterations">Steps taken after the initial guess.</param>
    internal static double NormalisedVolatility(double beta, double x, int maximumIterations, out int iterations) =>
        NormalisedVolatility(beta, x, Exponential.Exp(0.5 * x), maximumIterations, out iterations);

    /// <summary>
    /// <see cref="NormalisedVolatility(double, double, int, out int)"/> with the caller's b_max = e^{x/2}.
    /// </summary>
    internal static double NormalisedVolatility(double beta, double x, double bMax, int maximumIterations, out int iterations)
    {
        Guess guess = InitialGuess(beta, x, bMax);
        double s = guess.Vol;
        double sLeft = guess.Left;
        double sRight = guess.Right;
        double lnBeta = guess.Objective == Objective.LogInverse ? Math.Log(beta) : 0.0;
        double ds = double.MaxValue;
        double dsPrevious = 0.0;
        int reversals = 0;
        iterations = 0;

        while (iterations < maximumIterations && KeepIterating(ds, s, iterations))
        {
            if (ds * dsPrevious < 0.0)
            {
                reversals++;
            }

            if (iterations > 0 && (reversals == 3 || !(s > sLeft && s < sRight)))
            {
                s = 0.5 * (sLeft + sRight);
                if (sRight - sLeft <= DoubleLimits.Epsilon * s)
                {
                    break;
                }

                reversals = 0;
                ds = 0.0;
            }

            dsPrevious = ds;
            double b = NormalisedBlack.OutOfTheMoneyCall(x, s, bMax, out double vega);
            if (b > beta && s < sRight)
            {
                sRight = s;
            }
            else if (b < beta && s > sLeft)
            {
                sLeft = s;
            }

            ds = guess.Objective switch
            {
                Objective.LogInverse => LogInverseStep(b, vega, beta, lnBeta, x, s, sLeft, sRight),
                Objective.LogUpper => LogUpperStep(b, vega, beta, bMax, x, s, sLeft, sRight),
                _ => PlainStep(b, vega, beta, x, s, sLeft, sRight),
            };
            ds = Math.Max(-0.5 * s, ds);
            s += ds;
            iterations++;
        }

        return s;
    }

    /// <summary>
    /// Jäckel's rule (stop after two steps, or after one below 2⁻¹³·s), plus a safety net for the rare inputs
    /// (bisection fallback, |x| ≳ 500) whose second step was still large.
    /// </summary>
    private static bool KeepIterating(double ds, double s, int iterations) =>
        iterations switch
        {
            0 => true,
            < RegularIterations => Math.Abs(ds) > EarlyStopStepTolerance * s,
            _ => Math.Abs(ds) > SafetyStepTolerance * s,
        };

    /// <summary>Householder(3) correction s_{n+1} − s_n = ν·(1 + ην/2)/(1 + ν(η + θν/6)), ν = −g/g', η = g''/g', θ = g'''/g'.</summary>
    private static double HouseholderStep(double newton, double halley, double hh3) =>
        newton * (1.0 + 0.5 * halley * newton) / (1.0 + newton * (halley + hh3 * newton * (1.0 / 6.0)));

    /// <summary>
    /// b''/b' = x²/s³ − s/4 (Jäckel 2015, eq. (6.2)) and b'''/b' = (b''/b')² − 3(x/s²)² − 1/4 (eq. (6.3)), from one
    /// reciprocal 1/s.
    /// </summary>
    private static void BlackHalleyAndHh3(double x, double s, out double halley, out double hh3)
    {
        double inverseS = 1.0 / s;
        double h = x * inverseS;
        double hOverS = h * inverseS;
        halley = h * hOverS - 0.25 * s;
        hh3 = halley * halley - 3.0 * hOverS * hOverS - 0.25;
    }

    /// <summary>Step for g = b − β (eq. (6.4)).</summary>
    private static double PlainStep(double b, double vega, double beta, double x, double s, double sLeft, double sRight)
    {
        if (!(vega > 0.0))
        {
            return 0.5 * (sLeft + sRight) - s; // Vega underflow: bisect.
        }

        BlackHalleyAndHh3(x, s, out double halley, out double hh3);
        return HouseholderStep((beta - b) / vega, halley, hh3);
    }

    /// <summary>
    /// Step for g = 1/ln b − 1/ln β (eqs. (6.9)–(6.12)): ν = (ln β − ln b)·(ln b/ln β)·b/b',
    /// η = b''/b' − (b'/b)(1 + 2/ln b), θ = b'''/b' + 2(b'/b)²(1 + (3/ln b)(1 + 1/ln b)) − 3(b''/b')(b'/b)(1 + 2/ln b).
    /// </summary>
    private static double LogInverseStep(
        double b, double vega, double beta, double lnBeta, double x, double s, double sLeft, double sRight)
    {
        if (!(b > 0.0) || !(vega > 0.0))
        {
            return 0.5 * (sLeft + sRight) - s; // Underflow: bisect.
        }

        double lnB = Math.Log(b);
        double inverseLnB = 1.0 / lnB;
        double vegaOverB = vega / b;
        BlackHalleyAndHh3(x, s, out double bHalley, out double bHh3);
        double newton = (lnBeta - lnB) * lnB / (lnBeta * vegaOverB);
        double halley = bHalley - vegaOverB * (1.0 + 2.0 * inverseLnB);
        double hh3 = bHh3 + 2.0 * vegaOverB * vegaOverB * (1.0 + 3.0 * inverseLnB * (1.0 + inverseLnB))
            - 3.0 * bHalley * vegaOverB * (1.0 + 2.0 * inverseLnB);
        return HouseholderStep(newton, halley, hh3);
    }

    /// <summary>
    /// Step for g = ln(b_max − β) − ln(b_max − b) (eqs. (6.13)–(6.16)): g' = b'/(b_max − b),
    /// ν = ln((b_max − b)/(b_max − β))/g', η = b''/b' + g', θ = b'''/b' + g'(2g' + 3b''/b').
    /// </summary>
    private static double LogUpperStep(
        double b, double vega, double beta, double bMax, double x, double s, double sLeft, double sRight)
    {
        if (b >= bMax || vega <= DoubleLimits.MinNormal)
        {
            return 0.5 * (sLeft + sRight) - s; // b numerically at its bound: bisect.
        }

        double gap = bMax - b;
        double gPrime = vega / gap;
        BlackHalleyAndHh3(x, s, out double bHalley, out double bHh3);
        double newton = -Math.Log((bMax - beta) / gap) / gPrime;
        double halley = bHalley + gPrime;
        double hh3 = bHh3 + gPrime * (2.0 * gPrime + 3.0 * bHalley);
        return HouseholderStep(newton, halley, hh3);
    }
}
