using Analytics.Pricing.Black;
using Analytics.Pricing.QuantLib;

namespace Analytics.Pricing.Tests.QuantLibCrossCheck;

/// <summary>
/// American options: QuantLib's Barone-Adesi-Whaley and Bjerksund-Stensland approximations against its
/// finite-difference and binomial engines, and the engines' Greeks against finite differences.
/// The comparison of OUR American engines with these QuantLib references lives in
/// <c>QuantLibAmericanCrossCheckTests.OurEngines.cs</c>.
/// </summary>
public sealed partial class QuantLibAmericanCrossCheckTests
{
    /// <summary>American rows (right, S, K, T, σ, r, q): Haug 2007, table 3-1 style inputs and crypto-like vols.</summary>
    public static TheoryData<OptionRight, double, double, double, double, double, double> AmericanGrid() => new()
    {
        { OptionRight.Put, 100.0, 100.0, 0.25, 0.25, 0.08, 0.0 },
        { OptionRight.Put, 90.0, 100.0, 0.5, 0.35, 0.08, 0.0 },
        { OptionRight.Put, 110.0, 100.0, 1.0, 0.2, 0.05, 0.02 },
        { OptionRight.Call, 100.0, 100.0, 0.5, 0.3, 0.03, 0.07 },
        { OptionRight.Call, 110.0, 100.0, 0.1, 0.8, 0.05, 0.1 },
        { OptionRight.Put, 3000.0, 2800.0, 0.08, 0.75, 0.05, 0.0 },
    };

    /// <summary>The QuantLib reference for a row: the finite-difference engine (Douglas, 200 × 200).</summary>
    internal static QuantLibVanillaOptionResult QuantLibReference(
        OptionRight right, double spot, double strike, double tenorYears, double vol, double rate, double dividendYield) =>
        QuantLibRequirement.Pricer.Price(
            BlackVanillaOptionInputs.WithDividendYield(right, spot, strike, tenorYears, vol, rate, dividendYield),
            QuantLibExerciseStyle.American,
            QuantLibEngine.QuantLibFd);

    [Theory]
    [MemberData(nameof(AmericanGrid))]
    public void QuantLibEngines_AmericanGrid_AgreeWithEachOther(
        OptionRight right, double spot, double strike, double tenorYears, double vol, double rate, double dividendYield)
    {
        QuantLibRequirement.Require();
        var inputs = BlackVanillaOptionInputs.WithDividendYield(right, spot, strike, tenorYears, vol, rate, dividendYield);
        double European = BlackVanillaOptionPricer.Default.Price(inputs).Price;
        double intrinsic = Math.Max(right == OptionRight.Call ? spot - strike : strike - spot, 0.0);

        double fd = Price(inputs, QuantLibEngine.QuantLibFd);
        double binomial = Price(inputs, QuantLibEngine.QuantLibBinomial);
        double baw = Price(inputs, QuantLibEngine.QuantLibBaw);
        double bjs = Price(inputs, QuantLibEngine.QuantLibBjerksundStensland);

        // Early exercise is worth something, never less than the European or the intrinsic value.
        Assert.True(fd >= European - 1e-4 * strike && fd >= intrinsic - 1e-4 * strike, $"fd {fd} vs European {European}, intrinsic {intrinsic}");
        // Two convergent numerical methods: within 2e-4 of the strike.
        QuantLibRequirement.Close(fd, binomial, 0.0, 2e-4 * strike, "binomial vs fd");
        // The approximations: within 1 % of the strike of the numerical value (Haug 2007, table 3-1 shows errors of this size).
        QuantLibRequirement.Close(fd, baw, 0.0, 1e-2 * strike, "BAW vs fd");
        QuantLibRequirement.Close(fd, bjs, 0.0, 1e-2 * strike, "Bjerksund-Stensland vs fd");
    }

    [Theory]
    [InlineData(QuantLibEngine.QuantLibBaw)]
    [InlineData(QuantLibEngine.QuantLibBjerksundStensland)]
    [InlineData(QuantLibEngine.QuantLibFd)]
    [InlineData(QuantLibEngine.QuantLibBinomial)]
    public void AmericanCallWithoutDividends_EveryEngine_EqualsTheEuropeanValue(QuantLibEngine engine)
    {
        QuantLibRequirement.Require();
        var inputs = BlackVanillaOptionInputs.WithDividendYield(OptionRight.Call, 100.0, 105.0, 0.75, 0.4, 0.05, 0.0);
        double European = BlackVanillaOptionPricer.Default.Price(inputs).Price;

        QuantLibRequirement.Close(European, Price(inputs, engine), 1e-3, 0.0, engine.ToString());
    }

