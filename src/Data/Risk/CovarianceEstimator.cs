namespace Analytics.Data.Risk;

/// <summary>The covariance estimate of parametric and Monte Carlo VaR (API.md <c>covariance</c>).</summary>
public enum CovarianceEstimator
{
    /// <summary>Sample covariance (divisor n − 1).</summary>
    Sample = 0,

    /// <summary>RiskMetrics exponentially weighted, decay λ.</summary>
    Ewma = 1,
}
