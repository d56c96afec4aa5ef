using Analytics.Pricing.L2;

namespace Analytics.Pricing.Tests.L2;

/// <summary>Realistic chain profiles (orders of magnitude as of 2025; L2BEAT and chain explorers) for the tests.</summary>
internal static class L2TestData
{
    internal static readonly ChainProfile Ethereum = new("ethereum", "Ethereum", RollupKind.L1, 0.0, 12.0, 3.0, 12.0, "test");
    internal static readonly ChainProfile ArbitrumOne = new("arbitrum-one", "Arbitrum One", RollupKind.Optimistic, 168.0, 0.25, 0.02, 1.0, "test");
    internal static readonly ChainProfile ZkSyncEra = new("zksync-era", "zkSync Era", RollupKind.Zk, 24.0, 1.0, 0.03, 1.0, "test");

    internal static L2TradeTerms Terms(
        ChainProfile chain,
        SettlementLayer settlement = SettlementLayer.L2,
        double contracts = 1.0,
        double rehedgeIntervalHours = 1.0,
        double takerFeeRate = 0.0,
        double? hedgeNotionalUsd = null) =>
        new(chain, settlement, contracts, rehedgeIntervalHours, takerFeeRate, hedgeNotionalUsd);

    internal static L2OptionInputs Option(
        L2TradeTerms terms,
        OptionRight right = OptionRight.Call,
        double spot = 3000.0,
        double strike = 3000.0,
        double tenorYears = 0.25,
        double volatility = 0.7,
        double rate = 0.05,
        double dividendYield = 0.0) =>
        new(right, spot, strike, tenorYears, volatility, rate, CarrySpecification.FromRates(rate, dividendYield), terms);
}
