using Analytics.Pricing.American;
using Analytics.Pricing.Distributions;

namespace Analytics.Pricing.Tests.American;

/// <summary>
/// The bivariate normal distribution of the Bjerksund-Stensland 2002 formula against closed-form identities,
/// across all three of Genz's (2004) correlation branches (|ρ| &lt; 0.3, &lt; 0.75, &lt; 0.925, and beyond).
/// </summary>
public sealed class BivariateNormalTests
{
    public static TheoryData<double> Correlations => new() { -0.999, -0.95, -0.8, -0.5, -0.1, 0.0, 0.2, 0.6, 0.786, 0.9, 0.95, 0.999 };

    [Theory]
    [MemberData(nameof(Correlations))]
    public void Cdf_AtOrigin_EqualsSheppardsFormula(double rho)
    {
        // P(X ≤ 0, Y ≤ 0) = 1/4 + arcsin(ρ)/(2π) (Sheppard 1899).
        Assert.Equal(0.25 + Math.Asin(rho) / (2.0 * Math.PI), BivariateNormal.Cdf(0.0, 0.0, rho), 14);
    }

    [Theory]
    [MemberData(nameof(Correlations))]
    public void Cdf_ReflectedSecondArgument_SumsToMarginal(double rho)
    {
        // M(a, b; ρ) + M(a, −b; −ρ) = Φ(a).
        foreach (var (a, b) in new[] { (0.3, -1.2), (-2.0, 0.5), (1.5, 2.5), (-0.7, -0.4) })
        {
            double sum = BivariateNormal.Cdf(a, b, rho) + BivariateNormal.Cdf(a, -b, -rho);
            Assert.Equal(StandardNormal.Cdf(a), sum, 14);
        }
    }

    [Fact]
    public void Cdf_ZeroCorrelation_FactorisesAndPerfectCorrelationIsTheMinimum()
    {
        Assert.Equal(StandardNormal.Cdf(0.4) * StandardNormal.Cdf(-1.1), BivariateNormal.Cdf(0.4, -1.1, 0.0), 15);
        Assert.Equal(StandardNormal.Cdf(-1.1), BivariateNormal.Cdf(0.4, -1.1, 1.0), 15);
        Assert.Equal(Math.Max(StandardNormal.Cdf(0.4) + StandardNormal.Cdf(-1.1) - 1.0, 0.0), BivariateNormal.Cdf(0.4, -1.1, -1.0), 15);
    }
}
