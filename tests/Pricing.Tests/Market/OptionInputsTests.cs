using Analytics.Pricing.Batch;
using Analytics.Pricing.Black;
using Analytics.Pricing.Engines;
using Analytics.Pricing.Market;

namespace Analytics.Pricing.Tests.Market;

/// <summary>
/// <see cref="OptionContract"/> + <see cref="OptionMarket"/> → pricer inputs (<see cref="OptionInputs"/>): the built
/// inputs price exactly as hand-built inputs do, the tenor is Act/365F from the valuation instant, and invalid terms are
/// refused at construction.
/// </summary>
public sealed class OptionInputsTests
{
    private static readonly DateTimeOffset Valuation = new(2026, 1, 5, 15, 33, 29, TimeSpan.Zero);
    private static readonly DateTimeOffset Expiry = new(2026, 3, 27, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ToBlackInputs_MertonMarket_PricesAsHandBuiltInputs()
    {
        var contract = new OptionContract("ETH", Expiry, 3200, OptionRight.Put, OptionExerciseStyle.European, OptionSettlement.Cash);
        var market = OptionMarket.WithDividendYield(Valuation, 3100, 0.65, 0.04, 0.01);
        // Hand-built: 80 days, 16 h 26 min 31 s between the instants, counted by hand, over 365 days.
        double tenorYears = (80 * 86_400.0 + 16 * 3600 + 26 * 60 + 31) / (365 * 86_400.0);
        var hand = BlackVanillaOptionInputs.WithDividendYield(OptionRight.Put, 3100, 3200, tenorYears, 0.65, 0.04, 0.01);

        var built = OptionInputs.ToBlackInputs(contract, market);

        Assert.Equal(hand, built);
        Assert.Equal(BlackVanillaOptionPricer.Default.Price(hand), BlackVanillaOptionPricer.Default.Price(built));
    }

    [Fact]
    public void ToBlackInputs_ForwardMarket_IsBlack76()
    {
        var contract = new OptionContract("BTC", Expiry, 90_000, OptionRight.Call, OptionExerciseStyle.European, OptionSettlement.Physical);
        var market = OptionMarket.OnForward(Valuation, 92_500, 0.5, 0.03);
        var hand = BlackVanillaOptionInputs.OnForward(OptionRight.Call, 92_500, 90_000, YearFraction.Act365F(Valuation, Expiry), 0.5, 0.03);

        Assert.Equal(hand, OptionInputs.ToBlackInputs(contract, market));
    }

    [Fact]
    public void ToBatchColumns_ThreeOptions_PriceAsTheirScalarInputs()
    {
        var contracts = new[]
        {
            new OptionContract("ETH", Expiry, 3000, OptionRight.Call, OptionExerciseStyle.European, OptionSettlement.Cash),
            new OptionContract("ETH", Expiry.AddDays(30), 3500, OptionRight.Put, OptionExerciseStyle.European, OptionSettlement.Cash),
            new OptionContract("BTC", Expiry, 95_000, OptionRight.Call, OptionExerciseStyle.European, OptionSettlement.Cash),
        };
        var markets = new[]
        {
            new OptionMarket(Valuation, 3100, 0.7, 0.04, 0.02, CarryConvention.Fixed),
            new OptionMarket(Valuation, 3100, 0.75, 0.04, 0.02, CarryConvention.Fixed),
            new OptionMarket(Valuation, 93_000, 0.5, 0.04, 0.0, CarryConvention.Fixed),
        };

        var columns = OptionInputs.ToBatchColumns(contracts, markets);
        var prices = new double[3];
        BlackVanillaBatchPricer.Default.PresentValue(columns.AsSpans(), prices);

        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(BlackVanillaOptionPricer.Default.PresentValue(OptionInputs.ToBlackInputs(contracts[i], markets[i])), prices[i]);
        }
    }

    [Fact]
    public void ToBatchColumns_MixedConventions_Throws()
    {
        var contract = new OptionContract("ETH", Expiry, 3000, OptionRight.Call, OptionExerciseStyle.European, OptionSettlement.Cash);
        var markets = new[]
        {
            new OptionMarket(Valuation, 3100, 0.7, 0.04, 0.02, CarryConvention.Fixed),
            OptionMarket.WithDividendYield(Valuation, 3100, 0.7, 0.04, 0.02),
        };

        Assert.Throws<ArgumentException>(() => OptionInputs.ToBatchColumns([contract, contract], markets));
    }

    [Fact]
    public void ToBlackInputs_ExpiredContract_Throws()
    {
        var contract = new OptionContract("ETH", Valuation, 3000, OptionRight.Call, OptionExerciseStyle.European, OptionSettlement.Cash);
        Assert.Throws<ArgumentOutOfRangeException>(() => OptionInputs.ToBlackInputs(contract, OptionMarket.OnForward(Valuation, 3000, 0.5, 0.0)));
    }

    [Fact]
    public void Constructor_InvalidTerms_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OptionContract("ETH", Expiry, 0, OptionRight.Call, OptionExerciseStyle.European, OptionSettlement.Cash));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OptionContract("ETH", Expiry, double.NaN, OptionRight.Call, OptionExerciseStyle.European, OptionSettlement.Cash));
        Assert.Throws<ArgumentException>(() => new OptionContract(" ", Expiry, 3000, OptionRight.Call, OptionExerciseStyle.European, OptionSettlement.Cash));
        Assert.Throws<ArgumentException>(() => new OptionContract("ETH", Expiry.ToOffset(TimeSpan.FromHours(2)), 3000, OptionRight.Call, OptionExerciseStyle.European, OptionSettlement.Cash));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OptionContract("ETH", Expiry, 3000, (OptionRight)7, OptionExerciseStyle.European, OptionSettlement.Cash));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OptionContract("ETH", Expiry, 3000, OptionRight.Call, OptionExerciseStyle.European, (OptionSettlement)2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OptionMarket(Valuation, 3000, 0, 0.0, 0.0, CarryConvention.Fixed));
    }
}
