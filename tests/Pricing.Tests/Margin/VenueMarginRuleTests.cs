using Analytics.Pricing.Margin;

namespace Analytics.Pricing.Tests.Margin;

/// <summary>
/// The venues' published standard-margin formulas on worked numbers (every expected value computed by hand below from
/// the formula as published; the venues' pages give the formulas, not numeric examples):
/// Deribit options (short call IM = max(0.15 − OTM/S, 0.1)·S + mark, MM = 0.075·S + mark; short put MM =
/// max(0.075·S, 0.075·mark) + mark, IM = max(that IM, MM); as quoted by doc.tslab.pro's "Deribit Margin Requirements
/// Calculation", read 2026-12-01), Aevo options (maintenance 0.1·S + mark, docs.aevo.xyz "Standard Margin", read
/// 2026-12-01), Deribit futures (BTC IM 2 % + size × 0.005 %, MM 1 % + size × 0.005 %; support.deribit.com "11 January
/// 2022") and dYdX v4's open-interest margin fraction (IMF unchanged at or below the lower cap, 100 % at the upper cap,
/// linear between: LiquidityTier.open_interest_lower_cap / upper_cap, dydxprotocol/v4-chain PR #1125, 2024-03-07).
/// </summary>
public sealed class VenueMarginRuleTests
{
    private static readonly OptionMarginRule Deribit = new(0.15, 0.1, 0.075, 0.075, 0.075);
    private static readonly OptionMarginRule Aevo = new(0.15, 0.1, 0.1, 0.1, 0.1);

    [Fact]
    public void Deribit_ShortOtmCall_IsTheFloorPlusMark()
    {
        // S = 50,000, K = 55,000, mark 1,000: OTM 5,000; max(0.15·50,000 − 5,000, 0.1·50,000) = max(2,500, 5,000) = 5,000.
        var (im, mm) = Deribit.PerOption(isCall: true, isShort: true, spot: 50_000, strike: 55_000, mark: 1_000);
        Assert.Equal(6_000.00, im, 1e-9);
        Assert.Equal(4_750.00, mm, 1e-9); // 0.075·50,000 + 1,000
    }

    [Fact]
    public void Deribit_ShortSlightlyOtmCall_UsesTheOtmAdjustedFraction()
    {
        // S = 50,000, K = 51,000, mark 2,100: OTM 1,000; max(7,500 − 1,000, 5,000) = 6,500; IM = 8,600.
        var (im, mm) = Deribit.PerOption(true, true, 50_000, 51_000, 2_100);
        Assert.Equal(8_600.00, im, 1e-9);
        Assert.Equal(5_850.00, mm, 1e-9);
    }

    [Fact]
    public void Deribit_ShortPut_MaintenanceHasTheMarkFloor_AndInitialIsAtLeastMaintenance()
    {
        // S = 50,000, K = 45,000, mark 800: OTM 5,000; IM = max(max(2,500, 5,000) + 800, MM); MM = max(3,750, 60) + 800 = 4,550.
        var (im, mm) = Deribit.PerOption(false, true, 50_000, 45_000, 800);
        Assert.Equal(5_800.00, im, 1e-9);
        Assert.Equal(4_550.00, mm, 1e-9);
        // Deep ITM put at S = 1,000, K = 45,000, mark 44,000: MM = max(75, 3,300) + 44,000 = 47,300 > IM's max(150, 100) + 44,000.
        var (deepIm, deepMm) = Deribit.PerOption(false, true, 1_000, 45_000, 44_000);
        Assert.Equal(47_300.00, deepMm, 1e-9);
        Assert.Equal(47_300.00, deepIm, 1e-9);
    }

    [Fact]
    public void Aevo_ShortCall_MaintenanceIsTenPercentOfSpotPlusMark()
    {
        var (im, mm) = Aevo.PerOption(true, true, 3_000, 3_300, 50);
        Assert.Equal(350.00, im, 1e-9); // max(450 − 300, 300) + 50
        Assert.Equal(350.00, mm, 1e-9); // 300 + 50
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void LongOptions_NeedNoMarginBeyondThePremium(bool isCall)
    {
        Assert.Equal((0.0, 0.0), Deribit.PerOption(isCall, isShort: false, 50_000, 50_000, 2_000));
        Assert.Equal((0.0, 0.0), Aevo.PerOption(isCall, isShort: false, 3_000, 2_000, 1_000));
    }

    [Fact]
    public void DeribitBtcFutures_SizeTieredFractions()
    {
        var btc = new LinearMarginRule(0.02, 0.01, 0.00005);
        var (im, mm) = btc.Fractions(100); // 2 % + 100 × 0.005 % = 2.5 %; 1 % + 0.5 % = 1.5 %
        Assert.Equal(0.025, im, 1e-15);
        Assert.Equal(0.015, mm, 1e-15);
        Assert.Equal((0.02, 0.01), btc.Fractions(0));
    }

    [Fact]
    public void Dydx_OpenInterestRaisesTheInitialFractionLinearlyBetweenTheCaps()
    {
        LinearMarginRule At(double oi) => new(0.05, 0.03, 0, oi, 20_000_000, 50_000_000);
        Assert.Equal(0.05, At(20_000_000).Fractions(1).Initial, 1e-15);
        Assert.Equal(0.05 + 0.95 * 0.5, At(35_000_000).Fractions(1).Initial, 1e-15);
        Assert.Equal(1.0, At(80_000_000).Fractions(1).Initial, 1e-15);
        Assert.Equal(0.03, At(80_000_000).Fractions(1).Maintenance, 1e-15);
        Assert.Equal((0.05, 0.03), new LinearMarginRule(0.05, 0.03).Fractions(1_000));
    }

    [Fact]
    public void Rules_RejectOutOfRangeParameters()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OptionMarginRule(-0.1, 0.1, 0.075, 0.075, 0.075));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OptionMarginRule(0.15, 0.1, 0.075, 0.075, 0.075, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LinearMarginRule(0.02, 0.03));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LinearMarginRule(0.05, 0.03, 0, 1e6, 5e6, 2e6));
    }
}
