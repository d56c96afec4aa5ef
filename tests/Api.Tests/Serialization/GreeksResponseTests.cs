using Analytics.Api.Contracts.Pricing;
using Analytics.Pricing;

namespace Analytics.Api.Tests.Serialization;

/// <summary>
/// <see cref="GreeksResponse.From"/>, where every response's Greeks are built: a negative zero (the Greeks of a limit are products
/// such as −ω·w·x with w = 0, IEEE 754 §6.3 gives them the sign of the product) is written as 0, and an infinite Greek (a gamma
/// beyond 1.8e308 per USD² at a spot of 1e-270) as the largest double of its sign, since JSON (RFC 8259 §6) has no infinity.
/// </summary>
public sealed class GreeksResponseTests
{
    [Fact]
    public void From_NegativeZeroAndInfinities_AreWrittenAsZeroAndTheLargestDoubles_OtherValuesUnchanged()
    {
        var response = GreeksResponse.From(new Greeks(-0.0, double.PositiveInfinity, double.NegativeInfinity, -0.0, -1.5, 0.0, 2.5e-300, -0.0, -0.0));

        foreach (double zero in new[] { response.Delta, response.Theta, response.Volga, response.Charm, response.CarryRho })
        {
            Assert.Equal(0.0, zero);
            Assert.False(double.IsNegative(zero));
        }
        Assert.Equal(double.MaxValue, response.Gamma);
        Assert.Equal(-double.MaxValue, response.Vega);
        Assert.Equal(-1.5, response.Rho);
        Assert.Equal(2.5e-300, response.Vanna);
    }
}
