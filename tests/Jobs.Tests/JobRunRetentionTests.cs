using Analytics.Data.Entities;
using Analytics.Data.Storage;
using Analytics.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Jobs.Tests;

/// <summary>
/// <c>job_runs</c> stays bounded: runs older than the retention go (finished or not), each recurring job keeps its newest
/// N finished runs, a pass runs at most once per interval per process and job, and a large backlog goes in bounded passes.
/// </summary>
public sealed class JobRunRetentionTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Prune_DeletesOldAndExcessRuns_OfTheJobThatRan_KeepingItsNewest(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Token);
        await using (var db = database.NewContext())
        {
            // "indexer": 30 finished runs a second apart, then one still processing; "report": one run 100 days ago, one
            // today, one started 200 days ago that never finished (its process was killed); two one-off runs (no id).
            for (int i = 0; i < 30; i++) db.JobRuns.Add(Run("indexer", Now.AddSeconds(i - 60), finished: true));
            db.JobRuns.Add(Run("indexer", Now.AddSeconds(-20), finished: false));
            db.JobRuns.Add(Run("report", Now.AddDays(-100), finished: true));
            db.JobRuns.Add(Run("report", Now.AddHours(-1), finished: true));
            db.JobRuns.Add(Run("report", Now.AddDays(-200), finished: false));
            db.JobRuns.Add(Run(null, Now.AddDays(-95), finished: true));
            db.JobRuns.Add(Run(null, Now.AddDays(-1), finished: true));
            await db.SaveChangesAsync(Token);
        }

        var retention = new JobRunRetention(days: 90, maxPerJob: 10);
        await using (var db = database.NewContext())
        {
            Assert.Equal(20, retention.PruneIfDue(db, "indexer", Now)); // beyond its newest 10 finished; the unfinished one stays
            Assert.Equal(2, retention.PruneIfDue(db, "report", Now));   // older than 90 days, finished or not
            Assert.Equal(1, retention.PruneIfDue(db, null, Now));       // one-off jobs' history, by age
            // Within the interval nothing runs again for the same job, even with rows to delete.
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
        var report = await read.JobRuns.Where(r => r.RecurringJobId == "report").Select(r => r.StartedAtUtc).ToListAsync(Token);
        Assert.Equal([Now.AddHours(-1).UtcDateTime], report);
        Assert.Equal(1, await read.JobRuns.CountAsync(r => r.RecurringJobId == null, Token));
    }

    [Fact]
    public async Task LargeBacklog_IsDeletedInChunks_AtMostAPassfulAtATime()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite, Token);
        int backlog = JobRunRetention.MaxRowsPerPass + 7_000;
        await using (var db = database.NewContext())
        {
            db.JobRuns.AddRange(Enumerable.Range(0, backlog).Select(i => Run("indexer", Now.AddDays(-200).AddSeconds(i), finished: true)));
            db.JobRuns.Add(Run("indexer", Now, finished: true));
            await db.SaveChangesAsync(Token);
        }

        var retention = new JobRunRetention(days: 90, maxPerJob: 100_000);
        await using var prune = database.NewContext();
        Assert.Equal(JobRunRetention.MaxRowsPerPass, retention.PruneIfDue(prune, "indexer", Now));
        Assert.Equal(7_000, retention.PruneIfDue(prune, "indexer", Now + JobRunRetention.Interval));
        Assert.Equal(1, await prune.JobRuns.CountAsync(Token));
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(90, 0)]
    public void NonsenseSettings_AreRefused(int days, int maxPerJob) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new JobRunRetention(days, maxPerJob));

    private static JobRunEntity Run(string? recurringJobId, DateTimeOffset started, bool finished) => new()
    {
        BackgroundJobId = Guid.NewGuid().ToString("N"),
        RecurringJobId = recurringJobId,
        Job = recurringJobId ?? "one-off",
        Node = "test:1",
        StartedAtUtc = started.UtcDateTime,
        FinishedAtUtc = finished ? started.UtcDateTime.AddMilliseconds(200) : null,
        State = finished ? "succeeded" : "processing",
    };
}
