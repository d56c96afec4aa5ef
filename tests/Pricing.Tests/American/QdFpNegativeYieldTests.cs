using Analytics.Pricing.American;
using Analytics.Pricing.Black;

namespace Analytics.Pricing.Tests.American;

/// <summary>
/// American puts with a negative dividend yield (calls with a negative rate, by McDonald-Schroder symmetry) at long tenors,
/// against references written in the test (<see cref="ExtremeCarryReference"/>). Found with a grid of r from −100 % to
/// 200 % against QuantLib's fixed-point engine: a 30-year put at r = 5 %, q = −50 %, σ = 80 % was priced 18.12 by qd-fp
/// where it is worth 26.96, and a ten-year put at r = 200 %, q = −100 %, σ = 20 % at its European value, 8.9e-6, where it
/// is worth 0.245. Two causes: the fixed-point denominator D = Φ(d₊) + q∫e^{qu}Φ(d₊)du is a difference of terms of order
/// one that leaves e^{qτ} (e^{−15} there), so the quadrature's error swamped it (now taken in its complement form,
/// e^{qτ} − Φ(−d₊) − q∫e^{qu}Φ(−d₊)du); and the perpetual bounds were applied to puts with q ≥ 0 only, though a put
/// with r &gt; 0 has a perpetual value whatever q.
/// </summary>
public sealed class QdFpNegativeYieldTests
{
    /// <summary>Puts at S = K = 100 where the perpetual bounds do not meet: against a drift-centred binomial lattice of
    /// 4,000–20,000 steps, Richardson-extrapolated over N and N/2.</summary>
    [Theory]
    [InlineData(30.0, 0.8, 0.05, -0.5)]
    [InlineData(30.0, 2.0, 0.05, -0.5)]
    [InlineData(10.0, 0.2, 0.05, -0.5)]
    [InlineData(10.0, 0.8, 0.1, -0.3)]
    [InlineData(30.0, 0.4, 0.03, -0.2)]
    public void Put_NegativeYieldLongTenor_MatchesTheLattice(double tenor, double vol, double rate, double yield)
    {
        var inputs = BlackVanillaOptionInputs.WithDividendYield(OptionRight.Put, 100.0, 100.0, tenor, vol, rate, yield);
        var (fine, coarse, steps) = ExtremeCarryReference.MappedPut(100.0, 100.0, tenor, rate, yield, vol).Lattice(0.1, 4_000, 20_000);

        double price = QdFpAmericanPricer.Default.PresentValue(inputs);

        // The lattice converges at O(Δt), so its Richardson extrapolation 2·P(N) − P(N/2) removes the leading error; what is left
        // is held to a tenth of the N-to-N/2 gap. 1e-3 relative is far below the defect (33 % here before) and above the default
        // scheme's own error at 30 years (≈ 2e-4 at σ = 80 %).
        double reference = 2.0 * fine - coarse;
        double tolerance = 1e-3 * reference + 0.1 * Math.Abs(fine - coarse);
        Assert.True(Math.Abs(price - reference) <= tolerance,
            $"qd-fp {price:R} against the extrapolated lattice {reference:R} ({steps} steps {fine:R}, half {coarse:R}) ± {tolerance:E2}");
    }

    /// <summary>Where the perpetual upper bound and the touch-at-B∞ lower bound meet (large r − q against σ²/T), every
    /// American engine answers their common value: the perpetual put (McKean 1965; Merton 1973), here with q &lt; 0.</summary>
    [Theory]
    [InlineData(10.0, 0.2, 2.0, -1.0)]
    [InlineData(30.0, 0.8, 2.0, -1.0)]
    [InlineData(30.0, 0.2, 0.05, -0.5)]
    public void Put_NegativeYieldWhereTheBoundsMeet_IsThePerpetualValue(double tenor, double vol, double rate, double yield)
    {
        var inputs = BlackVanillaOptionInputs.WithDividendYield(OptionRight.Put, 100.0, 100.0, tenor, vol, rate, yield);
        var reference = ExtremeCarryReference.MappedPut(100.0, 100.0, tenor, rate, yield, vol);
        double perpetual = reference.Perpetual(), touch = reference.TouchAtPerpetualBoundary();
        Assert.True(perpetual - touch <= 1e-9 * perpetual, $"the bounds do not meet: [{touch:R}, {perpetual:R}]");

        double price = QdFpAmericanPricer.Default.PresentValue(inputs);

        Assert.Equal(perpetual, price, 1e-8 * perpetual);
    }
}
