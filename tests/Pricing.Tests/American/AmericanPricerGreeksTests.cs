using Analytics.Pricing.American;
using Analytics.Pricing.Black;
using Analytics.Pricing.Engines;
using static Analytics.Pricing.Tests.American.AmericanTestData;

namespace Analytics.Pricing.Tests.American;

/// <summary>
/// Greeks of each engine against central finite differences of its own price, taken with bump sizes different
/// from the engine's (Strata's finite-difference checks; Haug 2007 §2.12), in the continuation region where the
/// early-exercise premium matters.
/// </summary>
public sealed class AmericanPricerGreeksTests(ITestOutputHelper output)
{
    // engine, right, strike, spot, q, r, t, vol
    public static TheoryData<string, OptionRight, double, double, double, double, double, double> Cases()
    {
        var rows = new TheoryData<string, OptionRight, double, double, double, double, double, double>();
        foreach (string engine in new[] { "BjerksundStensland", "BaroneAdesiWhaley", "Binomial" })
        {
            rows.Add(engine, OptionRight.Put, 100.0, 95.0, 0.0, 0.06, 1.0, 0.25);
            rows.Add(engine, OptionRight.Put, 100.0, 110.0, 0.02, 0.08, 0.5, 0.4);
            rows.Add(engine, OptionRight.Call, 100.0, 100.0, 0.08, 0.03, 1.5, 0.3);
        }

        return rows;
    }

    private static double PresentValue(string engine, BlackVanillaOptionInputs inputs) => engine switch
    {
        "BjerksundStensland" => BjerksundStensland2002Pricer.Default.PresentValue(inputs),
        "BaroneAdesiWhaley" => BaroneAdesiWhaleyPricer.Default.PresentValue(inputs),
        _ => BinomialAmericanPricer.Default.PresentValue(inputs),
    };

    private static AmericanOptionResult Price(string engine, BlackVanillaOptionInputs inputs) => engine switch
    {
        "BjerksundStensland" => BjerksundStensland2002Pricer.Default.Price(inputs),
        "BaroneAdesiWhaley" => BaroneAdesiWhaleyPricer.Default.Price(inputs),
        _ => BinomialAmericanPricer.Default.Price(inputs),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Greeks_ContinuationRegion_MatchCentralFiniteDifferencesOfPrice(
        string engine, OptionRight right, double strike, double spot, double q, double r, double t, double vol)
    {
        bool lattice = engine == "Binomial";
        // The lattice is differenced with wider bumps, which average over its residual node-crossing noise.
        double hS = (lattice ? 2e-2 : 5e-3) * spot, hV = (lattice ? 4e-2 : 1e-2) * vol;
        double hT = (lattice ? 4e-2 : 1e-2) * t, hR = lattice ? 5e-3 : 1e-3;
        double V(double s = double.NaN, double tt = double.NaN, double v = double.NaN, double rr = double.NaN, double qq = double.NaN) =>
            PresentValue(engine, Inputs(right, strike, double.IsNaN(s) ? spot : s, double.IsNaN(qq) ? q : qq,
                double.IsNaN(rr) ? r : rr, double.IsNaN(tt) ? t : tt, double.IsNaN(v) ? vol : v));
        double Delta(double tt = double.NaN, double v = double.NaN) => (V(spot + hS, tt, v) - V(spot - hS, tt, v)) / (2 * hS);

        double v0 = V();
        var expected = new Greeks(
            Delta: Delta(),
            Gamma: (V(spot + hS) - 2 * v0 + V(spot - hS)) / (hS * hS),
            Vega: (V(v: vol + hV) - V(v: vol - hV)) / (2 * hV),
            Theta: (V(tt: t - hT) - V(tt: t + hT)) / (2 * hT),
            Rho: (V(rr: r + hR) - V(rr: r - hR)) / (2 * hR), // q fixed: b moves with r
            CarryRho: (V(qq: q - hR) - V(qq: q + hR)) / (2 * hR), // ∂V/∂b = −∂V/∂q at fixed r
            Vanna: (Delta(v: vol + hV) - Delta(v: vol - hV)) / (2 * hV),
            Volga: (V(v: vol + hV) - 2 * v0 + V(v: vol - hV)) / (hV * hV),
            Charm: (Delta(tt: t - hT) - Delta(tt: t + hT)) / (2 * hT));

        var result = Price(engine, Inputs(right, strike, spot, q, r, t, vol));
        Assert.Equal(AmericanExerciseRegime.Continuation, result.Regime);
        Assert.Equal(lattice ? GreeksMethod.Lattice : GreeksMethod.FiniteDifference, result.GreeksMethod);
        Assert.True(result.Price > result.EuropeanPrice + 1e-3, "the row should carry an early-exercise premium");

        // Tolerances: relative to a scale of the Greek (price-level Greeks to the option price, spot Greeks per unit).
        double relative = lattice ? 2e-2 : 2e-3;
        Check("delta", expected.Delta, result.Greeks.Delta, relative, lattice ? 2e-3 : 1e-5);
        Check("gamma", expected.Gamma, result.Greeks.Gamma, lattice ? 5e-2 : relative, 1e-5);
        Check("vega", expected.Vega, result.Greeks.Vega, relative, 1e-3);
        Check("theta", expected.Theta, result.Greeks.Theta, lattice ? 5e-2 : relative, 1e-3);
        Check("rho", expected.Rho, result.Greeks.Rho, relative, 1e-3);
        Check("carryRho", expected.CarryRho, result.Greeks.CarryRho, relative, 1e-3);
        Check("vanna", expected.Vanna, result.Greeks.Vanna, lattice ? 1e-1 : 1e-2, 1e-3);
        Check("volga", expected.Volga, result.Greeks.Volga, lattice ? 2e-1 : 1e-2, lattice ? 1.0 : 1e-2);
        Check("charm", expected.Charm, result.Greeks.Charm, lattice ? 1e-1 : 1e-2, lattice ? 5e-3 : 1e-4);
    }

    private void Check(string name, double expected, double actual, double relative, double absolute)
    {
        double error = Math.Abs(actual - expected);
        output.WriteLine($"{name}: engine {actual:G8}, finite difference {expected:G8}, error {error:E2}");
        Assert.True(error <= absolute + relative * Math.Abs(expected), $"{name}: engine {actual:G8}, finite difference {expected:G8}");
    }
}
