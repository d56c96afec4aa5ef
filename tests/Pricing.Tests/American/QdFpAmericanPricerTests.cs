using Analytics.Pricing.American;
using Analytics.Pricing.Black;
using Analytics.Pricing.Engines;

namespace Analytics.Pricing.Tests.American;

/// <summary>
/// The fixed-point American engine (<see cref="QdFpAmericanPricer"/>) against the literature, an independent lattice,
/// its limits and its own Greeks. The comparison with QuantLib's <c>QdFpAmericanEngine</c> is in
/// <c>QuantLibCrossCheck/QuantLibQdFpCrossCheckTests.cs</c>.
/// </summary>
public sealed class QdFpAmericanPricerTests(ITestOutputHelper output)
{
    // Andersen, Lake and Offengenden (2015/2016), the high-precision example as QuantLib 1.29's test-suite
    // (americanoption.cpp, testAndersenLakeHighPrecisionExample) quotes it: put, S = K = 100, q = 5 %, σ = 25 %, T = 1,
    // early-exercise premium (American − European) at (l, m, n) = (65, 8, 32). For r = q the premium is that of FP-A
    // (0.1069527028247546; FP-B gives 0.1069526779971959); for r = 7.5 % FP-A and FP-B give 0.3671112309062572 and
    // 0.3671111267813689, so their spread (1.1e-7) bounds what the literature pins down.
    [Theory]
    [InlineData(0.05, 0.1069527028247546, 3e-8)]
    [InlineData(0.075, 0.36711117884, 6e-8)]
    public void Premium_AndersenLakeOffengendenExample_MatchesTheLiterature(double rate, double premium, double tolerance)
    {
        var inputs = BlackVanillaOptionInputs.WithDividendYield(OptionRight.Put, 100.0, 100.0, 1.0, 0.25, rate, 0.05);
        double european = BlackVanillaOptionPricer.Default.PresentValue(inputs);

        Assert.Equal(premium, QdFpAmericanPricer.HighPrecision.PresentValue(inputs) - european, tolerance);
        Assert.Equal(premium, QdFpAmericanPricer.Default.PresentValue(inputs) - european, 1e-6);
    }

    /// <summary>Ju (1998) Exhibit 3 / Geske-Johnson short-dated puts and Ju Exhibit 6 long-dated calls, as the binomial reference tests use them.</summary>
    public static TheoryData<OptionRight, double, double, double, double, double, double> LiteratureRows() => new()
    {
        // type, strike, spot, q, r, t, vol
        { OptionRight.Put, 35.0, 40.0, 0.0, 0.0488, 0.0833, 0.2 },
        { OptionRight.Put, 40.0, 40.0, 0.0, 0.0488, 0.3333, 0.2 },
        { OptionRight.Put, 45.0, 40.0, 0.0, 0.0488, 0.5833, 0.4 },
        { OptionRight.Call, 100.0, 80.0, 0.07, 0.03, 3.0, 0.2 },
        { OptionRight.Call, 100.0, 120.0, 0.07, 0.03, 3.0, 0.4 },
        { OptionRight.Put, 100.0, 90.0, 0.0, 0.1, 0.5, 0.25 },
    };

    [Theory]
    [MemberData(nameof(LiteratureRows))]
    public void Price_LiteratureRows_MatchesTheLeisenReimerReferenceTo1e5(
        OptionRight right, double strike, double spot, double q, double r, double t, double vol)
    {
        var inputs = AmericanTestData.Inputs(right, strike, spot, q, r, t, vol);
        double reference = LeisenReimerReference.Price(right == OptionRight.Call, spot, strike, t, r, r - q, vol, 20001);

        Assert.Equal(reference, QdFpAmericanPricer.Default.PresentValue(inputs), 2e-5);
    }

