using Analytics.Data;
using Analytics.Data.Indexing;
using Hangfire;
using Microsoft.Extensions.Options;

namespace Analytics.Jobs;

/// <summary>
/// Runs the on-chain indexer (<see cref="OnChainIndexer"/>) for the sources of <c>Indexer:Sources</c>: one source when
/// the recurring job's <c>arguments</c> name it (<c>{ "source": "id" }</c>), every source otherwise. Each run resumes
/// from the source's checkpoint, so a failed or cancelled run is not retried: the next scheduled one continues.
/// </summary>
public sealed class IndexerJob(AnalyticsDbContext db, IOptions<IndexerOptions> options, TimeProvider timeProvider)
{
    /// <summary>The name used for this job in <c>Jobs:Recurring</c>.</summary>
    public const string Name = "indexer";

    /// <summary>The <c>indexer</c> kind: an optional <c>source</c>, one of <c>Indexer:Sources</c> when the context knows them.</summary>
    public static JobKind Kind { get; } = new(Name, typeof(IndexerJob), args =>
    {
        var source = args.Text("source");
        if (source is not null && args.Context.IndexerSourceIds is { } known && !known.Contains(source, StringComparer.Ordinal))
            args.Problem("source", $"'{source}' is not one of Indexer:Sources ({(known.Count == 0 ? "none configured" : string.Join(", ", known))})");
        return (manager, id, cron, options) => manager.AddOrUpdate<IndexerJob>(id, job => job.RunAsync(source, CancellationToken.None), cron, options);
    });

    /// <summary>Indexes <paramref name="sourceId"/> (or every source when null) up to its final head.</summary>
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution("indexer:{0}", 600)]
    public async Task<IReadOnlyList<IndexerRunResult>> RunAsync(string? sourceId, CancellationToken cancellationToken)
    {
        var sources = options.Value.Sources.Where(s => sourceId is null || s.Id == sourceId).ToList();
        if (sourceId is not null && sources.Count == 0)
            throw new InvalidOperationException($"Indexer:Sources has no source '{sourceId}'.");
        var results = new List<IndexerRunResult>(sources.Count);
        foreach (var source in sources)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var client = new NethereumChainClient(new Uri(source.RpcUrl));
            results.Add(await new OnChainIndexer(db, client, source, options.Value, timeProvider).RunAsync(cancellationToken));
            db.ChangeTracker.Clear();
        }
        return results;
    }
}
