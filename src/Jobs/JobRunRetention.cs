using System.Collections.Concurrent;
using Analytics.Data;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Jobs;

/// <summary>
/// Keeps <c>job_runs</c> bounded (<c>Jobs:RunHistoryDays</c>, <c>Jobs:RunHistoryMaxPerJob</c>): after a run ends, at most
/// once per <see cref="Interval"/> per process, deletes finished runs older than the retention, and per recurring job at
/// most once per interval the finished runs beyond its newest <see cref="MaxPerJob"/>. Both are single set-based deletes
/// (<c>ExecuteDelete</c>); several workers pruning at once delete the same rows, which is harmless.
/// </summary>
public sealed class JobRunRetention(int days, int maxPerJob)
{
    /// <summary>Least time between two pruning passes of one process (per recurring job for the count cap).</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    private const string AgeKey = "";
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastPass = new(StringComparer.Ordinal);

    public int Days { get; } = days;

    public int MaxPerJob { get; } = maxPerJob;

    /// <summary>Prunes when due; returns the number of rows deleted.</summary>
    public int PruneIfDue(AnalyticsDbContext db, string? recurringJobId, DateTimeOffset nowUtc)
    {
        ArgumentNullException.ThrowIfNull(db);
        int deleted = 0;
        if (Due(AgeKey, nowUtc))
        {
            var cutoff = nowUtc.UtcDateTime.AddDays(-Days);
            deleted += db.JobRuns.Where(r => r.FinishedAtUtc != null && r.FinishedAtUtc < cutoff).ExecuteDelete();
        }

        if (recurringJobId is not null && Due(recurringJobId, nowUtc))
        {
            // The id of the MaxPerJob-th newest finished run of this job: every finished run of it below that id goes.
            var oldestKept = db.JobRuns.Where(r => r.RecurringJobId == recurringJobId && r.FinishedAtUtc != null)
                .OrderByDescending(r => r.Id).Skip(MaxPerJob - 1).Select(r => (long?)r.Id).FirstOrDefault();
            if (oldestKept is { } keep)
                deleted += db.JobRuns.Where(r => r.RecurringJobId == recurringJobId && r.FinishedAtUtc != null && r.Id < keep).ExecuteDelete();
        }

        return deleted;
    }

    private bool Due(string key, DateTimeOffset nowUtc)
    {
        var last = _lastPass.GetOrAdd(key, DateTimeOffset.MinValue);
        return nowUtc - last >= Interval && _lastPass.TryUpdate(key, nowUtc, last);
    }
}
