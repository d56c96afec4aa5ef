using System.ComponentModel.DataAnnotations;

namespace Analytics.Jobs;

/// <summary>The <c>Jobs</c> configuration section beside <c>Jobs:Recurring</c> (PRODUCT.md §4).</summary>
public sealed class JobsOptions
{
    public const string SectionName = "Jobs";

    /// <summary>Run a Hangfire server (worker) in this process. API-only nodes set false; the <c>worker</c> verb forces true.</summary>
    public bool RunServer { get; set; } = true;

    /// <summary>Worker threads of this process's job server; null: Hangfire's default (5 per core, at most 20).</summary>
    [Range(1, 100)]
    public int? WorkerCount { get; set; }

    /// <summary>
    /// How long a fetched job stays invisible to other workers before it is handed out again when its worker stops
    /// answering (a killed process). PostgreSQL slides it while the job runs, so a short value only shortens recovery.
    /// The embedded SQLite storage does not slide it: a job running longer than this may start a second time there.
    /// </summary>
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Attempts after the first failure of a job (Hangfire's automatic retry); 0 disables retries.</summary>
    [Range(0, 100)]
    public int RetryAttempts { get; set; } = 5;

    /// <summary>Delay before each retry, seconds (backoff); the last one repeats when there are more attempts.</summary>
    public int[] RetryDelaysSeconds { get; set; } = [15, 60, 300, 1800, 7200];

    /// <summary>Days of <c>job_runs</c> history kept: runs started earlier are deleted (a pass at most every few minutes per process and job).</summary>
    [Range(1, 36_500)]
    public int RunHistoryDays { get; set; } = 90;

    /// <summary>
    /// Finished runs kept per recurring job, newest first: a job scheduled every second (the indexer) would otherwise
    /// write 86,400 rows a day. Unfinished rows (a killed process's) are not counted; they go with age.
    /// </summary>
    [Range(10, 10_000_000)]
    public int RunHistoryMaxPerJob { get; set; } = 10_000;

    /// <summary>
    /// The embedded setup's Hangfire file; a relative path is resolved against the folder of <c>Storage:SqlitePath</c>.
    /// Default: the database file's name with <c>.hangfire</c> before its extension (<c>data/analytics.hangfire.db</c>).
    /// </summary>
    public string? SqlitePath { get; set; }
}
