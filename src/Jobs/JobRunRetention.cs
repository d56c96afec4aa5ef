using System.Collections.Concurrent;
using Analytics.Data;
using Analytics.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Jobs;

/// <summary>
/// Keeps <c>job_runs</c> bounded (<c>Jobs:RunHistoryDays</c>, <c>Jobs:RunHistoryMaxPerJob</c>): after a run ends, at most
/// once per <see cref="Interval"/> per process and recurring job (one-off jobs count as one), deletes that job's runs
/// started before the retention (finished or not: a run killed with its process never finishes) and its finished runs
/// beyond the newest <see cref="MaxPerJob"/>. Both read through the (recurring job, start, id) index, and delete in chunks
/// of <see cref="ChunkRows"/> rows (one short statement each, so SQLite's single write lock is never held long), at most
/// <see cref="MaxRowsPerPass"/> rows a pass: a table that grew for months before this existed shrinks over a few passes.
/// Several workers pruning at once delete the same rows, which is harmless.
/// </summary>
public sealed class JobRunRetention
{
    /// <summary>Least time between two passes for one recurring job in one process.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    /// <summary>Rows deleted by one statement.</summary>
    public const int ChunkRows = 5_000;

    /// <summary>Rows deleted by one pass at most.</summary>
    public const int MaxRowsPerPass = 50_000;

    private const string OneOffKey = "\0one-off jobs";
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastPass = new(StringComparer.Ordinal);

    public JobRunRetention(int days, int maxPerJob)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPerJob, 1);
        Days = days;
        MaxPerJob = maxPerJob;
    }

    public int Days { get; }

    public int MaxPerJob { get; }

    /// <summary>Prunes <paramref name="recurringJobId"/>'s history (null: one-off jobs') when due; returns the rows deleted.</summary>
    public int PruneIfDue(AnalyticsDbContext db, string? recurringJobId, DateTimeOffset nowUtc)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!Due(recurringJobId ?? OneOffKey, nowUtc)) return 0;
        var cutoff = nowUtc.UtcDateTime.AddDays(-Days);
        var runs = db.JobRuns.Where(r => r.RecurringJobId == recurringJobId);
        int deleted = DeleteInChunks(runs.Where(r => r.StartedAtUtc < cutoff), MaxRowsPerPass);

        // The id of the MaxPerJob-th newest finished run: every finished run of this job below that id goes.
        var oldestKept = runs.Where(r => r.FinishedAtUtc != null).OrderByDescending(r => r.Id).Skip(MaxPerJob - 1).Select(r => (long?)r.Id).FirstOrDefault();
        if (oldestKept is { } keep)
            deleted += DeleteInChunks(runs.Where(r => r.FinishedAtUtc != null && r.Id < keep), MaxRowsPerPass - deleted);
        return deleted;
    }

    private static int DeleteInChunks(IQueryable<JobRunEntity> rows, int budget)
    {
        int deleted = 0;
        while (deleted < budget)
        {
            var ids = rows.OrderBy(r => r.Id).Take(Math.Min(ChunkRows, budget - deleted)).Select(r => r.Id).ToList();
            if (ids.Count == 0) break;
            deleted += rows.Where(r => ids.Contains(r.Id)).ExecuteDelete();
        }

        return deleted;
    }

    private bool Due(string key, DateTimeOffset nowUtc)
    {
        var last = _lastPass.GetOrAdd(key, DateTimeOffset.MinValue);
        return nowUtc - last >= Interval && _lastPass.TryUpdate(key, nowUtc, last);
    }
}
