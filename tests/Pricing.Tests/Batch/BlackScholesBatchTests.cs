using Analytics.Pricing.Batch;
using Analytics.Pricing.Black;

namespace Analytics.Pricing.Tests.Batch;

/// <summary>
/// The SIMD batch kernel against the scalar <see cref="BlackVanillaOptionPricer"/>, option by option, over a wide
/// random grid (deep out-of-the-money wings, both rights, tenors from a day to 30 years, vols 1 %–300 %), for array
/// lengths that are and are not multiples of the vector width; and the parallel overload against the sequential one.
/// </summary>
public sealed class BlackScholesBatchTests(ITestOutputHelper output)
{
    public static TheoryData<int> Lengths => new() { 0, 1, 3, 4, 5, 7, 8, 9, 1023, 10007 };

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Price_RandomGrid_MatchesScalarPricer(int length)
    {
        foreach (CarryConvention convention in new[] { CarryConvention.Fixed, CarryConvention.RateMinusDividendYield })
        {
            var grid = Grid.Create(length, seed: length + 17, convention);
            var results = BlackScholesBatchResultColumns.Allocate(length);
            BlackScholesBatch.Price(grid.AsSpans(), results.AsSpans());

            var worst = new Worst();
            for (int i = 0; i < length; i++)
            {
                var scalar = BlackVanillaOptionPricer.Default.Price(grid.Inputs(i));
                worst.Check(grid, i, scalar, results);
            }

            output.WriteLine($"n = {length}, {convention}: {worst}");
        }
    }

    [Fact]
    public void Price_FourAndEightLanes_EachMatchTheScalarPricer()
    {
        // One kernel over ILanes, compiled for AVX2 (4 lanes) and AVX-512 (8 lanes): both instantiations, whichever
        // the dispatcher picks on this machine (without AVX-512 the 8-lane form runs as two 256-bit halves). .NET's
        // Vector256 and Vector512 Exp/Log may differ in the last bit, so each is held to the scalar pricer's tolerance.
        const int length = 4099;
        var grid = Grid.Create(length, seed: 23, CarryConvention.RateMinusDividendYield);
        var four = BlackScholesBatchResultColumns.Allocate(length);
        var eight = BlackScholesBatchResultColumns.Allocate(length);

        BlackScholesBatch.PriceTrusted<Simd.Lanes256>(grid.AsSpans(), four.AsSpans());
        BlackScholesBatch.PriceTrusted<Simd.Lanes512>(grid.AsSpans(), eight.AsSpans());

        var worstFour = new Worst();
        var worstEight = new Worst();
        for (int i = 0; i < length; i++)
        {
            var scalar = BlackVanillaOptionPricer.Default.Price(grid.Inputs(i));
            worstFour.Check(grid, i, scalar, four);
            worstEight.Check(grid, i, scalar, eight);
        }
        output.WriteLine($"4 lanes: {worstFour}; 8 lanes: {worstEight}");
    }

    [Fact]
    public void PriceParallel_LargeBatch_EqualsSequential()
    {
        // Each option is priced by the same lane-wise operations whatever the chunking, so parallel and sequential
        // agree exactly whenever the same machine code runs. .NET's vector Exp/Log can change in the last bit when
        // CoreLib's precompiled (ReadyToRun) code is replaced by tier-1 JIT code mid-run, so this compares within a
        // few ulp (exact under DOTNET_ReadyToRun=0 or DOTNET_TieredCompilation=0, which is how it was verified).
        const int length = 50_003;
        var grid = Grid.Create(length, seed: 7, CarryConvention.RateMinusDividendYield);
        var sequential = BlackScholesBatchResultColumns.Allocate(length);
        var parallel = BlackScholesBatchResultColumns.Allocate(length);
        BlackScholesBatch.Price(grid.AsSpans(), sequential.AsSpans());
        foreach (int degree in new[] { -1, 1, 3 })
        {
            BlackScholesBatch.PriceParallel(grid, parallel, degree);
            AssertClose(sequential.Price, parallel.Price);
            AssertClose(sequential.Delta, parallel.Delta);
            AssertClose(sequential.Gamma, parallel.Gamma);
            AssertClose(sequential.Vega, parallel.Vega);
            AssertClose(sequential.Theta, parallel.Theta);
            AssertClose(sequential.Rho, parallel.Rho);
            AssertClose(sequential.CarryRho, parallel.CarryRho);
            AssertClose(sequential.Vanna, parallel.Vanna);
            AssertClose(sequential.Volga, parallel.Volga);
            AssertClose(sequential.Charm, parallel.Charm);
        }
    }

    [Fact]
    public void PriceParallel_SmallBatch_RunsSequentiallyAndMatchesScalar()
    {
        var grid = Grid.Create(100, seed: 11, CarryConvention.Fixed);
        var results = BlackScholesBatchResultColumns.Allocate(100);
        BlackScholesBatch.PriceParallel(grid, results);
        var worst = new Worst();
        for (int i = 0; i < 100; i++)
        {
            worst.Check(grid, i, BlackVanillaOptionPricer.Default.Price(grid.Inputs(i)), results);
        }
    }

    private static void AssertClose(Memory<double> expected, Memory<double> actual)
    {
        var e = expected.Span;
        var a = actual.Span;
        for (int i = 0; i < e.Length; i++)
        {
            double tolerance = 1e-13 * Math.Abs(e[i]) + 1e-300;
            Assert.True(Math.Abs(a[i] - e[i]) <= tolerance, $"option {i}: parallel {a[i]:R}, sequential {e[i]:R}");
        }
    }

    [Fact]
    public void Price_InvalidInput_ThrowsBeforeWriting()
    {
        var grid = Grid.Create(9, seed: 3, CarryConvention.Fixed);
        double[] badVols = grid.Volatility.ToArray();
        badVols[6] = double.NaN;
        var bad = grid with { Volatility = badVols };
        var results = BlackScholesBatchResultColumns.Allocate(9);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => BlackScholesBatch.Price(bad.AsSpans(), results.AsSpans()));
        Assert.Contains("Volatility[6]", error.ParamName);
        Assert.All(results.Price.ToArray(), p => Assert.Equal(0.0, p));
    }

    [Fact]
    public void Price_MismatchedLengths_Throw()
    {
        var grid = Grid.Create(8, seed: 5, CarryConvention.Fixed);
        var results = BlackScholesBatchResultColumns.Allocate(7);
        Assert.Throws<ArgumentException>(() => BlackScholesBatch.Price(grid.AsSpans(), results.AsSpans()));
        Assert.Throws<ArgumentException>(() => BlackScholesBatch.PriceParallel(grid, results));
        Assert.Throws<ArgumentException>(() => (grid with { Rate = new double[3] }).AsSpans());
    }
}
