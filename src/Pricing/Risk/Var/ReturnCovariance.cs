using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Statistics;

namespace Analytics.Pricing.Risk.Var;

/// <summary>
/// Covariance matrices of daily log returns (rows: days in date order; columns: underlyings) for parametric and Monte
/// Carlo VaR.
/// </summary>
public static class ReturnCovariance
{
    /// <summary>
    /// The sample covariance, divisor n − 1, means removed (MathNet <c>Statistics.Covariance</c>).
    /// </summary>
    /// <param name="returns">n × m returns, n ≥ 2.</param>
    public static Matrix<double> Sample(Matrix<double> returns)
    {
        ArgumentNullException.ThrowIfNull(returns);
        if (returns.RowCount < 2) throw new ArgumentException("At least two days of returns are needed.", nameof(returns));
        int m = returns.ColumnCount;
        var columns = Enumerable.Range(0, m).Select(j => returns.Column(j).ToArray()).ToArray();
        var covariance = Matrix<double>.Build.Dense(m, m);
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double c = Statistics.Covariance(columns[i], columns[j]);
                covariance[i, j] = c;
                covariance[j, i] = c;
            }
        }

        return covariance;
    }

    /// <summary>
    /// The exponentially weighted covariance of RiskMetrics (J.P. Morgan/Reuters, "RiskMetrics — Technical Document",
    /// 4th ed. 1996, §5.2): zero mean, weight (1 − λ)·λ^{age} on the return <c>age</c> days before the newest, the weights
    /// normalised to sum to one over the finite window (divided by 1 − λⁿ).
    /// </summary>
    /// <param name="returns">n × m returns, oldest first, n ≥ 1.</param>
    /// <param name="lambda">Decay λ in (0, 1); RiskMetrics uses 0.94 for daily data.</param>
    public static Matrix<double> Ewma(Matrix<double> returns, double lambda)
    {
        ArgumentNullException.ThrowIfNull(returns);
        Guard.Probability(lambda, nameof(lambda));
        int n = returns.RowCount;
        if (n < 1) throw new ArgumentException("At least one day of returns is needed.", nameof(returns));
        double normaliser = (1.0 - lambda) / (1.0 - Math.Pow(lambda, n));
        var covariance = Matrix<double>.Build.Dense(returns.ColumnCount, returns.ColumnCount);
        for (int t = 0; t < n; t++)
        {
            var r = returns.Row(t);
            double weight = normaliser * Math.Pow(lambda, n - 1 - t);
            covariance += weight * r.OuterProduct(r);
        }

        return covariance;
    }
}
