using Analytics.Data.Entities;
using Analytics.Data.Indexing;
using Analytics.Data.Storage;
using Analytics.TestSupport;
using Microsoft.EntityFrameworkCore;
using Nethereum.Hex.HexTypes;

namespace Analytics.Data.Tests.Indexing;

/// <summary>
/// Issue 15: the ETH price that turns an indexed trade's gas into USD is the latest one at or before the trade's block
/// time and at most <see cref="IndexerOptions.NativePriceMaxAgeSeconds"/> old (an event's index price or a stored ETH
/// price); otherwise the USD gas is left null. A real anvil node with blocks at set times, on both databases.
/// </summary>
public sealed class IndexerNativePriceTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GasInUsd_UsesTheLatestEthPriceAtOrBeforeTheBlockWithinTheMaximumAge(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Token);
        await using var chain = await IndexerTestChain.StartAsync(Token);
        var t1 = await LatestBlockTimeAsync(chain) + 100;
        long t2 = t1 + 60, t3 = t2 + 7200, t4 = t3 + 3600;

        // Block at t1: a BTC perp fill with no ETH price before it (only later ones are stored).
        var btcBeforeAnyPrice = await MineAtAsync(chain, t1, () => chain.Exchange.TradePerpAsync("BTC-USD", 0.75m, 64_123.5m, 1.25m, 64_100m));
        // t2: an ETH option fill, whose own index price (3,150.5) costs its gas.
        var ethOption = await MineAtAsync(chain, t2, () => chain.Exchange.TradeOptionAsync("ETH", IndexerTestChain.Expiry, 3200m, isCall: false,
            signedSize: -2.5m, premium: 87.5m, fee: 0.42m, indexPrice: 3150.5m));
        // t3, two hours on: the last ETH price seen (t2's event) is older than the maximum age of one hour.
        var btcAfterStalePrice = await MineAtAsync(chain, t3, () => chain.Exchange.TradePerpAsync("BTC-USD", 0.5m, 64_000m, 1m, 64_010m));
        // t4, one hour on: a stored ETH price 30 minutes old is the latest.
        var btcAfterStoredPrice = await MineAtAsync(chain, t4, () => chain.Exchange.TradePerpAsync("BTC-USD", -0.25m, 64_200m, 1m, 64_190m));
        await using (var db = database.NewContext())
        {
            db.PriceObservations.AddRange(Eth(t3 + 1800, 3300.0), Eth(t4 + 3600, 9999.0));
            await db.SaveChangesAsync(Token);
        }

        var options = new IndexerOptions { NativePriceMaxAgeSeconds = 3600 };
        await using (var db = database.NewContext())
        {
            var run = await IndexerTestChain.Indexer(db, chain.Source(confirmations: 0, blockRange: 100), options: options).RunAsync(Token);
            Assert.Null(run.Error);
            Assert.Equal(4, run.TradesStored);
        }

        await using var check = database.NewContext();
        // Before the fix: 9,999 (the latest stored price, an hour after the last block) for the first, 3,150.5 for the last two.
        await AssertGasAsync(check, chain, btcBeforeAnyPrice, null);
        await AssertGasAsync(check, chain, ethOption, 3150.5);
        await AssertGasAsync(check, chain, btcAfterStalePrice, null);
        await AssertGasAsync(check, chain, btcAfterStoredPrice, 3300.0);
        // Gas without a USD price stays out of the observed-gas figures.
        var observed = await ObservedGasQuery.ReadAsync(check, IndexerTestChain.Chain, DateTime.UnixEpoch, DateTime.UnixEpoch.AddSeconds(t4 + 1), Token);
        Assert.Equal(2, observed.Count);
    }

    /// <summary>The stored gas of <paramref name="tx"/>: the receipt's gas in ETH, and in USD at <paramref name="ethUsd"/> (null: unknown).</summary>
    private static async Task AssertGasAsync(AnalyticsDbContext db, IndexerTestChain chain, string tx, double? ethUsd)
    {
        var receipt = await chain.Node.Web3.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(tx);
        var expectedEth = (double)receipt.GasUsed.Value * (double)receipt.EffectiveGasPrice.Value / 1e18;
        var gas = await db.TradeGas.SingleAsync(g => g.TxHash == tx.ToLowerInvariant(), Token);
        Assert.Equal(expectedEth, gas.GasCostNative, 1e-15);
        Assert.Equal(ethUsd, gas.NativePriceUsd);
        if (ethUsd is null) Assert.Null(gas.GasCostUsd);
        else Assert.Equal(expectedEth * ethUsd.Value, gas.GasCostUsd!.Value, 1e-12);
    }

    private static PriceObservationEntity Eth(long unixSeconds, double usd) => new()
    {
        Underlying = "ETH", Source = "test-eth", TimestampUtc = DateTime.UnixEpoch.AddSeconds(unixSeconds), Open = usd, High = usd, Low = usd, Close = usd,
    };

    private static async Task<long> LatestBlockTimeAsync(IndexerTestChain chain)
    {
        var head = await chain.Node.HeadAsync();
        var block = await chain.Node.Web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(new HexBigInteger(head));
        return (long)block.Timestamp.Value;
    }

    /// <summary>Sends one transaction and mines it in a block stamped <paramref name="unixSeconds"/> (checked on the node).</summary>
    private static async Task<string> MineAtAsync(IndexerTestChain chain, long unixSeconds, Func<Task<string>> send)
    {
        var tx = await send();
        await chain.Node.RpcAsync<object>("evm_setNextBlockTimestamp", unixSeconds);
        await chain.Node.MineAsync();
        Assert.Equal(unixSeconds, await LatestBlockTimeAsync(chain));
        return tx;
    }
}
