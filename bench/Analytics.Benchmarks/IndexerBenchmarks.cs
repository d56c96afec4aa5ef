using Analytics.Data.Indexing;
using Analytics.Data.Storage;
using Analytics.TestSupport;
using BenchmarkDotNet.Attributes;

namespace Analytics.Benchmarks;

/// <summary>
/// Issue 19 item 8: indexing 100,000 events already on an anvil chain, end to end (eth_getLogs, headers, receipts,
/// decoding, one transaction per range into a fresh SQLite database), against anvil's own eth_getLogs rate for the
/// same logs (the ceiling). 500 transactions of 200 option fills each, one block per transaction. Run with
/// <c>--inProcess --strategy Monitoring --warmupCount 1 --iterationCount 3</c> (each iteration indexes everything once).
/// </summary>
public class IndexerBenchmarks
{
    public const int Events = 100_000;
    private const int PerTransaction = 200;

    private AnvilNode _node = null!;
    private LocalExchange _exchange = null!;
    private TestDatabase? _database;
    private long _head;

    [Params(2_000)]
    public int BlockRange { get; set; }

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _node = await AnvilNode.StartAsync(CancellationToken.None, "--gas-limit", "100000000");
        _exchange = await LocalExchange.DeployAsync(_node);
        var expiry = new DateTime(2027, 3, 26, 8, 0, 0, DateTimeKind.Utc);
        string last = "";
        for (var i = 0; i < Events / PerTransaction; i++)
            last = await _exchange.TradeOptionsAsync("ETH", expiry, 2000m, i % 2 == 0, 1.25m, 100m + i, 0.2m, 3000m + i, PerTransaction);
        while (await _node.Web3.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(last) is null) await Task.Delay(50);
        _head = await _node.HeadAsync();
        var logs = await _exchange.CanonicalLogsAsync(_exchange.DeployBlock, _head);
        if (logs.Count != Events) throw new InvalidOperationException($"{logs.Count} events on chain, expected {Events}");
    }

    [IterationSetup(Target = nameof(IndexAll))]
    public void CreateDatabase()
    {
        _database?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _database = TestDatabase.CreateAsync(StorageProvider.Sqlite, CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>The ceiling: anvil's eth_getLogs over the same blocks in the same ranges, through the same client.</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> AnvilGetLogsOnly()
    {
        var client = new NethereumChainClient(new Uri(_node.Url));
        var count = 0;
        for (var from = _exchange.DeployBlock; from <= _head; from += BlockRange)
            count += (await client.LogsAsync(_exchange.Address.ToLowerInvariant(), from, Math.Min(_head, from + BlockRange - 1), CancellationToken.None)).Length;
        return count;
    }

    /// <summary>Everything the indexer does for the 100,000 events, into a fresh SQLite database.</summary>
    [Benchmark]
    public async Task<long> IndexAll()
    {
        await using var db = _database!.NewContext();
        var source = new IndexerSourceOptions
        {
            Id = "bench", Chain = "arbitrum-one", RpcUrl = _node.Url, Contract = _exchange.Address, FirstBlock = _exchange.DeployBlock,
            Confirmations = 0, BlockRange = BlockRange,
        };
        var result = await new OnChainIndexer(db, new NethereumChainClient(new Uri(_node.Url)), source, new IndexerOptions(), TimeProvider.System)
            .RunAsync(CancellationToken.None);
        if (result.TradesStored != Events) throw new InvalidOperationException($"indexed {result.TradesStored} of {Events}: {result.Error}");
        return result.TradesStored;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _database?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _node.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
