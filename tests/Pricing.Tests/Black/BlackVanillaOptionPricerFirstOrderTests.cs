using Analytics.Pricing.Black;
using Analytics.Pricing.Tests.Batch;

namespace Analytics.Pricing.Tests.Black;

/// <summary>
/// <see cref="BlackVanillaOptionPricer.PriceFirstOrder"/> against <see cref="BlackVanillaOptionPricer.Price"/> over the
/// batch tests' random grids (deep wings, tenors a day to 30 years, vols 1 %–300 %, both rights and carry conventions):
/// the same scalar operations, so every shared output is bit-identical.
/// </summary>
public sealed class BlackVanillaOptionPricerFirstOrderTests
{
    [Theory]
    [InlineData(CarryConvention.Fixed, 101)]
    [InlineData(CarryConvention.RateMinusDividendYield, 202)]
    public void PriceFirstOrder_RandomGrid_EqualsFullPathBitForBit(CarryConvention convention, int seed)
    {
        const int length = 20_000;
        var grid = Grid.Create(length, seed, convention);
        for (int i = 0; i < length; i++)
        {
            var inputs = grid.Inputs(i);
            var full = BlackVanillaOptionPricer.Default.Price(inputs);
            var fast = BlackVanillaOptionPricer.Default.PriceFirstOrder(inputs);
            var g = full.Greeks;
            var expected = new BlackVanillaFirstOrderResult(
                full.Price, full.Forward, full.DiscountFactor, g.Delta, g.Gamma, g.Vega, g.Theta, g.Rho, g.CarryRho);
            Assert.Equal(expected, fast);
        }
    }

    [Fact]
    public void PriceFirstOrder_Null_Throws() =>
        Assert.Throws<ArgumentNullException>(() => BlackVanillaOptionPricer.Default.PriceFirstOrder(null!));
}
