using Analytics.Pricing.Batch;
using Analytics.Pricing.Black;

namespace Analytics.Pricing.Tests.Batch;

/// <summary>
/// The first-order and price-only batch paths against the full batch kernel over the random grids: the same lane-wise
/// operations, so the outputs agree bit for bit (compared within 1e-15 relative, the slack only for .NET's
/// Vector256.Exp/Log changing in the last bit when tier-1 code replaces precompiled CoreLib code mid-run).
/// </summary>
public sealed class BlackScholesBatchFastPathTests(ITestOutputHelper output)
{
    public static TheoryData<int> Lengths => new() { 0, 1, 3, 4, 5, 1023, 10007 };

    [Theory]
    [MemberData(nameof(Lengths))]
    public void PriceFirstOrder_RandomGrid_EqualsFullPath(int length)
    {
        foreach (CarryConvention convention in new[] { CarryConvention.Fixed, CarryConvention.RateMinusDividendYield })
        {
            var grid = Grid.Create(length, seed: length + 17, convention);
            var full = BlackScholesBatchResultColumns.Allocate(length);
            BlackScholesBatch.Price(grid.AsSpans(), full.AsSpans());
            double[] price = new double[length], delta = new double[length], gamma = new double[length], vega = new double[length];
            double[] theta = new double[length], rho = new double[length], carryRho = new double[length];
            BlackScholesBatch.PriceFirstOrder(
                grid.AsSpans(), new BlackScholesBatchFirstOrderResults(price, delta, gamma, vega, theta, rho, carryRho));

            int exact = 0;
            exact += AssertSame(full.Price.Span, price, "Price");
            exact += AssertSame(full.Delta.Span, delta, "Delta");
            exact += AssertSame(full.Gamma.Span, gamma, "Gamma");
            exact += AssertSame(full.Vega.Span, vega, "Vega");
            exact += AssertSame(full.Theta.Span, theta, "Theta");
            exact += AssertSame(full.Rho.Span, rho, "Rho");
            exact += AssertSame(full.CarryRho.Span, carryRho, "CarryRho");
            output.WriteLine($"n = {length}, {convention}: {exact}/{7 * length} outputs bit-identical");
        }
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void PresentValue_RandomGrid_EqualsFullPath(int length)
    {
        var grid = Grid.Create(length, seed: length + 29, CarryConvention.RateMinusDividendYield);
        var full = BlackScholesBatchResultColumns.Allocate(length);
        BlackScholesBatch.Price(grid.AsSpans(), full.AsSpans());
        double[] prices = new double[length];
        BlackScholesBatch.PresentValue(grid.AsSpans(), prices);

        int exact = AssertSame(full.Price.Span, prices, "Price");
        output.WriteLine($"n = {length}: {exact}/{length} prices bit-identical");
    }

    [Fact]
    public void FastPaths_MismatchedLengths_Throw()
    {
        var grid = Grid.Create(8, seed: 5, CarryConvention.Fixed);
        double[] seven = new double[7];
        double[] eight = new double[8];
        Assert.Throws<ArgumentException>(() => BlackScholesBatch.PresentValue(grid.AsSpans(), seven));
        Assert.Throws<ArgumentException>(() => BlackScholesBatch.PriceFirstOrder(
            grid.AsSpans(), new BlackScholesBatchFirstOrderResults(seven, seven, seven, seven, seven, seven, seven)));
        Assert.Throws<ArgumentException>(() => new BlackScholesBatchFirstOrderResults(eight, seven, eight, eight, eight, eight, eight));
    }

    [Fact]
    public void FastPaths_InvalidInput_ThrowBeforeWriting()
    {
        var grid = Grid.Create(9, seed: 3, CarryConvention.Fixed);
        double[] badSpots = grid.Spot.ToArray();
        badSpots[4] = -1.0;
        var bad = grid with { Spot = badSpots };
        double[] prices = new double[9];

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => BlackScholesBatch.PresentValue(bad.AsSpans(), prices));
        Assert.Contains("Spot[4]", error.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => BlackScholesBatch.PriceFirstOrder(
            bad.AsSpans(), new BlackScholesBatchFirstOrderResults(prices, prices, prices, prices, prices, prices, prices)));
        Assert.All(prices, p => Assert.Equal(0.0, p));
    }

    private static int AssertSame(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, string name)
    {
        int exact = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            double difference = Math.Abs(actual[i] - expected[i]);
            exact += difference == 0.0 ? 1 : 0;
            // Same formulas in the same order. (With tiered compilation .NET's Vector256.Exp/Log could change in the last
            // bit between the two calls; the test project runs without tiering, see its csproj.)
            Assert.True(difference <= 1e-15 * Math.Abs(expected[i]),
                $"option {i} {name}: fast {actual[i]:R}, full {expected[i]:R}");
        }

        return exact;
    }
}
