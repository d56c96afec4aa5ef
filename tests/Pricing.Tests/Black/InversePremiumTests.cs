using Analytics.Pricing.Black;

namespace Analytics.Pricing.Tests.Black;

/// <summary><see cref="InversePremium"/>: the Greeks of V/S against central finite differences of V/S.</summary>
public sealed class InversePremiumTests
{
    private static double Inverse(BlackVanillaOptionInputs o) => BlackVanillaOptionPricer.Default.Price(o).Price / o.Spot;

    public static TheoryData<bool, double, double, double> Cases() => new()
    {
        { false, 100.0, 0.5, 0.2 },  // spot, BSM with carry
        { false, 120.0, 2.0, 0.8 },
        { true, 95.0, 0.1, 0.6 },    // forward, Black-76: U = V/F
        { true, 70.0, 1.0, 1.2 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Of_EveryGreek_MatchesFiniteDifferencesOfTheInversePrice(bool onForward, double underlying, double tenor, double vol)
    {
        BlackVanillaOptionInputs Make(double s, double t, double v, double r = 0.03, double b = 0.01) => onForward
            ? BlackVanillaOptionInputs.OnForward(OptionRight.Call, s, 100, t, v, r)
            : new BlackVanillaOptionInputs(OptionRight.Call, s, 100, t, v, r, b, CarryConvention.Fixed);
        var at = BlackVanillaOptionPricer.Default.Price(Make(underlying, tenor, vol));
        var g = InversePremium.Of(at.Price, at.Greeks, underlying);
        double hS = 1e-4 * underlying, hV = 1e-4, hT = 1e-5, hR = 1e-5;
        double U(double s, double t, double v, double r = 0.03, double b = 0.01) => Inverse(Make(s, t, v, r, b));
        double Delta(double s, double t, double v) => (U(s + hS, t, v) - U(s - hS, t, v)) / (2 * hS);

        Assert.Equal(InversePremium.Value(at.Price, underlying), U(underlying, tenor, vol), 15);
        Assert.Equal(Delta(underlying, tenor, vol), g.Delta, 1e-8);
        Assert.Equal((U(underlying + hS, tenor, vol) - 2 * U(underlying, tenor, vol) + U(underlying - hS, tenor, vol)) / (hS * hS), g.Gamma, 1e-6);
        Assert.Equal((U(underlying, tenor, vol + hV) - U(underlying, tenor, vol - hV)) / (2 * hV), g.Vega, 1e-7);
        Assert.Equal((U(underlying, tenor - hT, vol) - U(underlying, tenor + hT, vol)) / (2 * hT), g.Theta, 1e-6);
        Assert.Equal((U(underlying, tenor, vol, 0.03 + hR) - U(underlying, tenor, vol, 0.03 - hR)) / (2 * hR), g.Rho, 1e-7);
        Assert.Equal((Delta(underlying, tenor, vol + hV) - Delta(underlying, tenor, vol - hV)) / (2 * hV), g.Vanna, 1e-5);
        Assert.Equal((Delta(underlying, tenor - hT, vol) - Delta(underlying, tenor + hT, vol)) / (2 * hT), g.Charm, 1e-4);
        if (!onForward)
        {
            Assert.Equal((U(underlying, tenor, vol, 0.03, 0.01 + hR) - U(underlying, tenor, vol, 0.03, 0.01 - hR)) / (2 * hR), g.CarryRho, 1e-7);
        }
    }
}