    [Theory]
    [InlineData(QuantLibEngine.QuantLibBaw, QuantLibGreeks.All)]
    [InlineData(QuantLibEngine.QuantLibBjerksundStensland, QuantLibGreeks.All)]
    [InlineData(QuantLibEngine.QuantLibFd, QuantLibGreeks.Vega | QuantLibGreeks.Rho | QuantLibGreeks.CarryRho | QuantLibGreeks.Vanna | QuantLibGreeks.Volga | QuantLibGreeks.Charm)]
    [InlineData(QuantLibEngine.QuantLibBinomial, QuantLibGreeks.Vega | QuantLibGreeks.Rho | QuantLibGreeks.CarryRho | QuantLibGreeks.Vanna | QuantLibGreeks.Volga | QuantLibGreeks.Charm)]
    public void AmericanEngines_MissingGreeks_AreBumpedAndReported(QuantLibEngine engine, QuantLibGreeks expectedBumped)
    {
        QuantLibRequirement.Require();
        var inputs = BlackVanillaOptionInputs.WithDividendYield(OptionRight.Put, 100.0, 105.0, 0.5, 0.3, 0.06, 0.01);
        var result = QuantLibRequirement.Pricer.Price(inputs, QuantLibExerciseStyle.American, engine);

        Assert.Equal(expectedBumped, result.BumpedGreeks);
        var g = result.Greeks;
        Assert.All(new[] { g.Delta, g.Gamma, g.Vega, g.Theta, g.Rho, g.CarryRho, g.Vanna, g.Volga, g.Charm }, v => Assert.True(double.IsFinite(v)));

        // Independent checks through the public API: central differences of the engine's own prices.
        double h = 0.05;
        double up = Price(inputs with { Spot = inputs.Spot + h }, engine);
        double down = Price(inputs with { Spot = inputs.Spot - h }, engine);
        QuantLibRequirement.Close((up - down) / (2 * h), g.Delta, 2e-3, 2e-4, "delta");
        double hv = 1e-3;
        double vegaFd = (Price(inputs with { Volatility = inputs.Volatility + hv }, engine)
                         - Price(inputs with { Volatility = inputs.Volatility - hv }, engine)) / (2 * hv);
        QuantLibRequirement.Close(vegaFd, g.Vega, 5e-3, 1e-3, "vega");
        double hr = 1e-4;
        double rhoFd = (Price(inputs with { Rate = inputs.Rate + hr, CostOfCarry = inputs.CostOfCarry + hr }, engine)
                        - Price(inputs with { Rate = inputs.Rate - hr, CostOfCarry = inputs.CostOfCarry - hr }, engine)) / (2 * hr);
        QuantLibRequirement.Close(rhoFd, g.Rho, 5e-3, 1e-3, "rho with q fixed");
        double ht = 1e-3;
        double thetaFd = -(Price(inputs with { TenorYears = inputs.TenorYears + ht }, engine)
                           - Price(inputs with { TenorYears = inputs.TenorYears - ht }, engine)) / (2 * ht);
        QuantLibRequirement.Close(thetaFd, g.Theta, 2e-2, 2e-2, "theta");
        Assert.True(g.Delta < 0.0 && g.Gamma > 0.0 && g.Vega > 0.0 && g.Rho < 0.0, "signs of an American put's Greeks");
    }

    [Theory]
    [InlineData(QuantLibEngine.QuantLibFd)]
    [InlineData(QuantLibEngine.QuantLibBinomial)]
    public void NumericalEngines_EuropeanExercise_MatchTheClosedFormGreeks(QuantLibEngine engine)
    {
        QuantLibRequirement.Require();
        var inputs = BlackVanillaOptionInputs.WithDividendYield(OptionRight.Call, 100.0, 95.0, 0.3, 0.6, 0.04, 0.01);
        var ours = BlackVanillaOptionPricer.Default.Price(inputs);
        var ql = QuantLibRequirement.Pricer.Price(inputs, QuantLibExerciseStyle.European, engine);

        QuantLibRequirement.Close(ours.Price, ql.Price, 1e-3, 0.0, "price");
        QuantLibRequirement.Close(ours.Greeks.Delta, ql.Greeks.Delta, 1e-3, 1e-4, "delta");
        QuantLibRequirement.Close(ours.Greeks.Gamma, ql.Greeks.Gamma, 1e-2, 1e-5, "gamma");
        QuantLibRequirement.Close(ours.Greeks.Vega, ql.Greeks.Vega, 1e-3, 0.0, "vega (bumped)");
        QuantLibRequirement.Close(ours.Greeks.Theta, ql.Greeks.Theta, 1e-2, 0.0, "theta (QuantLib's, 1/k conversion)");
        QuantLibRequirement.Close(ours.Greeks.Rho, ql.Greeks.Rho, 1e-3, 0.0, "rho (bumped)");
        QuantLibRequirement.Close(ours.Greeks.CarryRho, ql.Greeks.CarryRho, 1e-3, 0.0, "carry rho (bumped)");
        QuantLibRequirement.Close(ours.Greeks.Vanna, ql.Greeks.Vanna, 2e-2, 1e-3, "vanna (bumped)");
        QuantLibRequirement.Close(ours.Greeks.Volga, ql.Greeks.Volga, 5e-2, 0.5, "volga (bumped)");
        QuantLibRequirement.Close(ours.Greeks.Charm, ql.Greeks.Charm, 5e-2, 2e-2, "charm (bumped)");
    }

    [Theory]
    [InlineData(QuantLibEngine.QuantLibAnalytic, QuantLibExerciseStyle.American)]
    [InlineData(QuantLibEngine.QuantLibBaw, QuantLibExerciseStyle.European)]
    [InlineData(QuantLibEngine.QuantLibBjerksundStensland, QuantLibExerciseStyle.European)]
    public void Price_EngineWithoutThatExercise_ThrowsArgumentOutOfRange(QuantLibEngine engine, QuantLibExerciseStyle exercise)
    {
        var inputs = BlackVanillaOptionInputs.WithDividendYield(OptionRight.Put, 100.0, 100.0, 0.5, 0.3, 0.05, 0.0);

        Assert.Throws<ArgumentOutOfRangeException>(() => QuantLibRequirement.Pricer.Price(inputs, exercise, engine));
    }

    private static double Price(BlackVanillaOptionInputs inputs, QuantLibEngine engine) =>
        QuantLibRequirement.Pricer.Price(inputs, QuantLibExerciseStyle.American, engine).Price;
}
