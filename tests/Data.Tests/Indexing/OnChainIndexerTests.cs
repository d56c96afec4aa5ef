using Analytics.Data.Indexing;
using Analytics.Data.Storage;
using Analytics.TestSupport;
using Microsoft.EntityFrameworkCore;
using Nethereum.Hex.HexTypes;

namespace Analytics.Data.Tests.Indexing;

/// <summary>
/// The on-chain indexer against a real anvil node and the exchange contract, on both databases: events stored exactly
/// once, resumption after a cut-off run, a node that drops half its calls, malformed logs, gas from receipts.
/// The expected rows are what the test sent and what the node itself answers (eth_getLogs, receipts, headers).
/// </summary>
public sealed class OnChainIndexerTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MixedEvents_AreIndexedExactlyOnce(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Token);
        await using var chain = await IndexerTestChain.StartAsync(Token);
        var sent = await chain.SendMixedBlocksAsync(100);
        await chain.Node.MineAsync(3);
        var source = chain.Source(confirmations: 3, blockRange: 25);

        IndexerRunResult first, second;
        await using (var db = database.NewContext()) first = await IndexerTestChain.Indexer(db, source).RunAsync(Token);
        await using (var db = database.NewContext()) second = await IndexerTestChain.Indexer(db, source).RunAsync(Token);

        var head = await chain.Node.HeadAsync();
        var canonical = await chain.Exchange.CanonicalLogsAsync(chain.Exchange.DeployBlock, head - 3);
        Assert.Equal(2000, sent);
        Assert.Equal(sent, canonical.Count);
        Assert.Null(first.Error);
        Assert.True(first.CaughtUp);
        Assert.Equal((1800L, 200L, 0), (first.TradesStored, first.FundingStored, first.LogErrors));
        Assert.Equal((0L, 0L), (second.TradesStored, second.FundingStored));
        await using var check = database.NewContext();
        var stored = await check.Trades.Select(t => new { t.TxHash, t.LogIndex, t.BlockNumber }).ToListAsync(Token);
        Assert.Equal(1800, stored.Count);
        Assert.Equal(200, await check.FundingObservations.CountAsync(Token));
        Assert.Equal(0, await check.IndexerErrors.CountAsync(Token));
        var canonicalKeys = canonical.Select(c => (c.TxHash, c.LogIndex, c.Block)).ToHashSet();
        Assert.All(stored, s => Assert.Contains((s.TxHash, s.LogIndex, s.BlockNumber), canonicalKeys));
        var checkpoint = await check.IndexerCheckpoints.SingleAsync(Token);
        Assert.Equal(head - 3, checkpoint.LastBlock);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DecodedTrade_CarriesTheSentValuesBlockTimeAndReceiptGas(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Token);
        await using var chain = await IndexerTestChain.StartAsync(Token);
        var tx = await chain.Exchange.TradeOptionAsync("ETH", IndexerTestChain.Expiry, 3200m, isCall: false, signedSize: -2.5m, premium: 87.123456789m,
            fee: 0.42m, indexPrice: 3150.5m);
        var perpTx = await chain.Exchange.TradePerpAsync("BTC-USD", 0.75m, 64_123.5m, 1.25m, 64_100m);
        await chain.Node.MineAsync(2);
        var source = chain.Source(confirmations: 1, blockRange: 100);

        await using (var db = database.NewContext()) await IndexerTestChain.Indexer(db, source).RunAsync(Token);

        var receipt = await chain.Node.Web3.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(tx);
        var block = await chain.Node.Web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(new HexBigInteger(receipt.BlockNumber.Value));
        await using var check = database.NewContext();
        var option = await check.Trades.SingleAsync(t => t.TxHash == tx.ToLowerInvariant(), Token);
        var instrument = await check.Instruments.SingleAsync(i => i.Id == option.InstrumentId, Token);
        Assert.Equal(("sell", 2.5m, 87.123456789m, 0.42m, 3150.5, "usd"), (option.Side, option.Size, option.Price, option.FeeUsd, option.IndexPrice!.Value, option.PremiumCurrency));
        Assert.Equal((IndexerTestChain.Chain, IndexerTestChain.SourceId, (long)receipt.BlockNumber.Value), (option.Chain, option.Venue, option.BlockNumber));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds((long)block.Timestamp.Value).UtcDateTime, option.TimestampUtc);
        Assert.Equal(("option", "ETH", IndexerTestChain.Expiry, 3200.0, "put"), (instrument.Kind, instrument.Underlying, instrument.ExpiryUtc!.Value, instrument.Strike!.Value, instrument.Right));
        var perp = await check.Trades.SingleAsync(t => t.TxHash == perpTx.ToLowerInvariant(), Token);
        Assert.Equal(("buy", 0.75m, 64_123.5m, "BTC"), (perp.Side, perp.Size, perp.Price, perp.Underlying));

        // Gas: the receipt's gas used × effective gas price, in ETH, × the ETH index price of the event (a single-fill transaction).
        var gas = await check.TradeGas.SingleAsync(g => g.TxHash == tx.ToLowerInvariant(), Token);
        var expectedEth = (double)receipt.GasUsed.Value * (double)receipt.EffectiveGasPrice.Value / 1e18;
        Assert.Equal(expectedEth, gas.GasCostNative, 1e-15);
        Assert.Equal(expectedEth * 3150.5, gas.GasCostUsd!.Value, 1e-12);
        // The BTC perp pays gas in ETH too: the latest ETH price seen before it (the option's index price).
        var perpGas = await check.TradeGas.SingleAsync(g => g.TxHash == perpTx.ToLowerInvariant(), Token);
        Assert.Equal(3150.5, perpGas.NativePriceUsd);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RunCutOffMidRange_ResumesWithNothingLostOrDoubled(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Token);
        await using var chain = await IndexerTestChain.StartAsync(Token);
        await chain.SendMixedBlocksAsync(30);
        var source = chain.Source(confirmations: 0, blockRange: 4);

        // The "kill": the run's token is cancelled while it reads its fourth range (three ranges are committed by then).
        using var cut = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var cutting = new CuttingClient(new NethereumChainClient(new Uri(source.RpcUrl)), cut, afterLogCalls: 4);
        await using (var db = database.NewContext())
        {
            try
            {
                var partial = await IndexerTestChain.Indexer(db, source, cutting).RunAsync(cut.Token);
                Assert.False(partial.CaughtUp);
            }
            catch (OperationCanceledException)
            {
                // cut off inside a range: that range's transaction was rolled back
            }
        }
        await using (var db = database.NewContext())
        {
            var stopped = await db.IndexerCheckpoints.SingleAsync(Token);
            Assert.InRange(stopped.LastBlock, chain.Exchange.DeployBlock + 1, chain.Exchange.DeployBlock + 29);
            Assert.Equal(await db.Trades.MaxAsync(t => (long?)t.BlockNumber, Token) ?? 0, stopped.LastBlock);
        }
        await using (var db = database.NewContext())
        {
            var resumed = await IndexerTestChain.Indexer(db, source).RunAsync(Token);
            Assert.True(resumed.CaughtUp);
        }

        var canonical = await chain.Exchange.CanonicalLogsAsync(chain.Exchange.DeployBlock, await chain.Node.HeadAsync());
        await using var check = database.NewContext();
        Assert.Equal(540, await check.Trades.CountAsync(Token));
        Assert.Equal(60, await check.FundingObservations.CountAsync(Token));
        Assert.Equal(600, canonical.Count);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task NodeFailingHalfItsCalls_StillConverges(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Token);
        await using var chain = await IndexerTestChain.StartAsync(Token);
        await chain.SendMixedBlocksAsync(20);
        await using var proxy = FlakyRpcProxy.Start(chain.Node.Url);
        var source = chain.Source(confirmations: 0, blockRange: 8, rpcUrl: proxy.Url);

        IndexerRunResult result;
        var runs = 0;
        do
        {
            await using var db = database.NewContext();
            result = await IndexerTestChain.Indexer(db, source).RunAsync(Token);
        } while (!result.CaughtUp && ++runs < 30);

        Assert.True(result.CaughtUp, $"not caught up after {runs} runs: {result.Error}");
        Assert.True(proxy.Failed >= proxy.Forwarded / 2, $"the proxy failed {proxy.Failed} of {proxy.Forwarded + proxy.Failed} calls");
        await using var check = database.NewContext();
        Assert.Equal(360, await check.Trades.CountAsync(Token));
        Assert.Equal(40, await check.FundingObservations.CountAsync(Token));
        Assert.Equal(360, await check.Trades.Select(t => new { t.TxHash, t.LogIndex }).Distinct().CountAsync(Token));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MalformedLogs_AreRecordedWithTheirTxHash_AndTheRestIsIndexed(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Token);
        await using var chain = await IndexerTestChain.StartAsync(Token);
        // topic 0 of OptionTraded from the Solidity signature (keccak-256), independent of the decoder's attributes.
        var optionTopic = "0x" + Nethereum.Util.Sha3Keccack.Current.CalculateHash(
            "OptionTraded(address,bytes32,uint64,uint256,bool,int256,uint256,uint256,uint256)");
        var wrongTopics = await chain.Exchange.EmitRawAsync(optionTopic, 1, new byte[7 * 32]);
        var shortData = await chain.Exchange.EmitRawAsync(optionTopic, 3, new byte[5]);
        var unknown = await chain.Exchange.EmitRawAsync("0x" + new string('a', 64), 1, []);
        var good = await chain.Exchange.TradePerpAsync("ETH-USD", 1m, 3000m, 0.1m, 3000m);
        await chain.Node.MineAsync();
        var source = chain.Source(confirmations: 0, blockRange: 100);

        IndexerRunResult result;
        await using (var db = database.NewContext()) result = await IndexerTestChain.Indexer(db, source).RunAsync(Token);

        Assert.Null(result.Error);
        Assert.Equal((1L, 3), (result.TradesStored, result.LogErrors));
        await using var check = database.NewContext();
        var errors = await check.IndexerErrors.OrderBy(e => e.LogIndex).ToListAsync(Token);
        Assert.Equal([wrongTopics, shortData, unknown], errors.Select(e => e.TxHash).ToArray(), StringComparer.OrdinalIgnoreCase);
        Assert.Contains("topics", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("decode", errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("unknown event", errors[2].Message, StringComparison.Ordinal);
        Assert.Equal(good.ToLowerInvariant(), (await check.Trades.SingleAsync(Token)).TxHash);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OpStackL1DataFee_IsAddedToTheTradesGasCost_AndSharedByItsFills(StorageProvider provider)
    {
        // anvil's receipts have no l1Fee: the client adds the one an OP-stack node would report (0.0001 ETH per transaction).
        const double l1FeeWei = 1e14;
        await using var database = await TestDatabase.CreateAsync(provider, Token);
        await using var chain = await IndexerTestChain.StartAsync(Token);
        var tx = await chain.Exchange.TradeOptionsAsync("ETH", IndexerTestChain.Expiry, 3000m, true, 1.5m, 120.25m, 0.3m, 3100m, 4);
        await chain.Node.MineAsync(2);
        var source = chain.Source(confirmations: 1, blockRange: 100);
        var client = new L1FeeClient(new NethereumChainClient(new Uri(source.RpcUrl)), l1FeeWei);
        await using (var db = database.NewContext()) Assert.Null((await IndexerTestChain.Indexer(db, source, client).RunAsync(Token)).Error);

        var receipt = await chain.Node.Web3.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(tx);
        await using var check = database.NewContext();
        var rows = await check.TradeGas.Where(g => g.TxHash == tx.ToLowerInvariant()).ToListAsync(Token);
        Assert.Equal(4, rows.Count); // four fills of one transaction share its fee equally
        double l2Wei = (double)receipt.GasUsed.Value * (double)receipt.EffectiveGasPrice.Value;
        Assert.All(rows, r => Assert.Equal(l1FeeWei / 1e18 / 4, r.L1FeeNative, 1e-18));
        Assert.All(rows, r => Assert.Equal((l2Wei + l1FeeWei) / 1e18 / 4, r.GasCostNative, 1e-15));
        Assert.All(rows, r => Assert.Equal(r.GasCostNative * 3100, r.GasCostUsd!.Value, 1e-9));
    }

    /// <summary>Receipts as an OP-stack node reports them: the inner node's gas plus an L1 data fee per transaction.</summary>
    private sealed class L1FeeClient(IChainClient inner, double l1FeeWei) : IChainClient
    {
        public Task<long> HeadAsync(CancellationToken cancellationToken) => inner.HeadAsync(cancellationToken);

        public Task<Nethereum.RPC.Eth.DTOs.FilterLog[]> LogsAsync(string contract, long fromBlock, long toBlock, CancellationToken cancellationToken) =>
            inner.LogsAsync(contract, fromBlock, toBlock, cancellationToken);

        public Task<IReadOnlyDictionary<long, BlockHeader>> BlocksAsync(IReadOnlyCollection<long> numbers, CancellationToken cancellationToken) =>
            inner.BlocksAsync(numbers, cancellationToken);

        public async Task<IReadOnlyDictionary<string, TransactionGas>> ReceiptsAsync(IReadOnlyCollection<string> transactions, CancellationToken cancellationToken) =>
            (await inner.ReceiptsAsync(transactions, cancellationToken)).ToDictionary(g => g.Key, g => g.Value with { L1FeeWei = l1FeeWei });
    }

    [Fact]
    public async Task OnSqlite_ASlowNodesReceipts_DoNotHoldTheWriteLock()
    {
        // SQLite has one writer. While the node has not answered the receipts, another writer (an ingest) must get through;
        // it is given 3 s before SQLite reports the database locked. Only then are the receipts released.
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite, Token);
        await using var chain = await IndexerTestChain.StartAsync(Token);
        await chain.SendMixedBlocksAsync(2);
        await chain.Node.MineAsync(2);
        var source = chain.Source(confirmations: 1, blockRange: 100);
        var gated = new GatedReceiptsClient(new NethereumChainClient(new Uri(source.RpcUrl)));

        await using var db = database.NewContext();
        var run = IndexerTestChain.Indexer(db, source, gated).RunAsync(Token);
        await gated.Requested.Task.WaitAsync(TimeSpan.FromSeconds(60), Token);
        await Task.Delay(500, Token); // the indexer goes on with headers and decoding while the receipts are outstanding

        await using (var other = new SqliteAnalyticsDbContext(new DbContextOptionsBuilder<SqliteAnalyticsDbContext>()
                         .UseSqlite(database.ConnectionString + ";Default Timeout=3").Options))
        {
            other.PriceObservations.Add(new Entities.PriceObservationEntity
            {
                Underlying = "ETH", Source = "test-writer", TimestampUtc = DateTime.UtcNow, Open = 1, High = 1, Low = 1, Close = 1,
            });
            await other.SaveChangesAsync(Token); // "database is locked" if the indexer's transaction were open
        }

        gated.Release.SetResult();
        var result = await run;
        Assert.Null(result.Error);
        Assert.Equal(36L, result.TradesStored);
        await using var check = database.NewContext();
        Assert.Equal(36, await check.TradeGas.CountAsync(Token));
        Assert.Equal(1, await check.PriceObservations.CountAsync(p => p.Source == "test-writer", Token));
    }

    /// <summary>Holds every receipts answer until <see cref="Release"/> is set (a slow node); <see cref="Requested"/> says they were asked for.</summary>
    private sealed class GatedReceiptsClient(IChainClient inner) : IChainClient
    {
        public TaskCompletionSource Requested { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<long> HeadAsync(CancellationToken cancellationToken) => inner.HeadAsync(cancellationToken);

        public Task<Nethereum.RPC.Eth.DTOs.FilterLog[]> LogsAsync(string contract, long fromBlock, long toBlock, CancellationToken cancellationToken) =>
            inner.LogsAsync(contract, fromBlock, toBlock, cancellationToken);

        public Task<IReadOnlyDictionary<long, BlockHeader>> BlocksAsync(IReadOnlyCollection<long> numbers, CancellationToken cancellationToken) =>
            inner.BlocksAsync(numbers, cancellationToken);

        public async Task<IReadOnlyDictionary<string, TransactionGas>> ReceiptsAsync(IReadOnlyCollection<string> transactions, CancellationToken cancellationToken)
        {
            Requested.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
            return await inner.ReceiptsAsync(transactions, cancellationToken);
        }
    }

    /// <summary>Cancels the run's token when the n-th eth_getLogs is made (a process killed mid-range, as seen by the database).</summary>
    private sealed class CuttingClient(IChainClient inner, CancellationTokenSource cut, int afterLogCalls) : IChainClient
    {
        private int _logCalls;

        public Task<long> HeadAsync(CancellationToken cancellationToken) => inner.HeadAsync(cancellationToken);

        public Task<Nethereum.RPC.Eth.DTOs.FilterLog[]> LogsAsync(string contract, long fromBlock, long toBlock, CancellationToken cancellationToken)
        {
            if (++_logCalls == afterLogCalls) cut.Cancel();
            return inner.LogsAsync(contract, fromBlock, toBlock, cancellationToken);
        }

        public Task<IReadOnlyDictionary<long, BlockHeader>> BlocksAsync(IReadOnlyCollection<long> numbers, CancellationToken cancellationToken) =>
            inner.BlocksAsync(numbers, cancellationToken);

        public Task<IReadOnlyDictionary<string, TransactionGas>> ReceiptsAsync(IReadOnlyCollection<string> transactions, CancellationToken cancellationToken) =>
            inner.ReceiptsAsync(transactions, cancellationToken);
    }
}
