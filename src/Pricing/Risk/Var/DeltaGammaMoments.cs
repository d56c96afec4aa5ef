using MathNet.Numerics.LinearAlgebra;

namespace Analytics.Pricing.Risk.Var;

/// <summary>
/// The first four cumulants of a delta-gamma P&amp;L ΔP = δᵀx + ½ xᵀΓx with x ~ N(0, Σ): with A = ΓΣ,
/// κ₁ = ½ tr A, κ₂ = δᵀΣδ + ½ tr A², κ₃ = 3 δᵀΣΓΣδ + tr A³, κ₄ = 12 δᵀΣ(ΓΣ)²δ + 3 tr A⁴
/// (J. Mina and A. Ulmer 1999, "Delta-gamma four ways", RiskMetrics Group; M. Britten-Jones and S. Schaefer 1999).
/// </summary>
/// <param name="Mean">κ₁.</param>
/// <param name="Variance">κ₂.</param>
/// <param name="ThirdCumulant">κ₃.</param>
/// <param name="FourthCumulant">κ₄.</param>
public readonly record struct DeltaGammaMoments(double Mean, double Variance, double ThirdCumulant, double FourthCumulant)
{
    /// <summary>Skewness κ₃/κ₂^{3/2}; 0 when the variance is 0.</summary>
    public double Skewness => Variance > 0 ? ThirdCumulant / Math.Pow(Variance, 1.5) : 0.0;

    /// <summary>Excess kurtosis κ₄/κ₂²; 0 when the variance is 0.</summary>
    public double ExcessKurtosis => Variance > 0 ? FourthCumulant / (Variance * Variance) : 0.0;

    /// <summary>The cumulants of δᵀx + ½ xᵀΓx for x ~ N(0, <paramref name="covariance"/>).</summary>
    /// <param name="delta">Dollar deltas δ (m).</param>
    /// <param name="gamma">Dollar gammas Γ (m × m, symmetric).</param>
    /// <param name="covariance">Covariance Σ of x over the horizon (m × m).</param>
    public static DeltaGammaMoments Of(Vector<double> delta, Matrix<double> gamma, Matrix<double> covariance)
    {
        ArgumentNullException.ThrowIfNull(delta);
        ArgumentNullException.ThrowIfNull(gamma);
        ArgumentNullException.ThrowIfNull(covariance);
        var a = gamma * covariance;
        var a2 = a * a;
        var sigmaDelta = covariance * delta;
        return new DeltaGammaMoments(
            0.5 * a.Trace(),
            delta.DotProduct(sigmaDelta) + 0.5 * a2.Trace(),
            3.0 * sigmaDelta.DotProduct(gamma * sigmaDelta) + (a2 * a).Trace(),
            12.0 * sigmaDelta.DotProduct(gamma * covariance * gamma * sigmaDelta) + 3.0 * (a2 * a2).Trace());
    }
}
