using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Random;

namespace Analytics.Pricing.Risk.Var;

/// <summary>
/// Correlated lognormal spot scenarios for Monte Carlo VaR: h-day log returns x = √h·L·z with L the Cholesky factor of the
/// daily covariance (MathNet) and z standard normal, spot moves e^x − 1, zero drift; antithetic pairs (z, −z) on
/// consecutive paths. The draws come from one Xoshiro256** stream seeded with <c>seed</c> (MathNet), in path order, so the
/// same seed gives the same scenarios whatever the number of threads that later value them.
/// </summary>
public static class MonteCarloScenarios
{
    /// <summary>Generates the scenarios.</summary>
    /// <param name="underlyings">Underlying symbols, in the covariance's order.</param>
    /// <param name="dailyCovariance">Covariance of daily log returns (symmetric positive definite).</param>
    /// <param name="horizonDays">h &gt; 0.</param>
    /// <param name="paths">Number of scenarios, even when <paramref name="antithetic"/>.</param>
    /// <param name="seed">Seed of the random stream.</param>
    /// <param name="antithetic">Pair every draw z with −z.</param>
    /// <exception cref="ArgumentException">The covariance is not positive definite, or sizes disagree.</exception>
    public static IReadOnlyList<MarketScenario> Generate(
        IReadOnlyList<string> underlyings, Matrix<double> dailyCovariance, double horizonDays, int paths, int seed, bool antithetic = true)
    {
        ArgumentNullException.ThrowIfNull(underlyings);
        ArgumentNullException.ThrowIfNull(dailyCovariance);
        int m = underlyings.Count;
        if (dailyCovariance.RowCount != m || dailyCovariance.ColumnCount != m)
            throw new ArgumentException($"The covariance is {dailyCovariance.RowCount}×{dailyCovariance.ColumnCount}; {m} underlyings need {m}×{m}.", nameof(dailyCovariance));
        ArgumentOutOfRangeException.ThrowIfLessThan(paths, 2);
        if (antithetic && paths % 2 != 0) throw new ArgumentException("Antithetic sampling needs an even number of paths.", nameof(paths));
        Guard.PositiveFinite(horizonDays, nameof(horizonDays));
        Matrix<double> factor;
        try
        {
            factor = dailyCovariance.Cholesky().Factor * Math.Sqrt(horizonDays);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException("The covariance is not positive definite (an underlying moves exactly with others, or has no variance).", nameof(dailyCovariance), e);
        }

        var random = new Xoshiro256StarStar(seed, threadSafe: false);
        var scenarios = new MarketScenario[paths];
        var z = Vector<double>.Build.Dense(m);
        for (int path = 0; path < paths; path++)
        {
            if (!antithetic || path % 2 == 0)
            {
                for (int i = 0; i < m; i++) z[i] = Normal.Sample(random, 0.0, 1.0);
            }
            else
            {
                z = -z;
            }

            var x = factor * z;
            var shifts = new Dictionary<string, UnderlyingShift>(m, StringComparer.Ordinal);
            for (int i = 0; i < m; i++) shifts[underlyings[i]] = new UnderlyingShift(Math.Exp(x[i]) - 1.0, 0.0);
            scenarios[path] = new MarketScenario(0.0, shifts);
        }

        return scenarios;
    }
}
