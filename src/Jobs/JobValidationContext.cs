using Analytics.Data;
using Analytics.Data.Indexing;
using Analytics.Data.Margin;
using Analytics.Data.Market;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Jobs;

/// <summary>
/// What <c>Jobs:Recurring</c> arguments may refer to, read once at start: the stored (not deleted) portfolio ids, the
/// configured margin model, chain and indexer source ids. <see cref="Unchecked"/> knows none of them and checks only formats.
/// </summary>
public sealed record JobValidationContext(IReadOnlySet<long>? PortfolioIds, IReadOnlyCollection<string>? MarginModelIds, IReadOnlyCollection<string>? ChainIds)
{
    /// <summary>Checks formats only (no database or configuration to check references against).</summary>
    public static JobValidationContext Unchecked { get; } = new(null, null, null);

    /// <summary>The ids of <c>Indexer:Sources</c>; null when not known.</summary>
    public IReadOnlyCollection<string>? IndexerSourceIds { get; init; }

    /// <summary>Whether portfolio <paramref name="id"/> exists; null when this context does not know.</summary>
    public bool? PortfolioExists(long id) => PortfolioIds?.Contains(id);

    /// <summary>Reads the portfolio ids from <paramref name="db"/> and the ids of the configured models and chains.</summary>
    public static async Task<JobValidationContext> ReadAsync(AnalyticsDbContext db, MarginModels? models, ChainProfiles? chains,
        IndexerOptions? indexer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = await db.Portfolios.AsNoTracking().Where(p => p.DeletedUtc == null).Select(p => p.Id).ToListAsync(cancellationToken);
        return new JobValidationContext(ids.ToHashSet(), models?.All.Select(m => m.Id).ToList(), chains?.All.Select(c => c.Id).ToList())
        {
            IndexerSourceIds = indexer?.Sources.Select(s => s.Id).ToList(),
        };
    }
}
