using Analytics.Pricing.Black;

namespace Analytics.Pricing.Tests.Black;

/// <summary>
/// Published reference prices. The Haug rows are copied, with their tolerances, from QuantLib's
/// test-suite/europeanoption.cpp, EuropeanOptionTest::testValues (lballabio/QuantLib), which takes them from
/// E. G. Haug, <i>The Complete Guide to Option Pricing Formulas</i>, McGraw-Hill 1998 (1st ed.), pp. 2–8,
/// 24 and 27 (the same examples appear in the 2nd ed., 2007, ch. 1). QuantLib's tenors t·360 are whole
/// Actual/360 days, so its year fractions equal t exactly.
/// </summary>
public sealed class BlackScholesMertonReferenceTests
{
    // right, strike K, spot S, dividend yield q, rate r, tenor T (years), vol σ, expected value, absolute tolerance
    public static TheoryData<OptionRight, double, double, double, double, double, double, double, double> HaugValues => new()
    {
        // Haug 1998, pp. 2–8 (QuantLib testValues "pag 2-8"); rows 3-4 have q = r, i.e. b = 0 (Black-76)
        { OptionRight.Call, 65.00, 60.00, 0.00, 0.08, 0.25, 0.30, 2.1334, 1.0e-4 },
        { OptionRight.Put, 95.00, 100.00, 0.05, 0.10, 0.50, 0.20, 2.4648, 1.0e-4 },
        { OptionRight.Put, 19.00, 19.00, 0.10, 0.10, 0.75, 0.28, 1.7011, 1.0e-4 },
        { OptionRight.Call, 19.00, 19.00, 0.10, 0.10, 0.75, 0.28, 1.7011, 1.0e-4 },
        { OptionRight.Call, 1.60, 1.56, 0.08, 0.06, 0.50, 0.12, 0.0291, 1.0e-4 },
        { OptionRight.Put, 70.00, 75.00, 0.05, 0.10, 0.50, 0.35, 4.0870, 1.0e-4 },
        // Haug 1998, p. 24 (QuantLib testValues "pag 24"): calls and puts, K = 100, q = r = 10 %
        { OptionRight.Call, 100.00, 90.00, 0.10, 0.10, 0.10, 0.15, 0.0205, 1.0e-4 },
        { OptionRight.Call, 100.00, 100.00, 0.10, 0.10, 0.10, 0.15, 1.8734, 1.0e-4 },
        { OptionRight.Call, 100.00, 110.00, 0.10, 0.10, 0.10, 0.15, 9.9413, 1.0e-4 },
        { OptionRight.Call, 100.00, 90.00, 0.10, 0.10, 0.10, 0.25, 0.3150, 1.0e-4 },
        { OptionRight.Call, 100.00, 100.00, 0.10, 0.10, 0.10, 0.25, 3.1217, 1.0e-4 },
        { OptionRight.Call, 100.00, 110.00, 0.10, 0.10, 0.10, 0.25, 10.3556, 1.0e-4 },
        { OptionRight.Call, 100.00, 90.00, 0.10, 0.10, 0.10, 0.35, 0.9474, 1.0e-4 },
        { OptionRight.Call, 100.00, 100.00, 0.10, 0.10, 0.10, 0.35, 4.3693, 1.0e-4 },
        { OptionRight.Call, 100.00, 110.00, 0.10, 0.10, 0.10, 0.35, 11.1381, 1.0e-4 },
        { OptionRight.Call, 100.00, 90.00, 0.10, 0.10, 0.50, 0.15, 0.8069, 1.0e-4 },
        { OptionRight.Call, 100.00, 100.00, 0.10, 0.10, 0.50, 0.15, 4.0232, 1.0e-4 },
        { OptionRight.Call, 100.00, 110.00, 0.10, 0.10, 0.50, 0.15, 10.5769, 1.0e-4 },
        { OptionRight.Call, 100.00, 90.00, 0.10, 0.10, 0.50, 0.25, 2.7026, 1.0e-4 },
        { OptionRight.Call, 100.00, 100.00, 0.10, 0.10, 0.50, 0.25, 6.6997, 1.0e-4 },
        { OptionRight.Call, 100.00, 110.00, 0.10, 0.10, 0.50, 0.25, 12.7857, 1.0e-4 },
        { OptionRight.Call, 100.00, 90.00, 0.10, 0.10, 0.50, 0.35, 4.9329, 1.0e-4 },
        { OptionRight.Call, 100.00, 100.00, 0.10, 0.10, 0.50, 0.35, 9.3679, 1.0e-4 },
        { OptionRight.Call, 100.00, 110.00, 0.10, 0.10, 0.50, 0.35, 15.3086, 1.0e-4 },
        { OptionRight.Put, 100.00, 90.00, 0.10, 0.10, 0.10, 0.15, 9.9210, 1.0e-4 },
        { OptionRight.Put, 100.00, 100.00, 0.10, 0.10, 0.10, 0.15, 1.8734, 1.0e-4 },
        { OptionRight.Put, 100.00, 110.00, 0.10, 0.10, 0.10, 0.15, 0.0408, 1.0e-4 },
        { OptionRight.Put, 100.00, 90.00, 0.10, 0.10, 0.10, 0.25, 10.2155, 1.0e-4 },
        { OptionRight.Put, 100.00, 100.00, 0.10, 0.10, 0.10, 0.25, 3.1217, 1.0e-4 },
        { OptionRight.Put, 100.00, 110.00, 0.10, 0.10, 0.10, 0.25, 0.4551, 1.0e-4 },
        { OptionRight.Put, 100.00, 90.00, 0.10, 0.10, 0.10, 0.35, 10.8479, 1.0e-4 },
        { OptionRight.Put, 100.00, 100.00, 0.10, 0.10, 0.10, 0.35, 4.3693, 1.0e-4 },
        { OptionRight.Put, 100.00, 110.00, 0.10, 0.10, 0.10, 0.35, 1.2376, 1.0e-4 },
        { OptionRight.Put, 100.00, 90.00, 0.10, 0.10, 0.50, 0.15, 10.3192, 1.0e-4 },
        { OptionRight.Put, 100.00, 100.00, 0.10, 0.10, 0.50, 0.15, 4.0232, 1.0e-4 },
        { OptionRight.Put, 100.00, 110.00, 0.10, 0.10, 0.50, 0.15, 1.0646, 1.0e-4 },
        { OptionRight.Put, 100.00, 90.00, 0.10, 0.10, 0.50, 0.25, 12.2149, 1.0e-4 },
        { OptionRight.Put, 100.00, 100.00, 0.10, 0.10, 0.50, 0.25, 6.6997, 1.0e-4 },
        { OptionRight.Put, 100.00, 110.00, 0.10, 0.10, 0.50, 0.25, 3.2734, 1.0e-4 },
        { OptionRight.Put, 100.00, 90.00, 0.10, 0.10, 0.50, 0.35, 14.4452, 1.0e-4 },
        { OptionRight.Put, 100.00, 100.00, 0.10, 0.10, 0.50, 0.35, 9.3679, 1.0e-4 },
        { OptionRight.Put, 100.00, 110.00, 0.10, 0.10, 0.50, 0.35, 5.7963, 1.0e-4 },
        // Haug 1998, p. 27 (QuantLib testValues "pag 27")
        { OptionRight.Call, 40.00, 42.00, 0.08, 0.04, 0.75, 0.35, 5.0975, 1.0e-4 },
        // Hull, Options, Futures, and Other Derivatives, 8th ed. 2012, ch. 15 worked example
        // (S = 42, K = 40, r = 10 %, σ = 20 %, T = 0.5): c = 4.76, p = 0.81, quoted to 2 decimals.
        { OptionRight.Call, 40.00, 42.00, 0.00, 0.10, 0.50, 0.20, 4.76, 0.005 },
        { OptionRight.Put, 40.00, 42.00, 0.00, 0.10, 0.50, 0.20, 0.81, 0.005 },
    };

