using Analytics.Pricing.Black;

namespace Analytics.Pricing.Tests.Black;

/// <summary>
/// Every closed-form Greek against central finite differences of the price (Strata's practice), over a grid
/// of rights, moneyness, tenors, vols, carries and both carry conventions. Theta and charm bump the tenor
/// with ∂/∂t = −∂/∂T (API.md); rho bumps r and, under b = r − q, b by the same amount.
/// </summary>
public sealed class BlackVanillaOptionPricerFiniteDifferenceTests
{
    public static TheoryData<OptionRight, double, double, double, double, CarryConvention> Grid()
    {
        var data = new TheoryData<OptionRight, double, double, double, double, CarryConvention>();
        foreach (var right in new[] { OptionRight.Call, OptionRight.Put })
        foreach (double strike in new[] { 70.0, 100.0, 130.0 })
        foreach (double tenor in new[] { 0.1, 1.5 })
        foreach (double vol in new[] { 0.15, 0.8 })
        foreach (double carry in new[] { -0.02, 0.05 })
        foreach (var convention in new[] { CarryConvention.RateMinusDividendYield, CarryConvention.Fixed })
        {
            data.Add(right, strike, tenor, vol, carry, convention);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Grid))]
    public void Greeks_AgainstCentralFiniteDifferences_Agree(
        OptionRight right, double strike, double tenorYears, double volatility, double costOfCarry, CarryConvention convention)
    {
        var x = new BlackVanillaOptionInputs(right, 100.0, strike, tenorYears, volatility, 0.03, costOfCarry, convention);
        var g = BlackVanillaOptionPricer.Default.Price(x).Greeks;

        double hS = 1e-4 * x.Spot, hVol = 1e-5, hT = 1e-5, hR = 1e-5;
        double v0 = V(x);

        double delta = (V(x with { Spot = x.Spot + hS }) - V(x with { Spot = x.Spot - hS })) / (2 * hS);
        double gamma = (V(x with { Spot = x.Spot + hS }) - 2 * v0 + V(x with { Spot = x.Spot - hS })) / (hS * hS);
        double vega = (V(x with { Volatility = volatility + hVol }) - V(x with { Volatility = volatility - hVol })) / (2 * hVol);
        double theta = -(V(x with { TenorYears = tenorYears + hT }) - V(x with { TenorYears = tenorYears - hT })) / (2 * hT);
        double carryRho = (V(x with { CostOfCarry = costOfCarry + hR }) - V(x with { CostOfCarry = costOfCarry - hR })) / (2 * hR);
        double rho = (V(BumpRate(x, hR)) - V(BumpRate(x, -hR))) / (2 * hR);

        double hVol2 = 1e-3;
        double volga = (V(x with { Volatility = volatility + hVol2 }) - 2 * v0 + V(x with { Volatility = volatility - hVol2 }))
                       / (hVol2 * hVol2);
        double hVol3 = 1e-4;
        double vanna = (V(x with { Spot = x.Spot + hS, Volatility = volatility + hVol3 })
                        - V(x with { Spot = x.Spot + hS, Volatility = volatility - hVol3 })
                        - V(x with { Spot = x.Spot - hS, Volatility = volatility + hVol3 })
                        + V(x with { Spot = x.Spot - hS, Volatility = volatility - hVol3 })) / (4 * hS * hVol3);
        double hT2 = 1e-4;
        double charm = -(V(x with { Spot = x.Spot + hS, TenorYears = tenorYears + hT2 })
                         - V(x with { Spot = x.Spot + hS, TenorYears = tenorYears - hT2 })
                         - V(x with { Spot = x.Spot - hS, TenorYears = tenorYears + hT2 })
                         + V(x with { Spot = x.Spot - hS, TenorYears = tenorYears - hT2 })) / (4 * hS * hT2);

        AssertClose("delta", delta, g.Delta, 1e-7);
        AssertClose("gamma", gamma, g.Gamma, 1e-6);
        AssertClose("vega", vega, g.Vega, 1e-6);
        AssertClose("theta", theta, g.Theta, 1e-5);
        AssertClose("rho", rho, g.Rho, 1e-5);
        AssertClose("carryRho", carryRho, g.CarryRho, 1e-5);
        AssertClose("volga", volga, g.Volga, 1e-4);
        AssertClose("vanna", vanna, g.Vanna, 1e-5);
        AssertClose("charm", charm, g.Charm, 1e-4);
    }

    private static double V(BlackVanillaOptionInputs inputs) => BlackVanillaOptionPricer.Default.Price(inputs).Price;

    /// <summary>Bumps r with the dividend yield held fixed: b moves too only when b = r − q.</summary>
    private static BlackVanillaOptionInputs BumpRate(BlackVanillaOptionInputs x, double bump) =>
        x.CarryConvention == CarryConvention.RateMinusDividendYield
            ? x with { Rate = x.Rate + bump, CostOfCarry = x.CostOfCarry + bump }
            : x with { Rate = x.Rate + bump };

    private static void AssertClose(string greek, double finiteDifference, double analytic, double tolerance)
    {
        double error = Math.Abs(finiteDifference - analytic) / Math.Max(1.0, Math.Abs(analytic));
        Assert.True(error <= tolerance, $"{greek}: analytic {analytic:R}, finite difference {finiteDifference:R}, scaled error {error:E2}");
    }
}