    [Theory]
    [InlineData(0.5, 0.2, 0.05, 0.0, 1.0)]
    [InlineData(1.0, 0.5, 0.03, 0.01, 10.0)]
    [InlineData(2.0, 1.5, 0.1, 0.1, 30.0)]
    [InlineData(0.8, 0.05, 0.01, 0.1, 0.25)]
    [InlineData(1.1, 0.3, 0.0, -0.02, 3.0)]
    public void Price_PutAndCall_AtLeastEuropeanAndIntrinsicDeltaInBounds(double moneyness, double vol, double r, double q, double t)
    {
        foreach (var right in new[] { OptionRight.Put, OptionRight.Call })
        {
            var inputs = BlackVanillaOptionInputs.WithDividendYield(right, 100.0 * moneyness, 100.0, t, vol, r, q);
            var result = QdFpAmericanPricer.Default.Price(inputs);
            double intrinsic = Math.Max(right == OptionRight.Call ? inputs.Spot - 100.0 : 100.0 - inputs.Spot, 0.0);

            Assert.True(result.Price >= result.EuropeanPrice - 1e-12 * inputs.Strike, $"{right}: {result.Price} < European {result.EuropeanPrice}");
            Assert.True(result.Price >= intrinsic, $"{right}: {result.Price} < intrinsic {intrinsic}");
            if (right == OptionRight.Put)
            {
                Assert.InRange(result.Greeks.Delta, -1.0, 0.0);
            }
            else
            {
                Assert.InRange(result.Greeks.Delta, 0.0, 1.0);
            }

            Assert.True(result.Greeks.Gamma >= 0.0, $"{right}: gamma {result.Greeks.Gamma}");
        }
    }

    [Theory]
    [InlineData(OptionRight.Put, 100.0, 0.3, 0.05, 0.02, 1.0)]
    [InlineData(OptionRight.Put, 90.0, 0.2, 0.08, 0.0, 3.0)]
    [InlineData(OptionRight.Call, 110.0, 0.4, 0.03, 0.07, 2.0)]
    [InlineData(OptionRight.Call, 95.0, 0.8, 0.05, 0.1, 0.25)]
    public void Greeks_Continuation_MatchCentralDifferencesOfTheEngine(
        OptionRight right, double spot, double vol, double r, double q, double t)
    {
        var pricer = QdFpAmericanPricer.HighPrecision;
        var inputs = BlackVanillaOptionInputs.WithDividendYield(right, spot, 100.0, t, vol, r, q);
        var result = pricer.Price(inputs);
        double V(BlackVanillaOptionInputs x) => pricer.PresentValue(x);

        // The boundary does not depend on the spot, so the price is a smooth function of S: small bumps are safe.
        double hDelta = 1e-4 * spot;
        double deltaFd = (V(inputs with { Spot = spot + hDelta }) - V(inputs with { Spot = spot - hDelta })) / (2.0 * hDelta);
        double hS = 1e-3 * spot;
        double gammaFd = (V(inputs with { Spot = spot + hS }) - 2.0 * result.Price + V(inputs with { Spot = spot - hS })) / (hS * hS);
        output.WriteLine($"delta {result.Greeks.Delta:R} vs {deltaFd:R}; gamma {result.Greeks.Gamma:R} vs {gammaFd:R}");
        Assert.Equal(deltaFd, result.Greeks.Delta, 1e-7);
        Assert.Equal(gammaFd, result.Greeks.Gamma, 1e-5);

        double hT = 1e-3 * t;
        double theta = -(V(inputs with { TenorYears = t + hT }) - V(inputs with { TenorYears = t - hT })) / (2.0 * hT);
        Assert.Equal(theta, result.Greeks.Theta, 2e-4 * Math.Max(1.0, Math.Abs(theta)));
        Assert.Equal(GreeksMethod.BoundaryIntegral, result.GreeksMethod);
        Assert.Equal(AmericanExerciseRegime.Continuation, result.Regime);
    }

