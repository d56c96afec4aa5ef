using Analytics.Pricing.Black;

namespace Analytics.Pricing.Tests.Black;

/// <summary>
/// Published Greek values, copied from QuantLib's test-suite/europeanoption.cpp,
/// EuropeanOptionTest::testGreekValues (lballabio/QuantLib; tolerance 1e-4 for every row), which takes
/// them from E. G. Haug, <i>The Complete Guide to Option Pricing Formulas</i>, McGraw-Hill 1998,
/// pp. 11–16. Units: QuantLib reports vega per 1.00 of vol, theta per year (∂V/∂t), rho per 1.00 of
/// rate and dividend rho ∂V/∂q per 1.00 of yield — the same units as ours, so no scaling is needed except
/// where a row says so (Haug's book prints some of these per 1 % or per day).
/// </summary>
public sealed class BlackVanillaOptionPricerGreekReferenceTests
{
    private const double Tolerance = 1e-4; // QuantLib testGreekValues

    // greek, right, strike K, spot S, dividend yield q, rate r, tenor T, vol σ, expected
    public static TheoryData<string, OptionRight, double, double, double, double, double, double, double> HaugGreekValues => new()
    {
        // Haug 1998 pp. 11–16 via QuantLib testGreekValues: delta
        { "delta", OptionRight.Call, 100.00, 105.00, 0.10, 0.10, 0.5, 0.36, 0.5946 },
        { "delta", OptionRight.Put, 100.00, 105.00, 0.10, 0.10, 0.5, 0.36, -0.3566 },
        // elasticity Δ·S/V
        { "elasticity", OptionRight.Put, 100.00, 105.00, 0.10, 0.10, 0.5, 0.36, -4.8775 },
        // gamma
        { "gamma", OptionRight.Call, 60.00, 55.00, 0.00, 0.10, 0.75, 0.30, 0.0278 },
        { "gamma", OptionRight.Put, 60.00, 55.00, 0.00, 0.10, 0.75, 0.30, 0.0278 },
        // vega per 1.00 of vol (Haug's text quotes 0.1894 per vol point, i.e. this / 100)
        { "vega", OptionRight.Call, 60.00, 55.00, 0.00, 0.10, 0.75, 0.30, 18.9358 },
        { "vega", OptionRight.Put, 60.00, 55.00, 0.00, 0.10, 0.75, 0.30, 18.9358 },
        // theta per year of calendar time, ∂V/∂t
        { "theta", OptionRight.Put, 405.00, 430.00, 0.05, 0.07, 1.0 / 12.0, 0.20, -31.1924 },
        // theta per calendar day = theta / 365 (QuantLib thetaPerDay); converted from our per-year theta
        { "thetaPerDay", OptionRight.Put, 405.00, 430.00, 0.05, 0.07, 1.0 / 12.0, 0.20, -0.0855 },
        // rho per 1.00 of rate, dividend yield fixed (b = r − q moves with r)
        { "rho", OptionRight.Call, 75.00, 72.00, 0.00, 0.09, 1.0, 0.19, 38.7325 },
        // dividend rho ∂V/∂q = −∂V/∂b = −CarryRho when b = r − q
        { "dividendRho", OptionRight.Put, 490.00, 500.00, 0.05, 0.08, 0.25, 0.15, 42.2254 },
    };

    [Theory]
    [MemberData(nameof(HaugGreekValues))]
    public void Greeks_HaugReferenceRow_MatchesWithin1e4(
        string greek, OptionRight right, double strike, double spot, double dividendYield, double rate,
        double tenorYears, double volatility, double expected)
    {
        var result = BlackVanillaOptionPricer.Default.Price(
            BlackVanillaOptionInputs.WithDividendYield(right, spot, strike, tenorYears, volatility, rate, dividendYield));
        var g = result.Greeks;

        double actual = greek switch
        {
            "delta" => g.Delta,
            "elasticity" => g.Delta * spot / result.Price,
            "gamma" => g.Gamma,
            "vega" => g.Vega,
            "theta" => g.Theta,
            "thetaPerDay" => g.Theta / 365.0,
            "rho" => g.Rho,
            "dividendRho" => -g.CarryRho,
            _ => throw new ArgumentOutOfRangeException(nameof(greek), greek, "unknown Greek"),
        };

        Assert.True(Math.Abs(actual - expected) <= Tolerance, $"{greek}: {actual:R}, expected {expected} ± {Tolerance}");
    }

    [Fact]
    public void Rho_CarryTiedVersusFixed_DifferByCarryRho()
    {
        // API.md: under "rates" carry b moves with r; with an explicit carry b is held fixed.
        var tied = BlackVanillaOptionInputs.WithDividendYield(OptionRight.Call, 100, 95, 0.7, 0.3, 0.04, 0.01);
        var fixedCarry = tied with { CarryConvention = CarryConvention.Fixed };

        var tiedGreeks = BlackVanillaOptionPricer.Default.Price(tied).Greeks;
        var fixedResult = BlackVanillaOptionPricer.Default.Price(fixedCarry);

        Assert.Equal(-0.7 * fixedResult.Price, fixedResult.Greeks.Rho, 1e-13);
        Assert.Equal(fixedResult.Greeks.Rho + fixedResult.Greeks.CarryRho, tiedGreeks.Rho, 1e-12);
    }
}
