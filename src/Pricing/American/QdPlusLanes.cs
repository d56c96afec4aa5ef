using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Analytics.Pricing.Distributions;
using Analytics.Pricing.Simd;

namespace Analytics.Pricing.American;

/// <summary>
/// The QD+ boundary (<see cref="QdPlusBoundary"/>) at many times to expiry at once: Halley's method on Li's equation with
/// one time to expiry per SIMD lane (<see cref="Lanes512"/> where AVX-512 is accelerated, else <see cref="Lanes256"/>).
/// Times to expiry come in increasing order; the first lanes start at the boundary at expiry X as QuantLib 1.29's
/// <c>QdPlusAmericanEngine</c> starts, the later ones at the root of the last lane before them (as the scalar path starts
/// each node at the previous node's root: from X, Halley's method can settle on another root of Li's equation at long
/// tenors, e.g. r = 0, q &lt; 0, σ = 200 %, ten years, where the fixed-point iteration from it then ends 7e-6 away). A lane that has
/// not converged after <see cref="MaxHalleySteps"/> steps, or has left the finite numbers, is solved again by the scalar
/// <see cref="QdPlusBoundary.At"/> (with its Brent fallback). The start of the fixed-point engine (<see cref="QdFpBoundary"/>). Pure.
/// </summary>
internal static class QdPlusLanes
{
    private const int MaxHalleySteps = 12;

