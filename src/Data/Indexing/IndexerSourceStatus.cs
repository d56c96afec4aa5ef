using Analytics.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Data.Indexing;

/// <summary>
/// Where one configured source stands (API.md: head, last indexed block, lag, reorgs, last error). <c>LagBlocks</c> is
/// head − last indexed block (it includes the confirmations the indexer waits for) and <c>LagSeconds</c> head block
/// time − last indexed block time, both null before the first run; <c>Lagging</c> says whether the lag beyond
/// confirmations exceeds <c>Indexer:MaxLagBlocks</c> or the time lag <c>Indexer:MaxLagSeconds</c> (readiness then
/// reports Degraded).
/// </summary>
public sealed record IndexerSourceStatus(
    string Id, string Chain, string Contract, long FirstBlock, int Confirmations, long? HeadBlock, DateTime? HeadTimestampUtc,
    long? LastIndexedBlock, DateTime? LastIndexedTimestampUtc, long? LagBlocks, double? LagSeconds, bool Lagging, int ReorgsSeen,
    int DeepReorgsSeen, int? LastReorgDepth, DateTime? LastReorgUtc, long LogErrors, string? LastError, DateTime? LastErrorUtc, DateTime? LastRunUtc);

/// <summary>Reads <see cref="IndexerSourceStatus"/> for every configured source.</summary>
public static class IndexerStatusQuery
{
    public static async Task<IReadOnlyList<IndexerSourceStatus>> ReadAsync(AnalyticsDbContext db, IndexerOptions options, CancellationToken cancellationToken)
    {
        var ids = options.Sources.Select(s => s.Id).ToList();
        var checkpoints = await db.IndexerCheckpoints.AsNoTracking().Where(c => ids.Contains(c.SourceId)).ToDictionaryAsync(c => c.SourceId, cancellationToken);
        var errors = await db.IndexerErrors.AsNoTracking().Where(e => ids.Contains(e.SourceId)).GroupBy(e => e.SourceId)
            .Select(g => new { g.Key, Count = g.LongCount() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return options.Sources.Select(s => Status(s, checkpoints.GetValueOrDefault(s.Id), errors.GetValueOrDefault(s.Id), options)).ToList();
    }

    private static IndexerSourceStatus Status(IndexerSourceOptions s, IndexerCheckpointEntity? c, long logErrors, IndexerOptions options)
    {
        // A checkpoint for another contract is not this source's progress.
        if (c is not null && c.Contract != s.Contract.ToLowerInvariant()) c = null;
        var ran = c?.HeadBlock is not null;
        long? lagBlocks = ran ? Math.Max(0, c!.HeadBlock!.Value - c.LastBlock) : null;
        double? lagSeconds = ran && c!.HeadTimestampUtc is { } head && c.LastBlockTimestampUtc is { } last ? Math.Max(0, (head - last).TotalSeconds) : null;
        var lagging = ran && (lagBlocks!.Value - s.Confirmations > options.MaxLagBlocks || lagSeconds > options.MaxLagSeconds);
        return new IndexerSourceStatus(s.Id, Market.Identifiers.Chain(s.Chain), s.Contract.ToLowerInvariant(), s.FirstBlock, s.Confirmations,
            c?.HeadBlock, c?.HeadTimestampUtc, c is null || c.LastBlock < s.FirstBlock ? null : c.LastBlock, c?.LastBlockTimestampUtc, lagBlocks,
            lagSeconds, lagging, c?.ReorgsSeen ?? 0, c?.DeepReorgsSeen ?? 0, c?.LastReorgDepth, c?.LastReorgUtc, logErrors, c?.LastError,
            c?.LastErrorUtc, c?.LastRunUtc);
    }
}
