using Analytics.Pricing.L2;

namespace Analytics.Pricing.Tests.L2;

/// <summary>Leland (1985), J. Finance 40(5): Le = sqrt(2/π)·k/(σ·sqrt(Δt)), σ_ask = σ·sqrt(1 + Le), σ_bid = σ·sqrt(max(0, 1 − Le)).</summary>
public sealed class LelandSpreadAdjusterTests
{
    [Theory]
    [InlineData(0.01)]
    [InlineData(0.2)]
    [InlineData(0.7)]
    [InlineData(3.0)]
    public void Adjust_ZeroCost_GivesSigmaExactly(double sigma)
    {
        var adjustment = LelandSpreadAdjuster.Adjust(sigma, 0.0, 1.0 / 8760.0);

        Assert.Equal(0.0, adjustment.LelandNumber);
        Assert.Equal(sigma, adjustment.VolAsk);
        Assert.Equal(sigma, adjustment.VolBid);
        Assert.False(adjustment.BidFloorHit);
    }

    [Fact]
    public void Adjust_KnownCase_MatchesTheFormula()
    {
        // k = 0.002, σ = 0.5, Δt = 1/365: Le = 0.7978845608·0.002/(0.5·0.0523423923) = 0.0609742525 (by hand)
        var adjustment = LelandSpreadAdjuster.Adjust(0.5, 0.002, 1.0 / 365.0);

        double expected = Math.Sqrt(2.0 / Math.PI) * 0.002 / (0.5 * Math.Sqrt(1.0 / 365.0));
        Assert.Equal(0.0609742525, adjustment.LelandNumber, 1e-10);
        Assert.Equal(expected, adjustment.LelandNumber, 1e-15);
        Assert.Equal(0.5 * Math.Sqrt(1.0 + expected), adjustment.VolAsk, 1e-15);
        Assert.Equal(0.5 * Math.Sqrt(1.0 - expected), adjustment.VolBid, 1e-15);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(2.5)]
    public void Adjust_LelandNumberAtLeastOne_FloorsBidVolAtZero(double target)
    {
        double sigma = 0.4;
        double dt = 1.0 / 8760.0;
        double k = target * sigma * Math.Sqrt(dt) / Math.Sqrt(2.0 / Math.PI);
        var adjustment = LelandSpreadAdjuster.Adjust(sigma, k, dt);

        Assert.Equal(target, adjustment.LelandNumber, 1e-12);
        Assert.True(adjustment.BidFloorHit || adjustment.LelandNumber < 1.0); // exactly 1 may round either way
        Assert.Equal(0.0, adjustment.VolBid, 1e-6);
        Assert.Equal(sigma * Math.Sqrt(1.0 + target), adjustment.VolAsk, 1e-12);
    }

    [Fact]
    public void RoundTripCostRate_IsTwiceFeePlusGasOverNotional()
    {
        Assert.Equal(2.0 * (0.0005 + 0.02 / 3000.0), LelandSpreadAdjuster.RoundTripCostRate(0.0005, 0.02, 3000.0), 1e-18);
        Assert.Throws<ArgumentOutOfRangeException>(() => LelandSpreadAdjuster.RoundTripCostRate(0.0, 1.0, 0.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => LelandSpreadAdjuster.LelandNumber(-0.1, 0.2, 1.0));
    }
}