    [Theory]
    [MemberData(nameof(HaugValues))]
    public void Price_HaugAndHullReferenceRow_MatchesWithinPublishedTolerance(
        OptionRight right, double strike, double spot, double dividendYield, double rate, double tenorYears,
        double volatility, double expected, double tolerance)
    {
        var inputs = BlackVanillaOptionInputs.WithDividendYield(right, spot, strike, tenorYears, volatility, rate, dividendYield);

        double price = BlackVanillaOptionPricer.Default.Price(inputs).Price;

        Assert.True(Math.Abs(price - expected) <= tolerance, $"price {price:R}, expected {expected} ± {tolerance}");
    }

    [Theory]
    [MemberData(nameof(HaugValues))]
    public void FormulaPrice_OnForwardAndDiscountFactor_EqualsPricerPrice(
        OptionRight right, double strike, double spot, double dividendYield, double rate, double tenorYears,
        double volatility, double expected, double tolerance)
    {
        _ = expected;
        _ = tolerance;
        var result = BlackVanillaOptionPricer.Default.Price(
            BlackVanillaOptionInputs.WithDividendYield(right, spot, strike, tenorYears, volatility, rate, dividendYield));

        double formula = BlackScholesMerton.Price(
            result.Forward, strike, tenorYears, volatility, result.DiscountFactor, right == OptionRight.Call);

        Assert.Equal(result.Price, formula, 1e-13);
        Assert.Equal(spot * Math.Exp((rate - dividendYield) * tenorYears), result.Forward, 1e-12);
        Assert.Equal(Math.Exp(-rate * tenorYears), result.DiscountFactor, 1e-15);
    }

    // right, forward F, strike K, rate r, tenor T, vol σ, expected, absolute tolerance
    public static TheoryData<OptionRight, double, double, double, double, double, double, double> Black76Values => new()
    {
        // Hull, Options, Futures, and Other Derivatives, 8th ed. 2012, ch. 18 (Black's model) worked example:
        // European put on crude-oil futures, F = K = 20, r = 9 %, T = 4 months, σ = 25 %: p = 1.12.
        { OptionRight.Put, 20.0, 20.0, 0.09, 4.0 / 12.0, 0.25, 1.12, 0.005 },
        // Haug 1998, pp. 2–8 row with q = r = 10 % (b = 0), restated on the forward F = S = 19.
        { OptionRight.Call, 19.0, 19.0, 0.10, 0.75, 0.28, 1.7011, 1.0e-4 },
        { OptionRight.Put, 19.0, 19.0, 0.10, 0.75, 0.28, 1.7011, 1.0e-4 },
    };

    [Theory]
    [MemberData(nameof(Black76Values))]
    public void Price_Black76ReferenceRow_MatchesWithinPublishedTolerance(
        OptionRight right, double forward, double strike, double rate, double tenorYears, double volatility,
        double expected, double tolerance)
    {
        var result = BlackVanillaOptionPricer.Default.Price(
            BlackVanillaOptionInputs.OnForward(right, forward, strike, tenorYears, volatility, rate));

        Assert.True(Math.Abs(result.Price - expected) <= tolerance, $"price {result.Price:R}, expected {expected} ± {tolerance}");
        Assert.Equal(forward, result.Forward);
        Assert.Equal(-tenorYears * result.Price, result.Greeks.Rho, 1e-14);
    }
}
