using Analytics.Pricing.Black;
using Analytics.Pricing.QuantLib;

namespace Analytics.Pricing.Tests.QuantLibCrossCheck;

/// <summary>
/// The rest of the binding's surface: interpolated zero curves (<c>ZeroCurve</c>), a Black variance surface,
/// the TARGET calendar, relinkable quote handles, and QuantLib errors crossing the binding as exceptions.
/// </summary>
public sealed class QuantLibTermStructureTests
{
    private static readonly DateOnly Today = new(2024, 3, 15);

    [Fact]
    public void ZeroCurveAndVarianceSurface_AtNodes_MatchTheFlatBlackPrice()
    {
        QuantLibRequirement.Require();
        var expiry = Today.AddDays(146);
        var scenario = Scenario(expiry, riskFree: [0.03, 0.045, 0.05], dividend: [0.0, 0.01, 0.015], surfaceVol: 0.55);

        var (price, delta, vega) = QuantLibGateway.Instance.PriceEuropeanOnTermStructures(scenario);

        // At the middle node the zero rates are exact: r = 4.5 %, q = 1 %, T = 146/365.
        var inputs = BlackVanillaOptionInputs.WithDividendYield(OptionRight.Call, 2000.0, 2100.0, 146.0 / 365.0, 0.55, 0.045, 0.01);
        var ours = BlackVanillaOptionPricer.Default.Price(inputs);
        QuantLibRequirement.Close(ours.Price, price, 1e-10, 0.0, "price");
        QuantLibRequirement.Close(ours.Greeks.Delta, delta, 1e-9, 0.0, "delta");
        QuantLibRequirement.Close(ours.Greeks.Vega, vega, 1e-8, 0.0, "vega");
    }

    [Fact]
    public void VarianceSurface_ExpiryBeyondItsLastDate_SurfacesAQuantLibExceptionInsteadOfAborting()
    {
        QuantLibRequirement.Require();
        var scenario = Scenario(Today.AddDays(400), riskFree: [0.03, 0.03, 0.03], dividend: [0.0, 0.0, 0.0], surfaceVol: 0.5)
            with { CurveDates = [Today, Today.AddDays(146), Today.AddDays(800)] };

        var error = Assert.Throws<QuantLibException>(() => QuantLibGateway.Instance.PriceEuropeanOnTermStructures(scenario));

        Assert.StartsWith("QuantLib error: ", error.Message, StringComparison.Ordinal);
        // The process survived and QuantLib still prices.
        var inputs = BlackVanillaOptionInputs.WithDividendYield(OptionRight.Call, 100.0, 100.0, 1.0, 0.2, 0.0, 0.0);
        Assert.True(QuantLibRequirement.Pricer.Price(inputs, QuantLibExerciseStyle.European, QuantLibEngine.QuantLibAnalytic).Price > 0.0);
    }

    private static QuantLibTermStructureScenario Scenario(DateOnly expiry, double[] riskFree, double[] dividend, double surfaceVol)
    {
        double[,] vols = new double[3, 2];
        for (int i = 0; i < 3; i++)
        {
            vols[i, 0] = surfaceVol;
            vols[i, 1] = surfaceVol;
        }

        return new QuantLibTermStructureScenario(
            OptionRight.Call,
            2000.0,
            2100.0,
            Today,
            expiry,
            [Today, Today.AddDays(146), Today.AddDays(400)],
            riskFree,
            dividend,
            [Today.AddDays(30), Today.AddDays(365)],
            [1000.0, 2000.0, 4000.0],
            vols);
    }
}
