using Analytics.Data.Indexing;
using Analytics.Data.Storage;
using Analytics.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Data.Tests.Indexing;

/// <summary>
/// Reorgs made with anvil's own <c>anvil_reorg</c> (and <c>evm_snapshot</c>/<c>evm_revert</c>): afterwards the stored
/// trades and funding are exactly the canonical chain's events up to the final head, as the node's eth_getLogs gives them.
/// </summary>
public sealed class IndexerReorgTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<StorageProvider, int, int> Cases => new()
    {
        // depth, confirmations: within confirmations nothing final changes; beyond them final rows are repaired and reported.
        { StorageProvider.Sqlite, 1, 0 }, { StorageProvider.Sqlite, 3, 0 }, { StorageProvider.Sqlite, 3, 5 }, { StorageProvider.Sqlite, 10, 5 },
        { StorageProvider.Postgres, 1, 0 }, { StorageProvider.Postgres, 3, 0 }, { StorageProvider.Postgres, 10, 5 },
    };

    [Theory, MemberData(nameof(Cases))]
    public async Task AnvilReorg_StoredEventsEqualTheCanonicalChain(StorageProvider provider, int depth, int confirmations)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Token);
        await using var chain = await IndexerTestChain.StartAsync(Token);
        await chain.SendMixedBlocksAsync(15);
        var source = chain.Source(confirmations, blockRange: 6);
        await IndexAsync(database, source);

        await chain.Node.RpcAsync<object>("anvil_reorg", depth, Array.Empty<object>());
        // New events on the new branch (the orphaned transactions may come back in later blocks too).
        await chain.SendMixedBlocksAsync(2, seed: 100);
        var result = await IndexAsync(database, source);

        var affectsFinal = depth > confirmations;
        Assert.Equal(affectsFinal ? 1 : 0, result.ReorgsRepaired);
        await AssertStoredEqualsCanonicalAsync(database, chain, confirmations);
        await using var check = database.NewContext();
        var checkpoint = await check.IndexerCheckpoints.SingleAsync(Token);
        Assert.Equal(affectsFinal ? 1 : 0, checkpoint.ReorgsSeen);
        Assert.Equal(affectsFinal ? 1 : 0, checkpoint.DeepReorgsSeen);
        if (affectsFinal)
        {
            Assert.Equal(depth, checkpoint.LastReorgDepth);
            Assert.Contains($"depth {depth}", checkpoint.LastError, StringComparison.Ordinal);
            Assert.Contains($"beyond {confirmations} confirmations: true", checkpoint.LastError, StringComparison.Ordinal);
        }
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SnapshotRevert_BelowTheCheckpoint_RemovesTheRevertedEvents(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Token);
        await using var chain = await IndexerTestChain.StartAsync(Token);
        await chain.SendMixedBlocksAsync(5);
        var snapshot = await chain.Node.RpcAsync<string>("evm_snapshot");
        await chain.SendMixedBlocksAsync(5, seed: 5);
        var source = chain.Source(confirmations: 0, blockRange: 100);
        await IndexAsync(database, source);

        Assert.True(await chain.Node.RpcAsync<bool>("evm_revert", snapshot));
        await chain.SendMixedBlocksAsync(3, seed: 50); // a shorter branch
        var result = await IndexAsync(database, source);

        Assert.Equal(1, result.ReorgsRepaired);
        await AssertStoredEqualsCanonicalAsync(database, chain, 0);
    }

    private static async Task<IndexerRunResult> IndexAsync(TestDatabase database, IndexerSourceOptions source)
    {
        await using var db = database.NewContext();
        var result = await IndexerTestChain.Indexer(db, source).RunAsync(Token);
        Assert.True(result.CaughtUp, result.Error);
        return result;
    }

    /// <summary>Trades (tx, log index, block) and funding count equal the node's logs up to head − confirmations.</summary>
    private static async Task AssertStoredEqualsCanonicalAsync(TestDatabase database, IndexerTestChain chain, int confirmations)
    {
        var head = await chain.Node.HeadAsync();
        var canonical = await chain.Exchange.CanonicalLogsAsync(chain.Exchange.DeployBlock, head - confirmations);
        await using var check = database.NewContext();
        var trades = (await check.Trades.Select(t => new { t.TxHash, t.LogIndex, t.BlockNumber }).ToListAsync(Token))
            .Select(t => (t.TxHash, t.LogIndex, t.BlockNumber)).OrderBy(t => t).ToList();
        var funding = await check.IndexedFunding.Select(f => f.BlockNumber).ToListAsync(Token);
        Assert.Equal(canonical.Count, trades.Count + funding.Count);
        var fundingPerBlock = canonical.GroupBy(c => c.Block).ToDictionary(g => g.Key, g => g.Count());
        var expectedTrades = canonical.Where(c => !IsFundingLog(c, fundingPerBlock)).ToList();
        // Each mixed block has its 2 funding logs last (log indexes 18 and 19 of 20): trades are the others.
        Assert.Equal(expectedTrades.Select(c => (c.TxHash, c.LogIndex, c.Block)).OrderBy(t => t).ToList(), trades);
        Assert.Equal(canonical.Count - expectedTrades.Count, await check.FundingObservations.CountAsync(Token));
        Assert.Equal(0, await check.IndexerErrors.CountAsync(Token));
    }

    private static bool IsFundingLog((string TxHash, int LogIndex, long Block) log, Dictionary<long, int> perBlock) =>
        perBlock[log.Block] % 20 == 0 && log.LogIndex % 20 >= 18;
}
