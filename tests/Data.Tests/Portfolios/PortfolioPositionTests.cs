using Analytics.Data.Portfolios;
using Analytics.Pricing;
using Analytics.Pricing.Engines;
using Analytics.Pricing.Market;
using Analytics.Pricing.Risk;

namespace Analytics.Data.Tests.Portfolios;

/// <summary>Portfolio positions as the risk engine reads them, and their validation.</summary>
public sealed class PortfolioPositionTests
{
    private static readonly DateTimeOffset Expiry = new(2027, 3, 26, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ToRiskPositions_OptionPerpAndSpot_MapToOfOptionOfPerpetualOfSpot()
    {
        var definition = new PortfolioDefinition("book",
            [
                PortfolioPosition.Option("eth", OptionRight.Put, OptionExerciseStyle.American, OptionSettlement.Cash, 3000, Expiry, -4, "base", null, 55),
                PortfolioPosition.Perpetual("eth", 2.5, "ETH-PERP", 3100, null, null),
                PortfolioPosition.Spot("BTC", -0.5, 90_000, null, null),
            ], []);

        var risk = definition.ToRiskPositions();

        Assert.Equal(3, risk.Length);
        Assert.Equal((RiskInstrumentKind.Option, "ETH", -4.0), (risk[0].Kind, risk[0].Underlying, risk[0].Quantity));
        Assert.Equal(new OptionContract("ETH", Expiry, 3000, OptionRight.Put, OptionExerciseStyle.American, OptionSettlement.Cash), risk[0].Option);
        Assert.Equal((RiskInstrumentKind.Perpetual, "ETH", 2.5, (OptionContract?)null), (risk[1].Kind, risk[1].Underlying, risk[1].Quantity, risk[1].Option));
        Assert.Equal((RiskInstrumentKind.Spot, "BTC", -0.5, (OptionContract?)null), (risk[2].Kind, risk[2].Underlying, risk[2].Quantity, risk[2].Option));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Spot_ZeroOrNonFiniteQuantity_Throws(double quantity)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PortfolioPosition.Spot("ETH", quantity, null, null, null));
    }

    [Fact]
    public void Option_NegativePremiumOrNonUtcExpiry_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            PortfolioPosition.Option("ETH", OptionRight.Call, OptionExerciseStyle.European, OptionSettlement.Cash, 3000, Expiry, 1, "base", null, -1));
        Assert.Throws<ArgumentException>(() => PortfolioPosition.Option("ETH", OptionRight.Call, OptionExerciseStyle.European, OptionSettlement.Cash, 3000,
            new DateTimeOffset(2027, 3, 26, 9, 0, 0, TimeSpan.FromHours(1)), 1, "base", null, null));
    }

    [Fact]
    public void CollateralHolding_NegativeAmount_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CollateralHolding("USDC", -1));
    }
}
