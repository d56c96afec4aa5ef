using Analytics.Pricing.American;
using Analytics.Pricing.Black;
using Analytics.Pricing.QuantLib;

namespace Analytics.Pricing.Tests.QuantLibCrossCheck;

/// <summary>
/// Issue 14 item 2 for the QuantLib engines: <c>quantlib-baw</c> where early exercise is worthless, <c>quantlib-fd</c>'s
/// tenor-dependent grid against a converged reference, and its put delta at extreme inputs.
/// </summary>
public sealed class QuantLibAmericanEdgeCaseTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(OptionRight.Put, 0.0, 0.0)]
    [InlineData(OptionRight.Put, 0.0, 0.03)]
    [InlineData(OptionRight.Put, -0.02, 0.01)]
    [InlineData(OptionRight.Put, -0.02, -0.01)]
    [InlineData(OptionRight.Call, 0.03, 0.0)]
    [InlineData(OptionRight.Call, 0.01, -0.01)]
    public void QuantLibBaw_EarlyExerciseWorthless_IsQuantLibsEuropeanValueAndSaysSo(OptionRight right, double r, double q)
    {
        QuantLibRequirement.Require();
        var inputs = BlackVanillaOptionInputs.WithDividendYield(right, 95.0, 100.0, 1.0, 0.3, r, q);

        var baw = QuantLibRequirement.Pricer.Price(inputs, QuantLibExerciseStyle.American, QuantLibEngine.QuantLibBaw);
        var european = QuantLibRequirement.Pricer.Price(inputs, QuantLibExerciseStyle.European, QuantLibEngine.QuantLibAnalytic);

        Assert.True(baw.PricedAsEuropean);
        Assert.Equal(QuantLibEngine.QuantLibBaw, baw.Engine);
        Assert.Equal(european.Price, baw.Price);
        Assert.Equal(european.Greeks.Delta, baw.Greeks.Delta);
        Assert.Equal(BlackVanillaOptionPricer.Default.PresentValue(inputs), baw.Price, 1e-12);
    }

    [Fact]
    public void QuantLibBaw_PutWithPositiveRate_IsStillTheApproximation()
    {
        QuantLibRequirement.Require();
        var inputs = BlackVanillaOptionInputs.WithDividendYield(OptionRight.Put, 95.0, 100.0, 1.0, 0.3, 0.05, 0.0);

        var baw = QuantLibRequirement.Pricer.Price(inputs, QuantLibExerciseStyle.American, QuantLibEngine.QuantLibBaw);

        Assert.False(baw.PricedAsEuropean);
        Assert.True(baw.Price > BlackVanillaOptionPricer.Default.PresentValue(inputs) + 0.1);
    }

    /// <summary>Rows up to ten years (prices from 0.5 % of the strike up).</summary>
    public static TheoryData<OptionRight, double, double, double, double, double> FdRows() => new()
    {
        // right, S, σ, r, q, T (K = 100)
        { OptionRight.Put, 100.0, 0.3, 0.05, 0.01, 0.1 },
        { OptionRight.Put, 110.0, 0.2, 0.05, 0.01, 1.0 },
        { OptionRight.Put, 90.0, 0.5, 0.05, 0.01, 3.0 },
        { OptionRight.Put, 100.0, 0.1, 0.05, 0.01, 3.0 },
        { OptionRight.Put, 100.0, 0.3, 0.05, 0.01, 10.0 },
        { OptionRight.Put, 110.0, 0.1, 0.05, 0.01, 10.0 },
        { OptionRight.Call, 100.0, 0.3, 0.05, 0.04, 3.0 },
        { OptionRight.Call, 120.0, 0.2, 0.05, 0.04, 10.0 },
    };

    [Theory]
    [MemberData(nameof(FdRows))]
    public void QuantLibFd_ChosenGrid_IsWithin1e4OfAConvergedReference(OptionRight right, double spot, double vol, double r, double q, double t)
    {
        QuantLibRequirement.Require();
        var inputs = BlackVanillaOptionInputs.WithDividendYield(right, spot, 100.0, t, vol, r, q);
        double reference = QdFpAmericanPricer.HighPrecision.PresentValue(inputs);

        var fd = QuantLibRequirement.Pricer.Price(inputs, QuantLibExerciseStyle.American, QuantLibEngine.QuantLibFd);

        output.WriteLine($"{right} S={spot} σ={vol} T={t}: fd {fd.Price:R}, reference {reference:R}, relative {(fd.Price - reference) / reference:E2}");
        QuantLibRequirement.Close(reference, fd.Price, 1e-4, 0.0, "quantlib-fd");
    }

    [Fact]
    public void QuantLibFd_GivenGrid_IsUsed()
    {
        QuantLibRequirement.Require();
        var inputs = BlackVanillaOptionInputs.WithDividendYield(OptionRight.Put, 100.0, 100.0, 1.0, 0.3, 0.05, 0.0);

        var coarse = QuantLibRequirement.Pricer.Price(inputs, QuantLibExerciseStyle.American, QuantLibEngine.QuantLibFd, fdGrid: new QuantLibFdGrid(20, 20));
        var chosen = QuantLibRequirement.Pricer.Price(inputs, QuantLibExerciseStyle.American, QuantLibEngine.QuantLibFd);

        Assert.NotEqual(coarse.Price, chosen.Price);
        Assert.Throws<ArgumentOutOfRangeException>(() => new QuantLibFdGrid(5, 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => new QuantLibFdGrid(100, 6000));
    }

    [Theory]
    [InlineData(60.0, 0.05, 0.1, 0.02)]
    [InlineData(100.0, 3.0, 0.05, 0.003)]
    [InlineData(70.0, 1.5, 0.1, 1.0)]
    [InlineData(80.0, 0.2, 0.2, 0.05)]
    public void QuantLibFd_PutDeltaAtExtremeInputs_StaysWithinMinusOneAndZero(double spot, double vol, double r, double t)
    {
        QuantLibRequirement.Require();
        var inputs = BlackVanillaOptionInputs.WithDividendYield(OptionRight.Put, spot, 100.0, t, vol, r, 0.0);

        var fd = QuantLibRequirement.Pricer.Price(inputs, QuantLibExerciseStyle.American, QuantLibEngine.QuantLibFd);

        output.WriteLine($"S={spot} σ={vol} r={r} T={t}: delta {fd.Greeks.Delta:R}");
        Assert.InRange(fd.Greeks.Delta, -1.0 - 1e-6, 0.0);
    }
}
