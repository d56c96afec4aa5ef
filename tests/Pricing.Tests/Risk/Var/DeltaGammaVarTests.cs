using Analytics.Pricing.Risk.Var;
using MathNet.Numerics.LinearAlgebra;

namespace Analytics.Pricing.Tests.Risk.Var;

/// <summary>
/// Delta-gamma Cornish–Fisher VaR: its cumulants against the raw moments of a normal (E x² = s², E x⁴ = 3s⁴, E x⁶ = 15s⁶,
/// E x⁸ = 105s⁸), the delta-normal closed form when Γ = 0, a simulation of the exact quadratic P&amp;L, and Euler
/// contributions that sum to the totals.
/// </summary>
public sealed class DeltaGammaVarTests
{
    [Fact]
    public void Moments_OneAsset_AreTheCumulantsOfTheQuadraticFromNormalRawMoments()
    {
        double d = 3.0, g = -5.0, s = 0.04;
        // ΔP = d·x + ½g·x², x ~ N(0, s²). Raw moments of ΔP from E x^{2n} = (2n − 1)!!·s^{2n}, odd moments zero.
        double m2 = s * s, m4 = 3 * Math.Pow(s, 4), m6 = 15 * Math.Pow(s, 6), m8 = 105 * Math.Pow(s, 8);
        double e1 = 0.5 * g * m2;
        double e2 = d * d * m2 + 0.25 * g * g * m4;
        double e3 = 3 * d * d * 0.5 * g * m4 + 0.125 * g * g * g * m6;
        double e4 = Math.Pow(d, 4) * m4 + 6 * d * d * 0.25 * g * g * m6 + Math.Pow(0.5 * g, 4) * m8;
        double k2 = e2 - e1 * e1;
        double k3 = e3 - 3 * e2 * e1 + 2 * Math.Pow(e1, 3);
        double k4 = e4 - 4 * e3 * e1 - 3 * e2 * e2 + 12 * e2 * e1 * e1 - 6 * Math.Pow(e1, 4);

        var moments = DeltaGammaMoments.Of(Vector<double>.Build.Dense([d]), Matrix<double>.Build.Dense(1, 1, g), Matrix<double>.Build.Dense(1, 1, s * s));

        Assert.Equal(e1, moments.Mean, 1e-15);
        Assert.Equal(k2, moments.Variance, 1e-15);
        Assert.Equal(k3, moments.ThirdCumulant, Math.Abs(k3) * 1e-9);
        Assert.Equal(k4, moments.FourthCumulant, Math.Abs(k4) * 1e-9);
    }

    [Fact]
    public void WithoutGamma_IsTheDeltaNormalFigure()
    {
        var covariance = Matrix<double>.Build.DenseOfArray(new[,] { { 0.0004, 0.00006 }, { 0.00006, 0.0001 } });

        var normal = DeltaNormalVar.Estimate([(0, 10_000_000.0), (1, 5_000_000.0)], covariance, 10, 0.99);
        var (cf, moments) = DeltaGammaVar.Estimate([(0, 10_000_000.0, 0.0), (1, 5_000_000.0, 0.0)], covariance, 10, 0.99);

        Assert.Equal(0.0, moments.Skewness);
        Assert.Equal(normal.ValueAtRisk, cf.ValueAtRisk, normal.ValueAtRisk * 1e-12);
        Assert.Equal(normal.ExpectedShortfall, cf.ExpectedShortfall, normal.ExpectedShortfall * 1e-4);
    }

    [Fact]
    public void ShortGammaBook_IsCloseToASimulationOfTheExactQuadraticAndContributionsSum()
    {
        // A short option book on one asset: dollar delta 2m, dollar gamma −40m, daily σ 3 %, 1 day, 99 %: skewed left.
        double d = 2_000_000, g = -40_000_000, sigma = 0.03;
        var covariance = Matrix<double>.Build.Dense(1, 1, sigma * sigma);

        var (estimate, moments) = DeltaGammaVar.Estimate([(0, d / 2, g / 2), (0, d / 2, g / 2)], covariance, 1, 0.99);

        var random = new Random(3);
        var losses = new double[400_000];
        for (int i = 0; i < losses.Length; i++)
        {
            double x = sigma * MathNet.Numerics.Distributions.Normal.Sample(random, 0, 1);
            losses[i] = -(d * x + 0.5 * g * x * x);
        }

        Array.Sort(losses);
        double simulated = losses[(int)(0.99 * losses.Length)];
        Assert.True(moments.Skewness < -0.3, $"skewness {moments.Skewness}");
        Assert.Equal(simulated, estimate.ValueAtRisk, simulated * 0.03);
        Assert.Equal(estimate.ValueAtRisk, estimate.VarContributions.Sum(), estimate.ValueAtRisk * 1e-6);
        Assert.Equal(estimate.ExpectedShortfall, estimate.ShortfallContributions.Sum(), estimate.ExpectedShortfall * 1e-6);
        Assert.Equal(estimate.VarContributions[0], estimate.VarContributions[1], 1e-6 * estimate.ValueAtRisk);
        Assert.True(estimate.ExpectedShortfall > estimate.ValueAtRisk);
    }

    [Fact]
    public void Contributions_AreEachPositionsScaleDerivativeOfTheTotal()
    {
        // Euler's definition taken directly: VaR and ES of the book with one position scaled by 1 ± h, by central
        // differences of the totals, against the estimate's contributions (taken through each underlying's δ and Γ).
        var covariance = Matrix<double>.Build.DenseOfArray(new[,] { { 0.04 * 0.04, 0.7 * 0.04 * 0.03 }, { 0.7 * 0.04 * 0.03, 0.03 * 0.03 } });
        (int, double, double)[] book = [(0, 1_500_000, -30_000_000), (0, -400_000, 8_000_000), (1, 900_000, -12_000_000), (1, 250_000, 0)];
        var (estimate, _) = DeltaGammaVar.Estimate(book, covariance, 5, 0.99);

        const double h = 1e-4;
        for (int p = 0; p < book.Length; p++)
        {
            var up = DeltaGammaVar.Estimate(Scaled(book, p, 1 + h), covariance, 5, 0.99).Estimate;
            var down = DeltaGammaVar.Estimate(Scaled(book, p, 1 - h), covariance, 5, 0.99).Estimate;
            Assert.Equal((up.ValueAtRisk - down.ValueAtRisk) / (2 * h), estimate.VarContributions[p], 1e-6 * estimate.ValueAtRisk);
            Assert.Equal((up.ExpectedShortfall - down.ExpectedShortfall) / (2 * h), estimate.ShortfallContributions[p], 1e-6 * estimate.ExpectedShortfall);
        }

        Assert.Equal(estimate.ValueAtRisk, estimate.VarContributions.Sum(), estimate.ValueAtRisk * 1e-6);
    }

    private static (int, double, double)[] Scaled((int, double, double)[] book, int position, double scale) =>
        [.. book.Select((x, i) => i == position ? (x.Item1, x.Item2 * scale, x.Item3 * scale) : x)];
}
