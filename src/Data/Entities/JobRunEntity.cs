namespace Analytics.Data.Entities;

/// <summary>
/// One attempt of one Hangfire job, written by the job server as it starts and again as it ends (<c>job_runs</c>): the
/// durable history behind <c>GET /api/v1/jobs/{jobId}/runs</c>, in every storage. A run whose process died mid-job
/// keeps <see cref="State"/> <c>processing</c> and no end; the retry that completes it is a new row of the same
/// <see cref="BackgroundJobId"/>.
/// </summary>
public sealed class JobRunEntity
{
    public long Id { get; set; }

    /// <summary>Hangfire's id of the background job (one per enqueue; retries keep it).</summary>
    public required string BackgroundJobId { get; set; }

    /// <summary>The recurring job id from <c>Jobs:Recurring</c> that created the job, or null for a job enqueued directly.</summary>
    public string? RecurringJobId { get; set; }

    /// <summary>The job kind, e.g. <c>margin-monitor</c> (the job class name when it is not a registered kind).</summary>
    public required string Job { get; set; }

    /// <summary>The portfolio the run worked on, when the job takes one (<c>portfolioId</c> argument).</summary>
    public long? PortfolioId { get; set; }

    /// <summary>0 for the first attempt, then Hangfire's retry count.</summary>
    public int Attempt { get; set; }

    /// <summary>The process that ran it: machine name and process id.</summary>
    public required string Node { get; set; }

    /// <summary>When the attempt started, UTC.</summary>
    public DateTime StartedAtUtc { get; set; }

    /// <summary>When it ended, UTC; null while running (or when its process died).</summary>
    public DateTime? FinishedAtUtc { get; set; }

    /// <summary><c>processing</c>, <c>succeeded</c> or <c>failed</c>.</summary>
    public required string State { get; set; }

    /// <summary>The exception's type and message of a failed attempt.</summary>
    public string? Error { get; set; }

    /// <summary>What the job reported (its return value): counts, skips, figures; JSON text for the jobs here.</summary>
    public string? Summary { get; set; }
}
