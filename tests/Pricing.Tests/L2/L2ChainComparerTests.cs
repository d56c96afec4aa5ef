using Analytics.Pricing.L2;
using static Analytics.Pricing.Tests.L2.L2TestData;

namespace Analytics.Pricing.Tests.L2;

/// <summary>
/// PRODUCT.md §3.4 part 4: cheaper gas lowers k, so spreads are tighter on L2s — the service shows it chain by chain
/// (API.md <c>POST /api/v1/l2/compare</c>).
/// </summary>
public sealed class L2ChainComparerTests
{
    private static readonly ChainProfile[] Chains = [Ethereum, ArbitrumOne, ZkSyncEra];

    [Fact]
    public void Compare_RealisticProfiles_SpreadsShrinkFromL1ToL2()
    {
        var inputs = Option(Terms(Ethereum, SettlementLayer.L2, contracts: 1.0, rehedgeIntervalHours: 1.0, takerFeeRate: 0.0003));

        var quotes = L2ChainComparer.Default.Compare(inputs, Chains);

        Assert.Equal(["ethereum", "arbitrum-one", "zksync-era"], quotes.Select(q => q.ChainId));
        var (l1, arbitrum, zk) = (quotes[0], quotes[1], quotes[2]);
        Assert.True(arbitrum.Spread < l1.Spread, $"Arbitrum {arbitrum.Spread} vs L1 {l1.Spread}");
        Assert.True(zk.Spread < l1.Spread);
        Assert.True(arbitrum.Spread < zk.Spread); // 0.02 USD gas < 0.03 USD gas
        Assert.True(arbitrum.LelandNumber < l1.LelandNumber);
        Assert.Equal(3.0, l1.GasPerContractUsd);
        Assert.Equal(0.02, arbitrum.GasPerContractUsd);
        Assert.Equal(l1.Price, arbitrum.Price); // settling on the L2: the mid is the same everywhere
        Assert.Equal(l1.DiscountFactor, zk.DiscountFactor);
    }

    [Fact]
    public void Compare_L1Settlement_OptimisticRollupCostsMoreThanZk()
    {
        var inputs = Option(Terms(Ethereum, SettlementLayer.L1, takerFeeRate: 0.0003));

        var quotes = L2ChainComparer.Default.Compare(inputs, Chains);
        var (l1, arbitrum, zk) = (quotes[0], quotes[1], quotes[2]);

        // A 7-day wait discounts more than a 1-day one, which discounts more than none.
        Assert.True(arbitrum.DiscountFactor < zk.DiscountFactor && zk.DiscountFactor < l1.DiscountFactor);
        Assert.True(arbitrum.Price < zk.Price && zk.Price < l1.Price);
        Assert.True(arbitrum.Bid < zk.Bid);
    }

    [Fact]
    public void Compare_NoChains_GivesNoRows()
    {
        Assert.Empty(L2ChainComparer.Default.Compare(Option(Terms(Ethereum)), []));
    }
}
