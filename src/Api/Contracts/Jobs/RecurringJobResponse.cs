using System.ComponentModel;

namespace Analytics.Api.Contracts.Jobs;

/// <summary>One recurring job: its schedule and what happened last.</summary>
public sealed record RecurringJobResponse(
    [property: Description("Stable id from `Jobs:Recurring`.")] string Id,
    [property: Description("Which job class runs, e.g. `heartbeat`.")] string? Job,
    [property: Description("Cron expression.")] string Cron,
    [property: Description("Time zone the cron expression is read in.")] string TimeZone,
    [property: Description("Next scheduled run, UTC; null when none is scheduled.")] DateTimeOffset? NextExecution,
    [property: Description("Last run started, UTC; null before the first run.")] DateTimeOffset? LastExecution,
    [property: Description("Hangfire id of the last run's job.")] string? LastJobId,
    [property: Description("State of the last run: Enqueued, Processing, Succeeded, Failed, ...")] string? LastJobState,
    [property: Description("Why the job could not be scheduled, when it could not.")] string? Error);
