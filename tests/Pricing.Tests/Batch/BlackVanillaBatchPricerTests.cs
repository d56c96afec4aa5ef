using Analytics.Pricing.Batch;
using Analytics.Pricing.Black;

namespace Analytics.Pricing.Tests.Batch;

/// <summary>
/// <see cref="BlackVanillaBatchPricer"/> against the scalar <see cref="BlackVanillaOptionPricer"/>: the same bits for
/// every output of every option (the kernel with the scalar exponential and logarithm lane-wise), over the wide random
/// grid of the batch tests, both lane widths, both carry conventions mixed in one list, and lengths around the width.
/// </summary>
public sealed class BlackVanillaBatchPricerTests
{
    public static TheoryData<int> Lengths => new() { 0, 1, 7, 8, 9, 17, 1023, 10007 };

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Price_MixedConventions_EqualsScalarPricerBitForBit(int length)
    {
        var fixedCarry = Grid.Create(length, seed: length + 101, CarryConvention.Fixed);
        var tied = Grid.Create(length, seed: length + 202, CarryConvention.RateMinusDividendYield);
        var inputs = Enumerable.Range(0, length).Select(i => i % 3 == 0 ? tied.Inputs(i) : fixedCarry.Inputs(i)).ToList();

        var batch = BlackVanillaBatchPricer.Default.Price(inputs);

        Assert.Equal(length, batch.Length);
        for (int i = 0; i < length; i++)
        {
            var scalar = BlackVanillaOptionPricer.Default.Price(inputs[i]);
            AssertSameBits(scalar, batch[i], i);
        }
    }

    [Fact]
    public void PriceTrusted_FourAndEightLanesWithScalarExpLog_EqualScalarPricerBitForBit()
    {
        const int length = 4099;
        var grid = Grid.Create(length, seed: 29, CarryConvention.RateMinusDividendYield);
        var four = BlackScholesBatchResultColumns.Allocate(length);
        var eight = BlackScholesBatchResultColumns.Allocate(length);

        BlackScholesBatch.PriceTrusted<Lanes256ScalarExpLog>(grid.AsSpans(), four.AsSpans());
        BlackScholesBatch.PriceTrusted<Lanes512ScalarExpLog>(grid.AsSpans(), eight.AsSpans());

        for (int i = 0; i < length; i++)
        {
            var scalar = BlackVanillaOptionPricer.Default.Price(grid.Inputs(i));
            foreach (var columns in new[] { four, eight })
            {
                var greeks = new Greeks(
                    columns.Delta.Span[i], columns.Gamma.Span[i], columns.Vega.Span[i], columns.Theta.Span[i], columns.Rho.Span[i],
                    columns.CarryRho.Span[i], columns.Vanna.Span[i], columns.Volga.Span[i], columns.Charm.Span[i]);
                AssertSameBits(scalar, new BlackVanillaOptionResult(columns.Price.Span[i], scalar.Forward, scalar.DiscountFactor, greeks), i);
            }
        }
    }

    [Fact]
    public void PresentValue_RandomGrid_EqualsScalarPresentValueBitForBit()
    {
        const int length = 5003;
        var grid = Grid.Create(length, seed: 31, CarryConvention.Fixed);
        var prices = new double[length];

        BlackVanillaBatchPricer.Default.PresentValue(grid.AsSpans(), prices);

        for (int i = 0; i < length; i++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(BlackVanillaOptionPricer.Default.PresentValue(grid.Inputs(i))), BitConverter.DoubleToInt64Bits(prices[i]));
        }
    }

    [Fact]
    public void Price_ResultsShorterThanInputs_Throws()
    {
        var inputs = new[] { BlackVanillaOptionInputs.OnForward(OptionRight.Call, 100, 100, 1, 0.2, 0.01) };
        Assert.Throws<ArgumentException>(() => BlackVanillaBatchPricer.Default.Price(inputs, Span<BlackVanillaOptionResult>.Empty));
    }

    private static void AssertSameBits(BlackVanillaOptionResult expected, BlackVanillaOptionResult actual, int index)
    {
        double[] e = [expected.Price, expected.Forward, expected.DiscountFactor, .. Values(expected.Greeks)];
        double[] a = [actual.Price, actual.Forward, actual.DiscountFactor, .. Values(actual.Greeks)];
        for (int k = 0; k < e.Length; k++)
        {
            Assert.True(BitConverter.DoubleToInt64Bits(e[k]) == BitConverter.DoubleToInt64Bits(a[k]),
                $"option {index}, output {k}: scalar {e[k]:R}, batch {a[k]:R}");
        }
    }

    private static double[] Values(Greeks g) => [g.Delta, g.Gamma, g.Vega, g.Theta, g.Rho, g.CarryRho, g.Vanna, g.Volga, g.Charm];
}
