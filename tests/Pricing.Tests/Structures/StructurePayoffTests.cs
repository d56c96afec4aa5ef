using Analytics.Pricing.L2;
using Analytics.Pricing.Structures;
using static Analytics.Pricing.Tests.Structures.StructurePricerTests;

namespace Analytics.Pricing.Tests.Structures;

/// <summary>
/// Payoff extremes and break-evens against their closed forms (Hull, <i>Options, Futures, and Other Derivatives</i>,
/// 8th ed. 2012, ch. 12): unbounded sides come out null from the asymptotic slope, not from the grid's end.
/// </summary>
public sealed class StructurePayoffTests
{
    private const double Tolerance = 1e-9;

    private static StructureResult Price(StructureTemplate template, double[] strikes, double quantity = 1.0, OptionRight? right = null) =>
        StructurePricer.Default.Price(Template(template, strikes, quantity, right), FlatMarket);

    [Fact]
    public void CallSpread_Extremes_AreWidthMinusPremiumAndPremium()
    {
        var result = Price(StructureTemplate.CallSpread, [90, 110]);

        Assert.True(result.Premium > 0.0);
        Assert.Equal(20.0 - result.Premium, result.MaxProfit!.Value, Tolerance);
        Assert.Equal(result.Premium, result.MaxLoss!.Value, Tolerance);
        Assert.Equal(90.0 + result.Premium, Assert.Single(result.Breakevens), Tolerance);
    }

    [Fact]
    public void CallSpread_ZeroPremium_BreakevenIsWhereTheFlatZeroPnlEnds()
    {
        // 170 years at 10,000 % vol: each call is worth the spot (Hull ch. 11 bounds), so the spread's premium is 0 and the
        // P&L is exactly zero at every spot up to the lower strike. The one break-even is 90, not every grid node below it.
        var structure = StructureBuilder.FromTemplate(StructureTemplate.CallSpread, [90, 110], 170.0, 1.0, null, farTenorYears: 171.0).GetValueOrThrow();
        var market = new StructureMarket(100.0, 100.0, 0.05, CarrySpecification.FromRates(0.05, 0.0));

        var result = StructurePricer.Default.Price(structure, market);

        Assert.Equal(0.0, result.Premium, Tolerance);
        Assert.Equal(90.0, Assert.Single(result.Breakevens), Tolerance);
    }

    [Fact]
    public void PutSpread_Extremes_AreWidthMinusPremiumAndPremium()
    {
        var result = Price(StructureTemplate.PutSpread, [90, 110]);

        Assert.Equal(20.0 - result.Premium, result.MaxProfit!.Value, Tolerance);
        Assert.Equal(result.Premium, result.MaxLoss!.Value, Tolerance);
        Assert.Equal(110.0 - result.Premium, Assert.Single(result.Breakevens), Tolerance);
    }

    [Fact]
    public void Straddle_MaxLossIsPremium_ProfitUnbounded_BreakevensAtStrikePlusMinusPremium()
    {
        var result = Price(StructureTemplate.Straddle, [100]);

        Assert.Null(result.MaxProfit);
        Assert.Equal(result.Premium, result.MaxLoss!.Value, Tolerance);
        Assert.Equal([100.0 - result.Premium, 100.0 + result.Premium], result.Breakevens, (a, b) => Math.Abs(a - b) < Tolerance);
    }

    [Fact]
    public void ShortStraddle_LossUnbounded()
    {
        var result = Price(StructureTemplate.Straddle, [100], quantity: -1.0);

        Assert.Null(result.MaxLoss);
        Assert.Equal(-result.Premium, result.MaxProfit!.Value, Tolerance);
    }

    [Fact]
    public void Straddle_BreakevenBeyondTheGrid_IsStillFound()
    {
        // σ = 5 makes the premium larger than the strike: K + premium lies past 2·max(S, K).
        var result = StructurePricer.Default.Price(Template(StructureTemplate.Straddle, [100]), FlatMarket with { Volatility = 5.0 });

        Assert.True(100.0 + result.Premium > 200.0);
        Assert.Equal(100.0 + result.Premium, result.Breakevens[^1], Tolerance);
    }

    [Fact]
    public void IronCondor_MaxProfitIsCredit_MaxLossIsWidthMinusCredit()
    {
        var result = Price(StructureTemplate.IronCondor, [80, 90, 110, 120]);
        double credit = -result.Premium;

        Assert.True(credit > 0.0);
        Assert.Equal(credit, result.MaxProfit!.Value, Tolerance);
        Assert.Equal(10.0 - credit, result.MaxLoss!.Value, Tolerance);
        Assert.Equal([90.0 - credit, 110.0 + credit], result.Breakevens, (a, b) => Math.Abs(a - b) < Tolerance);
    }

