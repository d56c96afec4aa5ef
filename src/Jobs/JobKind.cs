using Hangfire;

namespace Analytics.Jobs;

/// <summary>Adds or updates one recurring job under <paramref name="recurringJobId"/> (arguments already read and checked).</summary>
public delegate void ScheduleRecurringJob(IRecurringJobManager manager, string recurringJobId, string cron, RecurringJobOptions options);

/// <summary>
/// One job name <c>Jobs:Recurring</c> may use (API.md): the job class, and how an entry's <c>arguments</c> become a
/// schedule. <see cref="Prepare"/> reads the arguments through <see cref="JobArguments"/> (which records every problem,
/// naming the argument) and returns what schedules the job; the registrar calls it only when no entry has a problem.
/// Adding a kind is one line in <see cref="JobKinds.All"/> and a scoped registration of its class.
/// </summary>
/// <param name="Name">The name in <c>Jobs:Recurring</c>, e.g. <c>margin-monitor</c>.</param>
/// <param name="JobType">The job class Hangfire activates (from DI).</param>
/// <param name="Prepare">Reads the arguments; returns the scheduling action.</param>
public sealed record JobKind(string Name, Type JobType, Func<JobArguments, ScheduleRecurringJob> Prepare);
