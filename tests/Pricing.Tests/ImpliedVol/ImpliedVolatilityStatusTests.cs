using Analytics.Pricing.ImpliedVol;

namespace Analytics.Pricing.Tests.ImpliedVol;

/// <summary>
/// Typed outcomes when no volatility exists (Merton 1973 bounds, Hull 8th ed. ch. 11), the never-throwing
/// <c>TrySolve</c> variants, argument guards, and Jäckel's claim of two iterations (2015, §6).
/// </summary>
public sealed class ImpliedVolatilityStatusTests
{
    /// <summary>(price, forward, strike, right, expected status), DF = 0.9, T = 1: bounds DF·(F−K)⁺ and DF·F or DF·K.</summary>
    public static TheoryData<double, double, double, OptionRight, ImpliedVolStatus> NoVolRows() => new()
    {
        { double.NaN, 100.0, 100.0, OptionRight.Call, ImpliedVolStatus.InvalidPrice },
        { double.PositiveInfinity, 100.0, 100.0, OptionRight.Put, ImpliedVolStatus.InvalidPrice },
        { 0.0, 100.0, 120.0, OptionRight.Call, ImpliedVolStatus.NonPositivePrice },
        { -1.0, 100.0, 80.0, OptionRight.Put, ImpliedVolStatus.NonPositivePrice },
        { 17.9, 120.0, 100.0, OptionRight.Call, ImpliedVolStatus.BelowIntrinsic },   // intrinsic 0.9·20 = 18
        { 8.99, 90.0, 100.0, OptionRight.Put, ImpliedVolStatus.BelowIntrinsic },      // intrinsic 0.9·10 = 9
        { 18.0, 120.0, 100.0, OptionRight.Call, ImpliedVolStatus.AtIntrinsic },
        { 90.0, 100.0, 100.0, OptionRight.Call, ImpliedVolStatus.AboveUpperBound },   // DF·F = 90
        { 95.0, 100.0, 100.0, OptionRight.Call, ImpliedVolStatus.AboveUpperBound },
        { 99.0, 100.0, 110.0, OptionRight.Put, ImpliedVolStatus.AboveUpperBound },    // DF·K = 99
        { 1e-320, 100.0, 100.0, OptionRight.Call, ImpliedVolStatus.TimeValueTooSmall }, // subnormal time value
    };

    [Theory]
    [MemberData(nameof(NoVolRows))]
    public void SolveBlack76_PriceWithoutVol_ReturnsTypedStatusWithoutThrowing(
        double price, double forward, double strike, OptionRight right, ImpliedVolStatus expected)
    {
        ImpliedVolResult result = ImpliedVolatility.SolveBlack76(price, forward, strike, 1.0, 0.9, right);

        Assert.Equal(expected, result.Status);
        Assert.False(result.IsSolved);
        Assert.StartsWith("No implied vol", result.Reason);
        Assert.False(ImpliedVolatility.TrySolveBlack76(price, forward, strike, 1.0, 0.9, right, out double vol));
        Assert.True(double.IsNaN(vol));
    }

    [Fact]
    public void SolveBlack76_BelowIntrinsic_ReportsBoundsInQuoteCurrency()
    {
        ImpliedVolResult result = ImpliedVolatility.SolveBlack76(17.9, 120.0, 100.0, 1.0, 0.9, OptionRight.Call);

        Assert.Equal(18.0, result.IntrinsicValue, 12);
        Assert.Equal(108.0, result.UpperBound, 12);
        Assert.Contains("18", result.Reason);
        Assert.True(double.IsNaN(result.LognormalVol));
    }

    [Fact]
    public void SolveBlack76_AtIntrinsic_ReturnsZeroVol()
    {
        ImpliedVolResult result = ImpliedVolatility.SolveBlack76(18.0, 120.0, 100.0, 1.0, 0.9, OptionRight.Call);

        Assert.Equal(0.0, result.LognormalVol);
    }

