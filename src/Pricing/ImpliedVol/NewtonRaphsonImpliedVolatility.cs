using Analytics.Pricing.Black;
using Analytics.Pricing.Distributions;

namespace Analytics.Pricing.ImpliedVol;

/// <summary>
/// <b>Benchmark baseline, not for production use</b>: the textbook implied-volatility solver that
/// <see cref="ImpliedVolatility"/> is measured against. Newton-Raphson on the Black-76 price with its vega
/// ∂C/∂σ = DF·F·φ(d₁)·√T, started from Manaster and Koehler, "The calculation of implied variances from the
/// Black-Scholes model", <i>J. Finance</i> 37 (1982), σ₀ = √(2|ln(F/K)|/T), or near the money from Brenner and
/// Subrahmanyam, "A simple formula to compute the implied standard deviation", <i>Financial Analysts J.</i> 44
/// (1988), σ₀ = √(2π/T)·C/(DF·F); a bracket is kept and a step that leaves it, or a vanishing vega, is replaced
/// by bisection. Prices the same as <see cref="ImpliedVolatility.SolveBlack76"/> returns for the same bounds.
/// </summary>
/// <remarks>
/// Stops when the step is below 1e-15·σ or after 100 steps. Newton on the price itself converges slowly or
/// stalls in the wings, where vega is exponentially small relative to the price curvature: that is the case for
/// Jäckel's transformations. Allocation-free.
/// </remarks>
public static class NewtonRaphsonImpliedVolatility
{
    private const int MaximumIterations = 100;
    private const double RelativeStepTolerance = 1e-15;

    /// <summary>Below this |ln(F/K)| the Brenner-Subrahmanyam at-the-money start is used.</summary>
    private const double AtTheMoneyLogMoneyness = 1e-3;

    /// <summary>
    /// Black-76 implied volatility by safeguarded Newton-Raphson (benchmark baseline for
    /// <see cref="ImpliedVolatility.SolveBlack76"/>; same arguments, conventions, statuses and exceptions).
    /// </summary>
    /// <param name="price">Option present value in the quote currency (any value; never throws).</param>
    /// <param name="forward">Forward F, &gt; 0, quote currency.</param>
    /// <param name="strike">Strike K, &gt; 0, quote currency.</param>
    /// <param name="tenorYears">Time to expiry T in years, &gt; 0.</param>
    /// <param name="discountFactor">Discount factor DF, &gt; 0.</param>
    /// <param name="right">Call or put.</param>
    /// <returns>The lognormal volatility (annualised decimal) with status and the number of Newton/bisection steps.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument other than the price is invalid.</exception>
    public static ImpliedVolResult SolveBlack76(
        double price, double forward, double strike, double tenorYears, double discountFactor, OptionRight right)
    {
        Guard.PositiveFinite(forward, nameof(forward));
        Guard.PositiveFinite(strike, nameof(strike));
        Guard.PositiveFinite(tenorYears, nameof(tenorYears));
        Guard.PositiveFinite(discountFactor, nameof(discountFactor));
        Guard.Defined(right, nameof(right));
        bool isCall = right == OptionRight.Call;
        if (!NormalisedPrice.TryCreate(price, forward, strike, discountFactor, isCall, out NormalisedPrice normalised, out ImpliedVolResult failure))
        {
            return failure;
        }

        double target = price / discountFactor;
        double sqrtT = Math.Sqrt(tenorYears);
        double logMoneyness = Math.Log(forward / strike);
        double vol = Math.Abs(logMoneyness) < AtTheMoneyLogMoneyness
            ? Math.Sqrt(2.0 * Math.PI / tenorYears) * target / forward
            : Math.Sqrt(2.0 * Math.Abs(logMoneyness) / tenorYears);

        double low = 0.0;
        double high = double.PositiveInfinity;
        int iterations = 0;
        while (iterations < MaximumIterations)
        {
            iterations++;
            double stdDev = vol * sqrtT;
            double difference = BlackScholesMerton.UndiscountedPrice(forward, strike, stdDev, isCall) - target;
            if (difference == 0.0)
            {
                break;
            }

            if (difference > 0.0)
            {
                high = vol;
            }
            else
            {
                low = vol;
            }

            double d1 = logMoneyness / stdDev + 0.5 * stdDev;
            double vega = forward * StandardNormal.Pdf(d1) * sqrtT;
            double next = vol - difference / vega;
            if (!(next > low && next < high))
            {
                next = double.IsPositiveInfinity(high) ? 2.0 * vol : 0.5 * (low + high); // Bisection fallback.
            }

            double step = next - vol;
            vol = next;
            if (Math.Abs(step) <= RelativeStepTolerance * vol)
            {
                break;
            }
        }

        return ImpliedVolResult.Solved(vol, normalised.IntrinsicValue, normalised.UpperBound, iterations);
    }
}
