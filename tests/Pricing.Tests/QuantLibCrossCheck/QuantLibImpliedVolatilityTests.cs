using Analytics.Pricing.Black;
using Analytics.Pricing.QuantLib;

namespace Analytics.Pricing.Tests.QuantLibCrossCheck;

/// <summary>QuantLib's implied volatility (<c>VanillaOption::impliedVolatility</c>) through the binding.</summary>
public sealed class QuantLibImpliedVolatilityTests
{
    [Theory]
    [InlineData(OptionRight.Call, 100.0, 0.1, 0.2)]
    [InlineData(OptionRight.Put, 80.0, 0.5, 0.9)]
    [InlineData(OptionRight.Call, 130.0, 2.0, 0.35)]
    [InlineData(OptionRight.Put, 100.0, 1.0 / 365.0, 1.2)]
    public void European_PriceFromOurPricer_RoundTripsToTheVolatility(OptionRight right, double strike, double tenorYears, double vol)
    {
        QuantLibRequirement.Require();
        var inputs = BlackVanillaOptionInputs.WithDividendYield(right, 100.0, strike, tenorYears, vol, 0.05, 0.02);
        double price = BlackVanillaOptionPricer.Default.Price(inputs).Price;

        var result = QuantLibRequirement.Pricer.ImpliedVolatility(
            right, 100.0, strike, tenorYears, 0.05, inputs.CostOfCarry, price);

        Assert.True(result.IsSolved, result.Reason);
        QuantLibRequirement.Close(vol, result.Volatility, 1e-9, 0.0, "implied vol");
    }

    [Fact]
    public void American_PriceFromQuantLibFd_RoundTripsToTheVolatility()
    {
        QuantLibRequirement.Require();
        var inputs = BlackVanillaOptionInputs.WithDividendYield(OptionRight.Put, 100.0, 110.0, 0.5, 0.45, 0.06, 0.0);
        double price = QuantLibRequirement.Pricer.Price(inputs, QuantLibExerciseStyle.American, QuantLibEngine.QuantLibFd).Price;

        var result = QuantLibRequirement.Pricer.ImpliedVolatility(
            OptionRight.Put, 100.0, 110.0, 0.5, 0.06, 0.06, price, QuantLibExerciseStyle.American);

        // QuantLib inverts with its own 100 × 100 FD engine, so the round trip carries the grids' difference.
        Assert.True(result.IsSolved, result.Reason);
        QuantLibRequirement.Close(0.45, result.Volatility, 5e-3, 0.0, "implied vol");
    }

    [Fact]
    public void European_PriceBelowIntrinsic_IsANoSolutionValueNotAnException()
    {
        QuantLibRequirement.Require();

        var result = QuantLibRequirement.Pricer.ImpliedVolatility(OptionRight.Call, 100.0, 80.0, 0.5, 0.05, 0.05, 5.0);

        Assert.False(result.IsSolved);
        Assert.Equal(QuantLibImpliedVolatilityStatus.NoSolution, result.Status);
        Assert.True(double.IsNaN(result.Volatility));
        Assert.False(string.IsNullOrWhiteSpace(result.Reason));
    }
}
