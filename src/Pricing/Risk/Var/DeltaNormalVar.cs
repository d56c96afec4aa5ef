using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace Analytics.Pricing.Risk.Var;

/// <summary>
/// Parametric delta-normal VaR and ES: P&amp;L ≈ Σᵢ δᵢ rᵢ with dollar deltas δᵢ = ∂V/∂Sᵢ·Sᵢ and log returns r ~ N(0, h·Σ)
/// over h days, so σ_P = √(h·δᵀΣδ), VaR = z_c·σ_P and ES = σ_P·φ(z_c)/(1 − c) (J. Hull, "Options, Futures, and Other
/// Derivatives", the model-building approach; P. Jorion, "Value at Risk", ch. 7).
/// </summary>
/// <remarks>
/// Contributions are Euler's, exact for a homogeneous measure: a position with dollar-delta vector dₚ (its underlying's
/// entry, zero elsewhere) contributes z_c·√h·dₚᵀΣδ/√(δᵀΣδ) to VaR (and the same share of ES); they sum to the totals.
/// </remarks>
public static class DeltaNormalVar
{
    /// <summary>Estimates VaR and ES.</summary>
    /// <param name="positionDollarDeltas">Per position: the underlying's index in <paramref name="dailyCovariance"/> and the dollar delta ∂V/∂S·S.</param>
    /// <param name="dailyCovariance">Covariance of daily log returns, m × m, symmetric positive semi-definite.</param>
    /// <param name="horizonDays">h ≥ 1 (√h scaling of the daily σ).</param>
    /// <param name="confidence">c in (0.5, 1).</param>
    public static VarEstimate Estimate(
        IReadOnlyList<(int Underlying, double DollarDelta)> positionDollarDeltas, Matrix<double> dailyCovariance, double horizonDays, double confidence)
    {
        ArgumentNullException.ThrowIfNull(positionDollarDeltas);
        ArgumentNullException.ThrowIfNull(dailyCovariance);
        if (!(confidence > 0.5 && confidence < 1.0)) throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "Must be in (0.5, 1).");
        Guard.PositiveFinite(horizonDays, nameof(horizonDays));
        var delta = Vector<double>.Build.Dense(dailyCovariance.RowCount);
        foreach (var (u, d) in positionDollarDeltas) delta[u] += d;
        var sigmaDelta = dailyCovariance * delta;
        double variance = delta.DotProduct(sigmaDelta);
        double sigma = Math.Sqrt(Math.Max(variance, 0.0) * horizonDays);
        double z = Normal.InvCDF(0.0, 1.0, confidence);
        double esFactor = Normal.PDF(0.0, 1.0, z) / (1.0 - confidence);
        var varContributions = new double[positionDollarDeltas.Count];
        var esContributions = new double[positionDollarDeltas.Count];
        if (sigma > 0.0)
        {
            for (int p = 0; p < varContributions.Length; p++)
            {
                var (u, d) = positionDollarDeltas[p];
                double share = d * sigmaDelta[u] / variance; // Σ shares = 1
                varContributions[p] = share * z * sigma;
                esContributions[p] = share * esFactor * sigma;
            }
        }

        return new VarEstimate(confidence, z * sigma, esFactor * sigma, [.. varContributions], [.. esContributions],
            "Euler: z·√h·dₚᵀΣδ/√(δᵀΣδ) per position (exact for the delta-normal measure)");
    }
}
