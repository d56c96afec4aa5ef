using System.ComponentModel;

namespace Analytics.Api.Contracts.Jobs;

/// <summary>One recurring job: its schedule and what happened last.</summary>
public sealed record RecurringJobResponse(
    [property: Description("Stable id from `Jobs:Recurring`.")] string Id,
    [property: Description("The job name from `Jobs:Recurring`, e.g. `margin-monitor`.")] string? Job,
    [property: Description("Cron expression.")] string Cron,
    [property: Description("Time zone the cron expression is read in.")] string TimeZone,
    [property: Description("Next scheduled run, UTC; null when none is scheduled.")] DateTimeOffset? NextExecution,
    [property: Description("Last run started, UTC; null before the first run.")] DateTimeOffset? LastExecution,
    [property: Description("Hangfire id of the last run's job.")] string? LastJobId,
    [property: Description("State of the last run: Enqueued, Processing, Succeeded, Failed, ...")] string? LastJobState,
    [property: Description("Why the job could not be scheduled, when it could not.")] string? Error,
    [property: Description("State of the last recorded run attempt (`processing`, `succeeded`, `failed`); null before the first.")] string? LastRunState,
    [property: Description("Seconds the last finished run attempt took; null before the first.")] double? LastDurationSeconds,
    [property: Description("Error of the last failed run attempt, when the last finished attempt failed.")] string? LastError);