    [Fact]
    public void Solve_BsmBelowIntrinsicAfterCarry_ReturnsBelowIntrinsic()
    {
        // S = 100, b = 0.1, T = 1: F = 110.517; r = 0.05: intrinsic of the 100 call = e^{−0.05}·10.517 = 10.004.
        ImpliedVolResult result = ImpliedVolatility.Solve(10.0, 100.0, 100.0, 1.0, 0.05, 0.1, OptionRight.Call);

        Assert.Equal(ImpliedVolStatus.BelowIntrinsic, result.Status);
    }

    [Theory]
    [InlineData(double.NaN, 100.0, 1.0, 1.0)]
    [InlineData(100.0, 0.0, 1.0, 1.0)]
    [InlineData(100.0, 100.0, -1.0, 1.0)]
    [InlineData(100.0, 100.0, 1.0, 0.0)]
    [InlineData(double.PositiveInfinity, 100.0, 1.0, 1.0)]
    public void SolveBlack76_InvalidContractTerms_ThrowsButTrySolveReturnsFalse(
        double forward, double strike, double tenorYears, double discountFactor)
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => ImpliedVolatility.SolveBlack76(5.0, forward, strike, tenorYears, discountFactor, OptionRight.Call));
        Assert.False(ImpliedVolatility.TrySolveBlack76(5.0, forward, strike, tenorYears, discountFactor, OptionRight.Call, out _));
    }

    [Fact]
    public void Solve_NonFiniteRateOrUndefinedRight_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ImpliedVolatility.Solve(5.0, 100.0, 100.0, 1.0, double.NaN, 0.0, OptionRight.Call));
        Assert.Throws<ArgumentOutOfRangeException>(() => ImpliedVolatility.Solve(5.0, 100.0, 100.0, 1.0, 0.0, 0.0, (OptionRight)7));
        Assert.False(ImpliedVolatility.TrySolve(5.0, 100.0, 100.0, 1.0, 0.0, double.NaN, OptionRight.Call, out _));
    }

    [Fact]
    public void TrySolve_ValidBsmPrice_ReturnsTrueAndVol()
    {
        // Haug (2007) §1.1.3 Merton (1973) example: S = 100, K = 95, T = 0.5, r = 0.1, q = 0.05, σ = 0.2 → put 2.4648.
        bool solved = ImpliedVolatility.TrySolve(2.4648, 100.0, 95.0, 0.5, 0.1, 0.05, OptionRight.Put, out double vol);

        Assert.True(solved);
        Assert.Equal(0.2, vol, 4);
    }

    /// <summary>Typical market inputs: |ln(F/K)| ≤ 3 standard deviations, σ√T in [0.02, 3].</summary>
    public static TheoryData<double, double> TypicalCases()
    {
        var data = new TheoryData<double, double>();
        foreach (double stdDev in new[] { 0.02, 0.1, 0.3, 1.0, 3.0 })
        foreach (double deviations in new[] { -3.0, -1.5, -0.5, 0.0, 0.5, 1.5, 3.0 })
        {
            data.Add(stdDev, deviations);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TypicalCases))]
    public void SolveBlack76_TypicalCase_ConvergesInAtMostThreeIterations(double stdDev, double deviations)
    {
        // Out-of-the-money option (the in-the-money one has the same time value by parity).
        OptionRight right = deviations > 0.0 ? OptionRight.Put : OptionRight.Call;
        double strike = 100.0 * Math.Exp(-deviations * stdDev);
        double price = ImpliedVolatilityRoundTripTests.UndiscountedPrice(100.0, strike, stdDev, right);

        ImpliedVolResult full = ImpliedVolatility.SolveBlack76(price, 100.0, strike, 1.0, 1.0, right);
        ImpliedVolResult twoSteps = ImpliedVolatility.SolveTrusted(price, 100.0, strike, 1.0, 1.0, right == OptionRight.Call, maximumIterations: 2);

        Assert.InRange(full.Iterations, 1, 3);
        Assert.Equal(stdDev, twoSteps.LognormalVol, 1e-13 * stdDev); // Jäckel: two steps suffice
    }
}
