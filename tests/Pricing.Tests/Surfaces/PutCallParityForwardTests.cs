using Analytics.Pricing.Surfaces;

namespace Analytics.Pricing.Tests.Surfaces;

/// <summary>
/// The median behind the parity regression's Theil-Sen start, its MAD scale and the venue forward (now MathNet's
/// selection): the textbook definition (middle order statistic; mean of the two middle ones for an even count) and
/// the median of a sorted copy, bit for bit.
/// </summary>
public sealed class PutCallParityForwardTests
{
    public static TheoryData<double[], double> Samples() => new()
    {
        { [7.0], 7.0 },
        { [3.0, 1.0], 2.0 },
        { [5.0, -1.0, 3.0], 3.0 },
        { [4.0, 1.0, 3.0, 2.0], 2.5 },
        { [2.0, 2.0, 2.0, 9.0, -9.0], 2.0 }, // ties
        { [1e300, 3e300], 2e300 },
        { [1e-300, -1e-300, 0.0], 0.0 },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Median_SmallSamples_IsTheMiddleOrderStatistic(double[] values, double expected)
    {
        Assert.Equal(expected, PutCallParityForward.Median(values));
    }

    [Fact]
    public void Median_Empty_IsNaN()
    {
        Assert.True(double.IsNaN(PutCallParityForward.Median([])));
    }

    [Fact]
    public void Median_RandomSamples_EqualsTheMedianOfASortedCopyBitForBit()
    {
        var random = new Random(20261201);
        for (int trial = 0; trial < 2_000; trial++)
        {
            int n = 1 + random.Next(200);
            var values = Enumerable.Range(0, n).Select(_ => Math.Round((random.NextDouble() - 0.5) * 1e4, random.Next(4))).ToArray();
            var sorted = values.Order().ToArray();
            double expected = n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);

            Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(PutCallParityForward.Median(values)));
        }
    }
}
