using MathNet.Numerics.Distributions;

namespace Analytics.Pricing.Risk.Backtesting;

/// <summary>A likelihood-ratio test statistic with its asymptotic χ² p-value and the decision at a test level.</summary>
/// <param name="Statistic">LR = −2 ln(L₀ / L₁) ≥ 0.</param>
/// <param name="DegreesOfFreedom">Degrees of freedom of the asymptotic χ² distribution.</param>
/// <param name="PValue">P(χ²_df ≥ LR).</param>
/// <param name="TestLevel">Confidence of the test, e.g. 0.95: the null is rejected when the χ² CDF at LR is at or above it.</param>
public sealed record LikelihoodRatioTest(double Statistic, int DegreesOfFreedom, double PValue, double TestLevel)
{
    /// <summary>Whether the null hypothesis is rejected at <see cref="TestLevel"/> (p-value ≤ 1 − level).</summary>
    public bool Rejected => PValue <= 1.0 - TestLevel;

    /// <summary>The test of a statistic against χ² with <paramref name="degreesOfFreedom"/>.</summary>
    internal static LikelihoodRatioTest Of(double statistic, int degreesOfFreedom, double testLevel)
    {
        double lr = Math.Max(statistic, 0.0); // rounding can leave −1e-13 where the likelihoods are equal
        return new LikelihoodRatioTest(lr, degreesOfFreedom, 1.0 - ChiSquared.CDF(degreesOfFreedom, lr), testLevel);
    }
}