    [Theory]
    [InlineData(100.0, 120.0, 0.05, 0.08, 0.3, 2.0)]
    [InlineData(80.0, 100.0, 0.03, 0.0, 0.6, 0.5)]
    [InlineData(130.0, 100.0, 0.01, 0.1, 0.2, 10.0)]
    public void Price_Call_EqualsThePutWithSpotAndStrikeAndRatesSwapped(double spot, double strike, double r, double q, double vol, double t)
    {
        // McDonald and Schroder (1998): C(S, K, r, q) = P(K, S, q, r).
        var call = BlackVanillaOptionInputs.WithDividendYield(OptionRight.Call, spot, strike, t, vol, r, q);
        var put = BlackVanillaOptionInputs.WithDividendYield(OptionRight.Put, strike, spot, t, vol, q, r);

        Assert.Equal(QdFpAmericanPricer.Default.PresentValue(put), QdFpAmericanPricer.Default.PresentValue(call), 1e-12);
    }

    [Theory]
    [InlineData(OptionRight.Put, 0.0, 0.03)]
    [InlineData(OptionRight.Put, -0.02, 0.0)]
    [InlineData(OptionRight.Put, -0.02, -0.01)]
    [InlineData(OptionRight.Call, 0.05, 0.0)]
    [InlineData(OptionRight.Call, 0.01, -0.01)]
    public void Price_EarlyExerciseNeverOptimal_IsTheEuropeanPriceInClosedForm(OptionRight right, double r, double q)
    {
        // A put with r ≤ 0 and q ≥ r (a call with q ≤ 0 and r ≥ q) earns rK − qS < 0 per unit time from exercising.
        var inputs = BlackVanillaOptionInputs.WithDividendYield(right, 90.0, 100.0, 2.0, 0.3, r, q);
        var result = QdFpAmericanPricer.Default.Price(inputs);

        Assert.Equal(BlackVanillaOptionPricer.Default.PresentValue(inputs), result.Price);
        Assert.Equal(GreeksMethod.ClosedForm, result.GreeksMethod);
        Assert.Equal(AmericanExerciseRegime.NeverExerciseEarly, result.Regime);
    }

    [Fact]
    public void Price_DoubleBoundaryPut_IsHandedToTheLattice()
    {
        // q < r < 0: two exercise boundaries (Andersen and Lake 2021), which this engine does not implement.
        var inputs = BlackVanillaOptionInputs.WithDividendYield(OptionRight.Put, 100.0, 100.0, 1.0, 0.2, -0.01, -0.03);
        var result = QdFpAmericanPricer.Default.Price(inputs);

        Assert.Equal(GreeksMethod.Lattice, result.GreeksMethod);
        Assert.Equal(BinomialAmericanPricer.Default.Price(inputs).Price, result.Price);
    }

    [Fact]
    public void Price_DeepInTheMoneyPut_IsImmediateExercise()
    {
        var inputs = BlackVanillaOptionInputs.WithDividendYield(OptionRight.Put, 50.0, 100.0, 1.0, 0.2, 0.08, 0.0);
        var result = QdFpAmericanPricer.Default.Price(inputs);

        Assert.Equal(50.0, result.Price);
        Assert.Equal(-1.0, result.Greeks.Delta);
        Assert.Equal(AmericanExerciseRegime.ImmediateExercise, result.Regime);
    }

    [Fact]
    public void Scheme_OutOfRangeCounts_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new QdFpScheme(1, 8, 16, 48));
        Assert.Throws<ArgumentOutOfRangeException>(() => new QdFpScheme(16, 0, 16, 48));
        Assert.Throws<ArgumentOutOfRangeException>(() => new QdFpScheme(16, 8, 1, 48));
        Assert.Throws<ArgumentOutOfRangeException>(() => new QdFpScheme(16, 8, 16, 1));
        Assert.Equal(new QdFpScheme(16, 8, 10, 48), QdFpScheme.Default);
    }
}
