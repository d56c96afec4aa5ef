using Analytics.Data.Indexing;
using Analytics.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Data.Tests.Indexing;

/// <summary>An anvil node with the exchange deployed, blocks mined on demand one second apart, and an indexer factory.</summary>
internal sealed class IndexerTestChain : IAsyncDisposable
{
    public const string SourceId = "test-exchange", Chain = "arbitrum-one";
    public static readonly DateTime Expiry = new(2027, 3, 26, 8, 0, 0, DateTimeKind.Utc);

    private IndexerTestChain(AnvilNode node, LocalExchange exchange)
    {
        Node = node;
        Exchange = exchange;
    }

    public AnvilNode Node { get; }
    public LocalExchange Exchange { get; }

    public static async Task<IndexerTestChain> StartAsync(CancellationToken cancellationToken)
    {
        var node = await AnvilNode.StartAsync(cancellationToken);
        var exchange = await LocalExchange.DeployAsync(node);
        await node.RpcAsync<object>("evm_setAutomine", false);
        await node.RpcAsync<object>("anvil_setBlockTimestampInterval", 1);
        return new IndexerTestChain(node, exchange);
    }

    public IndexerSourceOptions Source(int confirmations, int blockRange, string? rpcUrl = null) => new()
    {
        Id = SourceId, Chain = Chain, RpcUrl = rpcUrl ?? Node.Url, Contract = Exchange.Address, FirstBlock = Exchange.DeployBlock,
        Confirmations = confirmations, BlockRange = blockRange,
    };

    public static OnChainIndexer Indexer(AnalyticsDbContext db, IndexerSourceOptions source, IChainClient? client = null, IndexerOptions? options = null) =>
        new(db, client ?? new NethereumChainClient(new Uri(source.RpcUrl)), source, options ?? new IndexerOptions(), new FakeTimeProvider(DateTimeOffset.UtcNow));

    /// <summary>
    /// <paramref name="blocks"/> blocks of 20 events each: one transaction with 10 option fills, 8 perp fills, and funding
    /// for ETH-USD and BTC-USD; each block mined after its transactions. Returns the events sent.
    /// </summary>
    public async Task<int> SendMixedBlocksAsync(int blocks, int seed = 0)
    {
        for (var b = 0; b < blocks; b++)
        {
            var k = seed + b;
            await Exchange.TradeOptionsAsync("ETH", Expiry, 3000m + k, (k & 1) == 0, 1.5m, 120.25m + k, 0.3m, 3100m + k, 10);
            for (var p = 0; p < 8; p++)
                await Exchange.TradePerpAsync("ETH-USD", p % 2 == 0 ? 2m : -0.5m, 3101m + p, 0.1m, 3100m + k);
            await Exchange.UpdateFundingAsync("ETH-USD", 0.0001m, 28_800, 3101m, 3100m + k);
            await Exchange.UpdateFundingAsync("BTC-USD", -0.00005m, 28_800, 64_000m, 63_990m);
            await Node.MineAsync();
        }
        return blocks * 20;
    }

    public ValueTask DisposeAsync() => Node.DisposeAsync();
}
