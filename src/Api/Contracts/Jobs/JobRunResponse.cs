using System.ComponentModel;
using System.Text.Json;

namespace Analytics.Api.Contracts.Jobs;

/// <summary>One attempt of one job, as the job server recorded it.</summary>
public sealed record JobRunResponse(
    [property: Description("Id of this run record.")] long Id,
    [property: Description("Hangfire's id of the background job; a retry keeps it and adds a run.")] string BackgroundJobId,
    [property: Description("The recurring job that created it.")] string? RecurringJobId,
    [property: Description("The job kind, e.g. `margin-monitor`.")] string Job,
    [property: Description("The portfolio the run worked on, when the job takes one.")] long? PortfolioId,
    [property: Description("0 for the first attempt, then the retry number.")] int Attempt,
    [property: Description("The process that ran it (machine:process id).")] string Node,
    [property: Description("When the attempt started, UTC.")] DateTimeOffset StartedAt,
    [property: Description("When it ended, UTC; null while running, or when its process died (the retry is another run).")] DateTimeOffset? FinishedAt,
    [property: Description("Seconds from start to end; null without an end.")] double? DurationSeconds,
    [property: Description("`processing`, `succeeded` or `failed`.")] string State,
    [property: Description("The error of a failed attempt.")] string? Error,
    [property: Description("What the job reported (JSON; the shape depends on the job: margin-monitor per portfolio the rows and alerts raised, surface-refit fitted or skipped, funding-aggregate the aggregates).")] JsonElement? Summary);

/// <summary>One page of job runs.</summary>
public sealed record JobRunPageResponse(
    [property: Description("Runs in start order (oldest first).")] IReadOnlyList<JobRunResponse> Items,
    [property: Description("Pass as `cursor` to get the next page; null on the last page.")] string? NextCursor);
