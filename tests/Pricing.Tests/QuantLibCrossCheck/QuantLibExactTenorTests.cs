using Analytics.Pricing.Black;
using Analytics.Pricing.QuantLib;

namespace Analytics.Pricing.Tests.QuantLibCrossCheck;

/// <summary>
/// Tenors are not rounded to QuantLib's whole days: a tenor is priced on the nearest whole-day maturity with
/// r, q and σ² rescaled so rT, qT and σ²T are exact (QuantLibTenorScaling), and theta, vega and rho are
/// converted back.
/// </summary>
public sealed class QuantLibExactTenorTests
{
    [Theory]
    [InlineData(OptionRight.Call, 0.1)]
    [InlineData(OptionRight.Put, 0.1)]
    [InlineData(OptionRight.Call, 0.1234567)]
    [InlineData(OptionRight.Put, 1.0 / (365.0 * 24.0))] // one hour
    public void AnalyticEngine_NonWholeDayTenor_MatchesOurPricerToMachinePrecision(OptionRight right, double tenorYears)
    {
        QuantLibRequirement.Require();
        var inputs = BlackVanillaOptionInputs.WithDividendYield(right, 100.0, 103.0, tenorYears, 0.45, 0.05, 0.01);
        var ours = BlackVanillaOptionPricer.Default.Price(inputs);
        var ql = QuantLibRequirement.Pricer.Price(inputs, QuantLibExerciseStyle.European, QuantLibEngine.QuantLibAnalytic);

        QuantLibRequirement.Close(ours.Price, ql.Price, 1e-12, 0.0, "price");
        QuantLibRequirement.Close(ours.Greeks.Delta, ql.Greeks.Delta, 1e-12, 1e-15, "delta");
        QuantLibRequirement.Close(ours.Greeks.Gamma, ql.Greeks.Gamma, 1e-11, 0.0, "gamma");
        QuantLibRequirement.Close(ours.Greeks.Vega, ql.Greeks.Vega, 1e-11, 0.0, "vega (√k conversion)");
        QuantLibRequirement.Close(ours.Greeks.Theta, ql.Greeks.Theta, 1e-10, 0.0, "theta (1/k conversion)");
        QuantLibRequirement.Close(ours.Greeks.Rho, ql.Greeks.Rho, 1e-11, 1e-15, "rho (k conversion)");
        QuantLibRequirement.Close(ours.Greeks.CarryRho, ql.Greeks.CarryRho, 1e-11, 1e-15, "carry rho (k conversion)");
    }

    [Fact]
    public void AnalyticEngine_TenorOfATenthOfAYear_IsNotTheRoundedWholeDayPrice()
    {
        QuantLibRequirement.Require();
        var exact = BlackVanillaOptionInputs.WithDividendYield(OptionRight.Call, 100.0, 100.0, 0.1, 0.8, 0.05, 0.0);
        var rounded = exact with { TenorYears = 37.0 / 365.0 }; // 36.5 days rounds to 37

        double ql = QuantLibRequirement.Pricer.Price(exact, QuantLibExerciseStyle.European, QuantLibEngine.QuantLibAnalytic).Price;

        QuantLibRequirement.Close(BlackVanillaOptionPricer.Default.Price(exact).Price, ql, 1e-12, 0.0, "exact tenor");
        Assert.True(Math.Abs(BlackVanillaOptionPricer.Default.Price(rounded).Price - ql) > 1e-3, "the whole-day price differs visibly");
    }

    [Theory]
    [InlineData(QuantLibEngine.QuantLibBaw)]
    [InlineData(QuantLibEngine.QuantLibBjerksundStensland)]
    [InlineData(QuantLibEngine.QuantLibFd)]
    [InlineData(QuantLibEngine.QuantLibBinomial)]
    public void AmericanEngines_ValuationDate_DoesNotChangeTheResult(QuantLibEngine engine)
    {
        QuantLibRequirement.Require();
        var inputs = BlackVanillaOptionInputs.WithDividendYield(OptionRight.Put, 100.0, 110.0, 0.1, 0.5, 0.06, 0.0);

        var first = QuantLibRequirement.Pricer.Price(inputs, QuantLibExerciseStyle.American, engine, new DateOnly(2021, 3, 1));
        var second = QuantLibRequirement.Pricer.Price(inputs, QuantLibExerciseStyle.American, engine, new DateOnly(2044, 12, 30));

        QuantLibRequirement.Close(first.Price, second.Price, 1e-12, 0.0, "price");
        QuantLibRequirement.Close(first.Greeks.Delta, second.Greeks.Delta, 1e-9, 1e-12, "delta");
    }
}
