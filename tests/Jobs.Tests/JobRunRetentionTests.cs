using Analytics.Data.Entities;
using Analytics.Data.Storage;
using Analytics.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Jobs.Tests;

/// <summary>
/// <c>job_runs</c> stays bounded: finished runs older than the retention go, each recurring job keeps its newest N
/// finished runs, unfinished runs (a killed process's) stay until they age out, and a pass runs at most once per
/// interval per process; on both databases.
/// </summary>
public sealed class JobRunRetentionTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Prune_DeletesOldAndExcessFinishedRuns_KeepsTheNewestAndUnfinished(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Token);
        await using (var db = database.NewContext())
        {
            // "indexer": 30 finished runs a second apart, then one still processing; "report": one run 100 days ago, one today.
            for (int i = 0; i < 30; i++) db.JobRuns.Add(Run("indexer", Now.AddSeconds(i - 60), finished: true));
            db.JobRuns.Add(Run("indexer", Now.AddSeconds(-20), finished: false));
            db.JobRuns.Add(Run("report", Now.AddDays(-100), finished: true));
            db.JobRuns.Add(Run("report", Now.AddHours(-1), finished: true));
            db.JobRuns.Add(Run("report", Now.AddDays(-200), finished: false));
            await db.SaveChangesAsync(Token);
        }

        var retention = new JobRunRetention(days: 90, maxPerJob: 10);
        await using (var db = database.NewContext())
        {
            // 20 indexer runs beyond the newest 10 and the 100-day-old report run; the unfinished rows are left.
            Assert.Equal(21, retention.PruneIfDue(db, "indexer", Now));
            // Within the interval nothing runs again for the same key, even with rows to delete.
            db.JobRuns.Add(Run("indexer", Now, finished: true));
            await db.SaveChangesAsync(Token);
            Assert.Equal(0, retention.PruneIfDue(db, "indexer", Now.AddMinutes(1)));
            Assert.Equal(1, retention.PruneIfDue(db, "indexer", Now + JobRunRetention.Interval));
        }

        await using var read = database.NewContext();
        var indexer = await read.JobRuns.Where(r => r.RecurringJobId == "indexer").OrderBy(r => r.Id).ToListAsync(Token);
        Assert.Equal(11, indexer.Count); // the newest 10 finished, and the unfinished one
        Assert.Single(indexer, r => r.FinishedAtUtc is null);
        Assert.Equal(Now.UtcDateTime, indexer.Where(r => r.FinishedAtUtc is not null).Max(r => r.StartedAtUtc));
        var report = await read.JobRuns.Where(r => r.RecurringJobId == "report").OrderBy(r => r.StartedAtUtc).Select(r => r.StartedAtUtc).ToListAsync(Token);
        Assert.Equal([Now.AddDays(-200).UtcDateTime, Now.AddHours(-1).UtcDateTime], report);
    }

    private static JobRunEntity Run(string recurringJobId, DateTimeOffset started, bool finished) => new()
    {
        BackgroundJobId = Guid.NewGuid().ToString("N"),
        RecurringJobId = recurringJobId,
        Job = recurringJobId,
        Node = "test:1",
        StartedAtUtc = started.UtcDateTime,
        FinishedAtUtc = finished ? started.UtcDateTime.AddMilliseconds(200) : null,
        State = finished ? "succeeded" : "processing",
    };
}