    /// <summary>QuantLib's <c>QL_EPSILON</c>, 2⁻⁵².</summary>
    private const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>Fills <paramref name="boundary"/>[i] with the QD+ boundary of a put at time to expiry <paramref name="tau"/>[i] &gt; 0.</summary>
    /// <param name="strike">K.</param>
    /// <param name="rate">r.</param>
    /// <param name="dividendYield">q.</param>
    /// <param name="volatility">σ.</param>
    /// <param name="tau">Times to expiry in years.</param>
    /// <param name="tolerance">Relative tolerance on B (as <see cref="QdPlusBoundary.At"/>'s).</param>
    /// <param name="boundary">Receives the boundaries (same length as <paramref name="tau"/>).</param>
    internal static void Boundaries(
        double strike, double rate, double dividendYield, double volatility, ReadOnlySpan<double> tau, double tolerance, Span<double> boundary)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            Boundaries<Lanes512>(strike, rate, dividendYield, volatility, tau, tolerance, boundary);
        }
        else
        {
            Boundaries<Lanes256>(strike, rate, dividendYield, volatility, tau, tolerance, boundary);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Boundaries<T>(
        double strike, double rate, double dividendYield, double volatility, ReadOnlySpan<double> tau, double tolerance, Span<double> boundary)
        where T : struct, ILanes<T>
    {
        double xMax = QdPlusBoundary.AtExpiry(strike, rate, dividendYield);
        double xMin = 1e4 * MachineEpsilon * Math.Min(strike, xMax);
        double guess = xMax;
        int i = 0;
        for (; i + T.Count <= tau.Length; i += T.Count)
        {
            var f = new Equation<T>(strike, rate, dividendYield, volatility, T.Load(tau, i));
            var x = T.Create(guess);
            var lowest = T.Create(xMin);
            var halfTolerance = T.Create(0.5 * tolerance);
            var largest = T.Create(double.MaxValue);
            var done = T.Zero;
            for (int step = 0; step < MaxHalleySteps; step++)
            {
                var (value, first, second) = f.Evaluate(x);
                var lf = value * second / (first * first);
                var next = T.Max(lowest, x - value / first / (T.One - T.Create(0.5) * lf));
                var finite = T.LessThanOrEqual(T.Abs(next), largest);
                var converged = finite & T.LessThanOrEqual(T.Abs(next - x), halfTolerance * next);
                // Lanes already done keep their root; a lane that left the finite numbers stays where it was (redone below).
                x = T.Select(~(~done & finite), x, next);
                done = ~(~done & ~converged);
                if (T.Bits(done) == (1 << T.Count) - 1)
                {
                    break;
                }
            }

            T.Store(x, boundary, i);
            int bits = T.Bits(done);
            for (int lane = 0; lane < T.Count; lane++)
            {
                if ((bits & (1 << lane)) == 0)
                {
                    boundary[i + lane] = QdPlusBoundary.At(strike, rate, dividendYield, volatility, tau[i + lane], tolerance, guess);
                }
            }

            guess = boundary[i + T.Count - 1];
        }

        for (; i < tau.Length; i++)
        {
            boundary[i] = QdPlusBoundary.At(strike, rate, dividendYield, volatility, tau[i], tolerance, i > 0 ? boundary[i - 1] : xMax);
        }
    }

    /// <summary>Li's QD+ equation and its first two derivatives in S, lane-wise (<see cref="QdPlusBoundary"/>'s scalar form).</summary>
    private readonly struct Equation<T> where T : struct, ILanes<T>
    {
        private readonly T _strike, _rate, _dividendYield, _variance, _tau, _stdDev, _rateDiscount, _yieldDiscount, _alpha, _beta;

        [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
        internal Equation(double strike, double rate, double dividendYield, double volatility, T tau)
        {
            _strike = T.Create(strike);
            _rate = T.Create(rate);
            _dividendYield = T.Create(dividendYield);
            _tau = tau;
            double variance = volatility * volatility;
            _variance = T.Create(variance);
            _stdDev = T.Create(volatility) * T.Sqrt(tau);
            _rateDiscount = T.Exp(T.Create(-rate) * tau);
            _yieldDiscount = T.Exp(T.Create(-dividendYield) * tau);

            // r/(1 − e^{−rτ}), by its series near rτ = 0.
            var rateTau = _rate * tau;
            var series = T.One / (tau * (T.One - T.Create(0.5) * rateTau * (T.One - rateTau / T.Create(3.0))));
            var h = T.Select(T.GreaterThan(T.Abs(rateTau), T.Create(1e-5)), _rate / (T.One - _rateDiscount), series);
            double omega = 2.0 * (rate - dividendYield) / variance;
            var omegaMinusOne = T.Create(omega - 1.0);
            var root = T.Sqrt(omegaMinusOne * omegaMinusOne + T.Create(8.0 / variance) * h);
            var lambda = T.Create(0.5) * (-omegaMinusOne - root);
            var lambdaPrime = T.Create(2.0 / variance) * h * h / root;
            var denominator = T.Create(2.0) * lambda + omegaMinusOne;
            _alpha = T.Create(2.0 / variance) * _rateDiscount / denominator;
            _beta = _alpha * (h + lambdaPrime / denominator) - lambda;
        }

        // Not inlined into the Halley loop: the JIT's inlining budget ran out there and left the lane operators as calls
        // (about 800 ns per evaluation instead of tens).
        [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
        internal (T Value, T First, T Second) Evaluate(T spot)
        {
            var s = T.Max(T.Create(MachineEpsilon), spot);
            var v = _stdDev;
            var half = T.Create(0.5);
            var dp = T.Log(s * _yieldDiscount / (_strike * _rateDiscount)) / v + half * v;
            var dm = dp - v;
            var ePlus = QdFpNormalLanes.ExpMinusHalfSquare(dp);
            var nMinusDp = NormalTail.UpperTail(dp, ePlus);
            var nMinusDm = NormalTail.UpperTail(dm, QdFpNormalLanes.ExpMinusHalfSquare(dm));
            var density = T.Create(StandardNormal.InvSqrtTwoPi) * ePlus;
            var european = _rateDiscount * _strike * nMinusDm - s * _yieldDiscount * nMinusDp;
            var theta = _rate * _strike * _rateDiscount * nMinusDm - _dividendYield * s * _yieldDiscount * nMinusDp
                        - _variance * s / (T.Create(2.0) * v) * _yieldDiscount * density;
            var charm = -_yieldDiscount * (density * ((_rate - _dividendYield) / v - dm / (T.Create(2.0) * _tau)) + _dividendYield * nMinusDp);

            var oneMinus = T.One - _yieldDiscount * nMinusDp;
            var value = oneMinus * s - _beta * (_strike - s - european) + _alpha * theta / _rateDiscount;
            var first = oneMinus + _yieldDiscount / v * density + _beta * oneMinus + _alpha / _rateDiscount * charm;
            var gamma = density * _yieldDiscount / (v * s);
            var colour = gamma * (_dividendYield + (_rate - _dividendYield) * dp / v + (T.One - dp * dm) / (T.Create(2.0) * _tau));
            var second = _yieldDiscount * (density / (s * v) - density * dp / (s * v * v)) + _beta * gamma + _alpha / _rateDiscount * colour;
            return (value, first, second);
        }

    }
}