    [Fact]
    public void Butterfly_MaxProfitIsWingMinusPremium()
    {
        var result = Price(StructureTemplate.Butterfly, [90, 100, 110], right: OptionRight.Put);

        Assert.Equal(10.0 - result.Premium, result.MaxProfit!.Value, Tolerance);
        Assert.Equal(result.Premium, result.MaxLoss!.Value, Tolerance);
        Assert.Equal([90.0 + result.Premium, 110.0 - result.Premium], result.Breakevens, (a, b) => Math.Abs(a - b) < Tolerance);
    }

    [Fact]
    public void RiskReversal_ProfitUnbounded_LossBoundedBySpotZero()
    {
        var result = Price(StructureTemplate.RiskReversal, [90, 110]);

        Assert.Null(result.MaxProfit);
        Assert.Equal(90.0 + result.Premium, result.MaxLoss!.Value, Tolerance); // S → 0: the short put pays 90
    }

    [Fact]
    public void Collar_OptionsOnly_ShortCallMakesLossUnbounded()
    {
        // The underlying is not a leg (API.md), so the short call is naked as S → ∞.
        var result = Price(StructureTemplate.Collar, [90, 110]);

        Assert.Null(result.MaxLoss);
        Assert.Equal(90.0 - result.Premium, result.MaxProfit!.Value, Tolerance); // the put pays 90 at S = 0
        Assert.Equal(110.0 - result.Premium, Assert.Single(result.Breakevens), Tolerance);
    }

    [Fact]
    public void Calendar_IsBoundedWithTwoBreakevensAndPeakNearTheStrike()
    {
        var result = Price(StructureTemplate.Calendar, [100], right: OptionRight.Call);

        Assert.True(result.Premium > 0.0);
        Assert.Equal(result.Premium, result.MaxLoss!.Value, 1e-6); // S → 0: both calls worthless
        Assert.NotNull(result.MaxProfit);
        Assert.True(result.MaxProfit > result.Payoff.Max(p => p.Pnl) - 1e-12);
        Assert.Equal(2, result.Breakevens.Length);
        Assert.True(result.Breakevens[0] < 100.0 && result.Breakevens[1] > 100.0);
        var pnlAtStrike = result.Payoff.Single(p => p.Spot == 100.0).Pnl;
        Assert.True(pnlAtStrike > 0.0);
    }

    [Fact]
    public void Calendar_CarryBelowRate_HasUnboundedLoss()
    {
        // b < r: the far call grows like S·e^{(b−r)τ} < S, so the short near call wins as S → ∞.
        var market = FlatMarket with { Carry = CarrySpecification.FromRates(0.05, 0.03) };
        var result = StructurePricer.Default.Price(Template(StructureTemplate.Calendar, [100], right: OptionRight.Call), market);

        Assert.Null(result.MaxLoss);
        Assert.NotNull(result.MaxProfit);
    }

    [Fact]
    public void Payoff_DefaultGrid_CoversZeroToTwiceTheTopStrikeWithStrikes()
    {
        var result = Price(StructureTemplate.IronCondor, [80, 90, 110, 120.5]);

        Assert.Equal(0.0, result.Payoff[0].Spot);
        Assert.Equal(241.0, result.Payoff[^1].Spot);
        Assert.Contains(result.Payoff, p => p.Spot == 120.5);
        Assert.True(result.Payoff.Zip(result.Payoff.Skip(1)).All(pair => pair.First.Spot < pair.Second.Spot));
        Assert.Equal(0.25, result.FirstExpiryYears);
    }

    [Fact]
    public void Payoff_CustomGrid_IsHonouredAndValidated()
    {
        var result = StructurePricer.Default.Price(
            Template(StructureTemplate.Straddle, [100]), FlatMarket, grid: PayoffGrid.Create(50.0, 150.0, 11));

        Assert.Equal(11, result.Payoff.Length); // 100 is already a grid point
        Assert.Equal(-result.Premium, result.Payoff[5].Pnl, 1e-12);
        Assert.Throws<ArgumentOutOfRangeException>(() => PayoffGrid.Create(10.0, 10.0, 11));
        Assert.Throws<ArgumentOutOfRangeException>(() => PayoffGrid.Create(-1.0, 10.0, 11));
        Assert.Throws<ArgumentOutOfRangeException>(() => PayoffGrid.Create(0.0, 10.0, 1));
    }
}
