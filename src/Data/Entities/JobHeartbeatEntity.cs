namespace Analytics.Data.Entities;

/// <summary>One run of the heartbeat job: proof that the scheduler, a worker and the database work together.</summary>
public sealed class JobHeartbeatEntity
{
    public long Id { get; set; }

    /// <summary>The recurring job id from <c>Jobs:Recurring</c> that produced this row.</summary>
    public required string RecurringJobId { get; set; }

    /// <summary>When the job ran, UTC.</summary>
    public DateTime RecordedAtUtc { get; set; }

    /// <summary>The machine that ran the job (several worker nodes share one PostgreSQL database).</summary>
    public required string Node { get; set; }
}
