using Analytics.Pricing.ImpliedVol;

namespace Analytics.Pricing.Tests.ImpliedVol;

/// <summary>The benchmark baseline agrees with Let's Be Rational where plain Newton is reliable, and types the same failures.</summary>
public sealed class NewtonRaphsonImpliedVolatilityTests
{
    public static TheoryData<double, double, OptionRight> ModerateCases()
    {
        var data = new TheoryData<double, double, OptionRight>();
        foreach (double stdDev in new[] { 0.05, 0.2, 0.6, 1.5 })
        foreach (double deviations in new[] { -2.0, -0.5, 0.0, 0.5, 2.0 })
        foreach (OptionRight right in new[] { OptionRight.Call, OptionRight.Put })
        {
            data.Add(stdDev, deviations, right);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ModerateCases))]
    public void SolveBlack76_ModerateCase_AgreesWithLetsBeRational(double stdDev, double deviations, OptionRight right)
    {
        double strike = 100.0 * Math.Exp(-deviations * stdDev);
        double price = 0.95 * ImpliedVolatilityRoundTripTests.UndiscountedPrice(100.0, strike, stdDev, right);

        ImpliedVolResult newton = NewtonRaphsonImpliedVolatility.SolveBlack76(price, 100.0, strike, 1.0, 0.95, right);
        ImpliedVolResult rational = ImpliedVolatility.SolveBlack76(price, 100.0, strike, 1.0, 0.95, right);

        Assert.True(newton.IsSolved);
        Assert.Equal(rational.LognormalVol, newton.LognormalVol, 1e-10 * stdDev);
        Assert.Equal(stdDev, newton.LognormalVol, 1e-10 * stdDev);
    }

    [Fact]
    public void SolveBlack76_PriceBelowIntrinsic_ReturnsTypedStatus()
    {
        ImpliedVolResult result = NewtonRaphsonImpliedVolatility.SolveBlack76(5.0, 110.0, 100.0, 1.0, 1.0, OptionRight.Call);

        Assert.Equal(ImpliedVolStatus.BelowIntrinsic, result.Status);
    }
}
