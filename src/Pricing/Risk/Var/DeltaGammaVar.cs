using MathNet.Numerics.Distributions;
using MathNet.Numerics.Integration;
using MathNet.Numerics.LinearAlgebra;

namespace Analytics.Pricing.Risk.Var;

/// <summary>
/// Delta-gamma VaR and ES with the Cornish–Fisher expansion: the P&amp;L over h days is ΔP = δᵀx + ½ xᵀΓx with log
/// returns x ~ N(0, h·Σ); its cumulants (<see cref="DeltaGammaMoments"/>) give skewness s and excess kurtosis k, and the
/// P&amp;L quantile at α = 1 − c is μ + σ·w(z_α) with w(z) = z + (z² − 1)s/6 + (z³ − 3z)k/24 − (2z³ − 5z)s²/36
/// (E. Cornish and R. Fisher 1937; Zangari 1996, RiskMetrics Monitor Q1). VaR = −(μ + σ·w(z_α)); ES = −(1/α)∫₀^α
/// (μ + σ·w(z_u)) du by Gauss–Legendre quadrature in u (MathNet).
/// </summary>
/// <remarks>
/// The expansion is accurate for moderately non-normal P&amp;L; with large |s| or k the quantile function w(z) stops being
/// monotone and the figures lose meaning (D. Maillard 2012, "A user's guide to the Cornish Fisher expansion"): the
/// estimate reports s and k so a reader can judge. Contributions are Euler's: VaR and ES are homogeneous of degree one
/// in the position sizes (δ and Γ scale with them), so ∂VaR/∂λₚ at λ = 1, taken by central differences of ±10⁻⁵ in each
/// position's scale, sums to VaR up to the differencing error.
/// </remarks>
public static class DeltaGammaVar
{
    private const double ScaleBump = 1e-5;
    private const int QuadratureOrder = 64;

    /// <summary>Estimates VaR and ES.</summary>
    /// <param name="positions">Per position: the underlying's index, its dollar delta ∂V/∂S·S and dollar gamma ∂²V/∂S²·S².</param>
    /// <param name="dailyCovariance">Covariance of daily log returns, m × m.</param>
    /// <param name="horizonDays">h ≥ 1 (the covariance is scaled by h).</param>
    /// <param name="confidence">c in (0.5, 1).</param>
    /// <returns>The estimate and the P&amp;L moments it rests on.</returns>
    public static (VarEstimate Estimate, DeltaGammaMoments Moments) Estimate(
        IReadOnlyList<(int Underlying, double DollarDelta, double DollarGamma)> positions, Matrix<double> dailyCovariance, double horizonDays, double confidence)
    {
        ArgumentNullException.ThrowIfNull(positions);
        ArgumentNullException.ThrowIfNull(dailyCovariance);
        if (!(confidence > 0.5 && confidence < 1.0)) throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "Must be in (0.5, 1).");
        Guard.PositiveFinite(horizonDays, nameof(horizonDays));
        var covariance = dailyCovariance * horizonDays;
        var scales = Enumerable.Repeat(1.0, positions.Count).ToArray();
        var (var, es, moments) = Measures(positions, scales, covariance, confidence);
        var varContributions = new double[positions.Count];
        var esContributions = new double[positions.Count];
        for (int p = 0; p < positions.Count; p++)
        {
            scales[p] = 1.0 + ScaleBump;
            var up = Measures(positions, scales, covariance, confidence);
            scales[p] = 1.0 - ScaleBump;
            var down = Measures(positions, scales, covariance, confidence);
            scales[p] = 1.0;
            varContributions[p] = (up.Var - down.Var) / (2 * ScaleBump);
            esContributions[p] = (up.Es - down.Es) / (2 * ScaleBump);
        }

        return (new VarEstimate(confidence, var, es, [.. varContributions], [.. esContributions],
            "Euler: ∂VaR/∂(position scale) by central differences (±1e-5); VaR is homogeneous of degree one, so they sum to it"), moments);
    }

    /// <summary>The Cornish–Fisher quantile w(z) of a standardised variable with skewness s and excess kurtosis k.</summary>
    public static double CornishFisher(double z, double skewness, double excessKurtosis) =>
        z + (z * z - 1) * skewness / 6 + (z * z * z - 3 * z) * excessKurtosis / 24 - (2 * z * z * z - 5 * z) * skewness * skewness / 36;

    private static (double Var, double Es, DeltaGammaMoments Moments) Measures(
        IReadOnlyList<(int Underlying, double DollarDelta, double DollarGamma)> positions, double[] scales, Matrix<double> covariance, double confidence)
    {
        int m = covariance.RowCount;
        var delta = Vector<double>.Build.Dense(m);
        var gamma = Matrix<double>.Build.Dense(m, m);
        for (int p = 0; p < positions.Count; p++)
        {
            var (u, d, g) = positions[p];
            delta[u] += scales[p] * d;
            gamma[u, u] += scales[p] * g;
        }

        var moments = DeltaGammaMoments.Of(delta, gamma, covariance);
        double sigma = Math.Sqrt(Math.Max(moments.Variance, 0.0));
        double alpha = 1.0 - confidence;
        double Quantile(double u) => moments.Mean + sigma * CornishFisher(Normal.InvCDF(0, 1, u), moments.Skewness, moments.ExcessKurtosis);
        double var = -Quantile(alpha);
        double es = -GaussLegendreRule.Integrate(Quantile, 0.0, alpha, QuadratureOrder) / alpha;
        return (var, es, moments);
    }
}
