using Analytics.Data;
using Analytics.Data.Entities;
using Hangfire;

namespace Analytics.Jobs;

/// <summary>
/// Records that the scheduler, a worker and the database work together: one row per run, written through EF Core.
/// The smallest real job; the risk, margin and refit jobs follow the same shape.
/// </summary>
public sealed class HeartbeatJob(AnalyticsDbContext db, TimeProvider timeProvider)
{
    /// <summary>The name used for this job in <c>Jobs:Recurring</c>.</summary>
    public const string Name = "heartbeat";

    /// <summary>No arguments.</summary>
    public static JobKind Kind { get; } = new(Name, typeof(HeartbeatJob), _ => (manager, id, cron, options) =>
        manager.AddOrUpdate<HeartbeatJob>(id, job => job.RunAsync(id, CancellationToken.None), cron, options));

    /// <summary>Writes one heartbeat row for <paramref name="recurringJobId"/>.</summary>
    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task RunAsync(string recurringJobId, CancellationToken cancellationToken)
    {
        db.JobHeartbeats.Add(new JobHeartbeatEntity
        {
            RecurringJobId = recurringJobId,
            RecordedAtUtc = timeProvider.GetUtcNow().UtcDateTime,
            Node = JobNode.Name,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
