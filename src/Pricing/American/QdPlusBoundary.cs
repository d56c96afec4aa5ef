using Analytics.Pricing.Distributions;
using MathNet.Numerics.RootFinding;

namespace Analytics.Pricing.American;

/// <summary>
/// The QD+ approximation of an American put's exercise boundary at one time to expiry: the root B of Li's equation
/// (M. Li, "Analytical approximations for the critical stock prices of American options: a performance comparison",
/// <i>Review of Derivatives Research</i> 13, 2010, eq. 20; Andersen, Lake and Offengenden 2016, §5.1), solved by
/// Halley's method from the boundary at expiry as in QuantLib 1.29's <c>QdPlusAmericanEngine</c>, with MathNet's Brent
/// as the fallback. The starting guess of the fixed-point iteration (<see cref="QdFpBoundary"/>). Pure.
/// </summary>
internal static class QdPlusBoundary
{
    private const int MaxHalleySteps = 10;

    /// <summary>QuantLib's <c>QL_EPSILON</c>, 2⁻⁵².</summary>
    private const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>The boundary at expiry X = K·min(1, r/q) for r &gt; 0 (K for q ≤ 0 or r = 0 with q &lt; 0):
    /// Andersen and Lake, "Fast American option pricing: the double-boundary case", <i>Wilmott</i> 2021, Table 2.</summary>
    internal static double AtExpiry(double strike, double rate, double dividendYield) =>
        rate > 0.0 && dividendYield > 0.0 ? strike * Math.Min(1.0, rate / dividendYield) : strike;

    /// <summary>QD+ boundary of a put (strike K, rate r, yield q, vol σ) at time to expiry τ &gt; 0; ≤ X.</summary>
    /// <param name="strike">Strike K.</param>
    /// <param name="rate">r.</param>
    /// <param name="dividendYield">q.</param>
    /// <param name="volatility">σ.</param>
    /// <param name="tau">Time to expiry τ in years.</param>
    /// <param name="tolerance">Relative tolerance on B: Halley's method stops when a step moves B by less than half of it
    /// times B (an absolute tolerance would stop at a fraction of the strike and leave boundaries far below the strike, as
    /// at long tenors with r = 0 and q &lt; 0, with no correct digit); the Brent fallback takes it times the strike.</param>
    /// <param name="guess">Where Halley's method starts (QuantLib starts at X; the boundary at the previous, shorter node is
    /// closer and saves steps); clamped to (0, X].</param>
    internal static double At(double strike, double rate, double dividendYield, double volatility, double tau, double tolerance, double guess)
    {
        var f = new Equation(strike, rate, dividendYield, volatility, tau);
        double xMax = AtExpiry(strike, rate, dividendYield);
        double xMin = 1e4 * MachineEpsilon * Math.Min(strike, xMax);
        double x = guess > xMin && guess <= xMax ? guess : xMax;
        for (int step = 0; step < MaxHalleySteps; step++)
        {
            var (value, first, second) = f.Evaluate(x);
            double lf = value * second / (first * first);
            double next = Math.Max(xMin, x - value / first / (1.0 - 0.5 * lf));
            if (!double.IsFinite(next))
            {
                break;
            }

            if (Math.Abs(next - x) < 0.5 * tolerance * next)
            {
                return next;
            }

            x = next;
        }

        double upper = xMax;
        double lowerValue = f.Evaluate(xMin).Value;
        while (f.Evaluate(upper).Value * lowerValue > 0.0 && upper < 1e6 * strike)
        {
            upper *= 2.0;
        }

        return Brent.TryFindRoot(s => f.Evaluate(s).Value, xMin, upper, tolerance * strike, 200, out double root) ? root : x;
    }

    /// <summary>Li's QD+ equation and its first two derivatives in S (QuantLib's <c>QdPlusBoundaryEvaluator</c>).</summary>
    private readonly struct Equation
    {
        private readonly double _strike, _rate, _dividendYield, _variance, _tau, _stdDev, _rateDiscount, _yieldDiscount;
        private readonly double _alpha, _beta;

        internal Equation(double strike, double rate, double dividendYield, double volatility, double tau)
        {
            _strike = strike;
            _rate = rate;
            _dividendYield = dividendYield;
            _tau = tau;
            _variance = volatility * volatility;
            _stdDev = volatility * Math.Sqrt(tau);
            _rateDiscount = Math.Exp(-rate * tau);
            _yieldDiscount = Math.Exp(-dividendYield * tau);

            // r/(1 − e^{−rτ}), by its series near rτ = 0.
            double h = Math.Abs(rate * tau) > 1e-5
                ? rate / (1.0 - _rateDiscount)
                : 1.0 / (tau * (1.0 - 0.5 * rate * tau * (1.0 - rate * tau / 3.0)));
            double omega = 2.0 * (rate - dividendYield) / _variance;
            double root = Math.Sqrt((omega - 1.0) * (omega - 1.0) + 8.0 * h / _variance);
            double lambda = 0.5 * (-(omega - 1.0) - root);
            double lambdaPrime = 2.0 * h * h / (_variance * root);
            _alpha = 2.0 * _rateDiscount / (_variance * (2.0 * lambda + omega - 1.0));
            _beta = _alpha * (h + lambdaPrime / (2.0 * lambda + omega - 1.0)) - lambda;
        }

        internal (double Value, double First, double Second) Evaluate(double spot)
        {
            double s = Math.Max(MachineEpsilon, spot);
            double v = _stdDev;
            double dp = Math.Log(s * _yieldDiscount / (_strike * _rateDiscount)) / v + 0.5 * v;
            double dm = dp - v;
            double nMinusDp = StandardNormal.Cdf(-dp);
            double nMinusDm = StandardNormal.Cdf(-dm);
            double density = StandardNormal.Pdf(dp);
            double european = _rateDiscount * _strike * nMinusDm - s * _yieldDiscount * nMinusDp;
            double theta = _rate * _strike * _rateDiscount * nMinusDm - _dividendYield * s * _yieldDiscount * nMinusDp
                           - _variance * s / (2.0 * v) * _yieldDiscount * density;
            double charm = -_yieldDiscount * (density * ((_rate - _dividendYield) / v - dm / (2.0 * _tau)) + _dividendYield * nMinusDp);

            double value = (1.0 - _yieldDiscount * nMinusDp) * s - _beta * (_strike - s - european) + _alpha * theta / _rateDiscount;
            double first = 1.0 - _yieldDiscount * nMinusDp + _yieldDiscount / v * density + _beta * (1.0 - _yieldDiscount * nMinusDp)
                           + _alpha / _rateDiscount * charm;
            double gamma = density * _yieldDiscount / (v * s);
            double colour = gamma * (_dividendYield + (_rate - _dividendYield) * dp / v + (1.0 - dp * dm) / (2.0 * _tau));
            double second = _yieldDiscount * (density / (s * v) - density * dp / (s * v * v)) + _beta * gamma + _alpha / _rateDiscount * colour;
            return (value, first, second);
        }
    }
}
