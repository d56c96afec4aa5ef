using Analytics.Pricing.Black;
using Analytics.Pricing.QuantLib;

namespace Analytics.Pricing.Tests.QuantLibCrossCheck;

/// <summary>
/// Our <see cref="BlackVanillaOptionPricer"/> against QuantLib's <c>AnalyticEuropeanEngine</c> on a grid of
/// moneyness, tenors, rates, carries, vols and both rights (PRODUCT.md §6: "our engines agree with
/// QuantLib's through the bindings"). Both are closed forms of the same model, so prices agree to 1e-10
/// relative; Greeks QuantLib computes analytically too, and vanna/volga/charm (bumped in the gateway from
/// QuantLib's analytic delta and vega) to finite-difference accuracy.
/// </summary>
public sealed class QuantLibEuropeanCrossCheckTests
{
    private static readonly double[] Moneyness = [0.7, 0.9, 1.0, 1.1, 1.4];
    private static readonly double[] Tenors = [1.0 / 365.0, 0.1, 0.25, 1.0, 3.7];
    private static readonly (double Rate, double Carry)[] RatesAndCarries = [(0.0, 0.0), (0.05, 0.02), (-0.01, 0.03), (0.08, -0.04)];
    private static readonly double[] Vols = [0.1, 0.3, 0.8, 1.5];

    public static TheoryData<OptionRight, double, double, double, CarryConvention> Grid()
    {
        var data = new TheoryData<OptionRight, double, double, double, CarryConvention>();
        foreach (var right in new[] { OptionRight.Call, OptionRight.Put })
        {
            foreach (double tenor in Tenors)
            {
                foreach (var (rate, carry) in RatesAndCarries)
                {
                    var convention = carry == 0.02 ? CarryConvention.Fixed : CarryConvention.RateMinusDividendYield;
                    data.Add(right, tenor, rate, carry, convention);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Grid))]
    public void AnalyticEngine_Grid_MatchesOurBlackPricer(
        OptionRight right, double tenorYears, double rate, double carry, CarryConvention convention)
    {
        QuantLibRequirement.Require();
        foreach (double moneyness in Moneyness)
        {
            foreach (double vol in Vols)
            {
                var inputs = new BlackVanillaOptionInputs(right, 100.0, 100.0 * moneyness, tenorYears, vol, rate, carry, convention);
                var ours = BlackVanillaOptionPricer.Default.Price(inputs);
                var ql = QuantLibRequirement.Pricer.Price(inputs, QuantLibExerciseStyle.European, QuantLibEngine.QuantLibAnalytic);
                string what = $"{right} K={inputs.Strike} T={tenorYears} r={rate} b={carry} σ={vol}";

                // Relative 1e-10, with an absolute floor at QuantLib's cancellation error (F·Φ(d1) − K·Φ(d2)
                // loses ~1e-16·K absolute for deep out-of-the-money options; ours does not).
                QuantLibRequirement.Close(ours.Price, ql.Price, 1e-10, 1e-13, "price " + what);
                QuantLibRequirement.Close(ours.Forward, ql.Forward, 1e-15, 0.0, "forward " + what);
                QuantLibRequirement.Close(ours.DiscountFactor, ql.DiscountFactor, 1e-15, 0.0, "discount factor " + what);

                var g = ours.Greeks;
                var q = ql.Greeks;
                QuantLibRequirement.Close(g.Delta, q.Delta, 1e-9, 1e-12, "delta " + what);
                QuantLibRequirement.Close(g.Gamma, q.Gamma, 1e-8, 1e-12, "gamma " + what);
                QuantLibRequirement.Close(g.Vega, q.Vega, 1e-8, 1e-10, "vega " + what);
                QuantLibRequirement.Close(g.Theta, q.Theta, 1e-8, 1e-9, "theta " + what);
                QuantLibRequirement.Close(g.Rho, q.Rho, 1e-8, 1e-10, "rho " + what);
                QuantLibRequirement.Close(g.CarryRho, q.CarryRho, 1e-8, 1e-10, "carry rho " + what);

                // Central differences of QuantLib's analytic delta and vega, h_σ = 1e-4, h_T = 1e-4·T.
                QuantLibRequirement.Close(g.Vanna, q.Vanna, 1e-5, 1e-6, "vanna " + what);
                QuantLibRequirement.Close(g.Volga, q.Volga, 1e-5, 1e-5, "volga " + what);
                QuantLibRequirement.Close(g.Charm, q.Charm, 1e-5, 1e-6 * (1.0 + Math.Abs(g.Charm)), "charm " + what);
                Assert.Equal(QuantLibGreeks.Vanna | QuantLibGreeks.Volga | QuantLibGreeks.Charm, ql.BumpedGreeks);
            }
        }
    }

    [Fact]
    public void AnalyticEngine_Black76OnForward_MatchesOurBlackPricer()
    {
        QuantLibRequirement.Require();
        var inputs = BlackVanillaOptionInputs.OnForward(OptionRight.Put, 2500.0, 2300.0, 0.37, 0.65, 0.045);
        var ours = BlackVanillaOptionPricer.Default.Price(inputs);
        var ql = QuantLibRequirement.Pricer.Price(inputs, QuantLibExerciseStyle.European, QuantLibEngine.QuantLibAnalytic);

        QuantLibRequirement.Close(ours.Price, ql.Price, 1e-10, 0.0, "price");
        QuantLibRequirement.Close(ours.Greeks.Rho, ql.Greeks.Rho, 1e-9, 0.0, "rho = −T·V with b fixed");
        QuantLibRequirement.Close(-inputs.TenorYears * ours.Price, ql.Greeks.Rho, 1e-9, 0.0, "rho = −T·V");
    }
}
