using Analytics.Pricing.Black;
using Analytics.Pricing.Distributions;
using Analytics.Pricing.Tests.Support;

namespace Analytics.Pricing.Tests.Black;

/// <summary>
/// Deep out-of-the-money prices keep their relative accuracy down to 1e-100 and beyond. References are
/// computed in the test by <see cref="HighPrecision"/> (700-digit BigInteger arithmetic: F·Φ(d₁) − K·Φ(d₂)
/// with Φ from its Taylor series) for the exact double inputs, so nothing is taken from the code under
/// test. T = 1 and DF = 1, so σ√T = σ is exact. Tolerance: the price's own conditioning with respect to
/// rounding of ln(F/K) and d₂ is about (1 + d₂²)·ε (φ(d₂) amplifies a relative error δ in d₂ by d₂²),
/// so rows allow 16·(1 + d₂²)·ε relative — 1.6e-12 at d₂ = −21, where the textbook formula loses
/// everything.
/// </summary>
public sealed class BlackScholesMertonDeepOutOfTheMoneyTests
{
    /// <summary>Machine epsilon of IEEE double, 2^-52 (not .NET's double.Epsilon, the smallest subnormal).</summary>
    private const double MachineEpsilon = 2.220446049250313e-16;

    // isCall, forward F, strike K, σ√T (T = 1)
    public static TheoryData<bool, double, double, double> DeepOutOfTheMoneyRows => new()
    {
        // d₂ ≈ −21 at several vol levels: prices 2.5e-102, 1.7e-101, 2.5e-99, 2.1e-93, 1.2e-73, 9.3e-29
        // (series branch while σ√T ≤ −d₂/4, textbook branch beyond)
        { true, 1.0, 1.0212, 0.001 },
        { true, 1.0, 1.2337, 0.01 },
        { true, 1.0, 8.1, 0.1 },
        { true, 1.0, 1.1e9, 1.0 },
        { true, 1.0, 2.6e25, 3.0 },
        { true, 1.0, 3.0e69, 10.0 },
        // the same as puts (forward above strike)
        { false, 8.1, 1.0, 0.1 },
        { false, 1.2337, 1.0, 0.01 },
        { false, 1.1e9, 1.0, 1.0 },
        // further out: 1.0e-107 (d₂ ≈ −22) and 6.5e-297 (d₂ ≈ −36.8, near underflow)
        { true, 100.0, 300.0, 0.05 },
        { true, 100.0, 260.0, 0.026 },
        // moderately out of the money (5.7e-9 … 0.94), either side of the branch boundaries −d₂ = 4 and σ√T = −d₂/4
        { true, 100.0, 100.5, 0.001 },
        { true, 100.0, 148.0, 0.1 },
        { true, 100.0, 500.0, 0.4 },
        { true, 100.0, 150.0, 0.0999 },
        { true, 100.0, 2000.0, 1.2 },
        { false, 100.0, 60.0, 0.1 },
    };

    [Theory]
    [MemberData(nameof(DeepOutOfTheMoneyRows))]
    public void Price_DeepOutOfTheMoney_KeepsRelativeAccuracyAgainstBigIntegerReference(
        bool isCall, double forward, double strike, double stdDev)
    {
        double expected = HighPrecision.BlackPrice(forward, strike, stdDev, isCall);
        Assert.True(expected > 0.0 && (isCall ? forward < strike : forward > strike), "row must be out of the money");

        double actual = BlackScholesMerton.Price(forward, strike, tenorYears: 1.0, volatility: stdDev, discountFactor: 1.0, isCall);

        double d2 = Math.Log(forward / strike) / stdDev - 0.5 * stdDev;
        double tolerance = 16 * (1 + d2 * d2) * MachineEpsilon;
        double error = Math.Abs(actual / expected - 1.0);
        Assert.True(error <= tolerance, $"price {actual:R}, reference {expected:R}, relative error {error:E2} > {tolerance:E2}");
    }

    [Fact]
    public void Price_DeepOutOfTheMoneyTinyVolatility_AccurateWhereTextbookFormulaIsNot()
    {
        // d₂ ≈ −21, σ√T = 1e-7, price ≈ 1.6e-106: F·Φ(d₁) − K·Φ(d₂) cancels two nearly equal tails, so even
        // with this library's accurate Φ the textbook form keeps only ~5 digits (measured 5.3e-6 relative).
        const double forward = 1.0, strike = 1.0000021, stdDev = 1e-7;
        double expected = HighPrecision.BlackPrice(forward, strike, stdDev, isCall: true);
        Assert.InRange(expected, 1e-107, 1e-105);

        double d1 = Math.Log(forward / strike) / stdDev + 0.5 * stdDev;
        double textbook = forward * StandardNormal.Cdf(d1) - strike * StandardNormal.Cdf(d1 - stdDev);
        double actual = BlackScholesMerton.Price(forward, strike, 1.0, stdDev, 1.0, isCall: true);

        Assert.True(Math.Abs(textbook / expected - 1.0) > 1e-7, "the row no longer exercises the cancellation");
        Assert.True(Math.Abs(actual / expected - 1.0) < 1e-12, $"price {actual:R}, reference {expected:R}");
    }

    [Fact]
    public void Price_BeyondUnderflow_IsZeroNotNegativeOrNaN()
    {
        double price = BlackScholesMerton.Price(1.0, 1e6, 1.0, 0.05, 1.0, isCall: true);
        Assert.Equal(0.0, price);
    }
}
