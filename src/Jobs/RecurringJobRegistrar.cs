using Hangfire;
using Hangfire.Storage;

namespace Analytics.Jobs;

/// <summary>
/// Registers the recurring jobs of <c>Jobs:Recurring</c> with Hangfire under their stable ids and time zones,
/// and removes recurring jobs that storage still holds but configuration no longer names.
/// </summary>
public static class RecurringJobRegistrar
{
    /// <summary>The job names <c>Jobs:Recurring</c> may use (<see cref="JobKinds.All"/>).</summary>
    public static IReadOnlyList<string> KnownJobs { get; } = [.. JobKinds.All.Select(k => k.Name)];

    /// <summary>
    /// Every problem with the definitions, as (path, message) pairs (an argument's path is
    /// <c>Jobs:Recurring:{i}:Arguments:{name}</c>); empty when they are valid. References (portfolios, models, chains) are
    /// checked against <paramref name="context"/> when given.
    /// </summary>
    public static IReadOnlyList<(string Path, string Message)> Validate(IReadOnlyList<RecurringJobDefinition> definitions, JobValidationContext? context = null) =>
        Plan(definitions, context ?? JobValidationContext.Unchecked).Problems;

    private static (List<(string Path, string Message)> Problems, List<ScheduleRecurringJob?> Schedules) Plan(
        IReadOnlyList<RecurringJobDefinition> definitions, JobValidationContext context)
    {
        var problems = new List<(string, string)>();
        var schedules = new List<ScheduleRecurringJob?>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < definitions.Count; i++)
        {
            var d = definitions[i];
            var path = $"Jobs:Recurring:{i}";
            if (string.IsNullOrWhiteSpace(d.Id)) problems.Add(($"{path}:Id", "is required"));
            else if (!seen.Add(d.Id)) problems.Add(($"{path}:Id", $"'{d.Id}' is used twice"));
            var kind = JobKinds.Find(d.Job);
            if (kind is null) problems.Add(($"{path}:Job", $"'{d.Job}' is not a job; known jobs: {string.Join(", ", KnownJobs)}"));
            if (!IsValidCron(d.Cron)) problems.Add(($"{path}:Cron", $"'{d.Cron}' is not a valid cron expression"));
            if (!TryFindTimeZone(d.TimeZone, out _)) problems.Add(($"{path}:TimeZone", $"'{d.TimeZone}' is not a known time zone id"));
            if (kind is null)
            {
                schedules.Add(null);
                continue;
            }
            var arguments = new JobArguments(d.Arguments, context);
            schedules.Add(kind.Prepare(arguments));
            problems.AddRange(arguments.Problems(kind.Name).Select(p => ($"{path}:Arguments:{p.Argument}", p.Message)));
        }
        return (problems, schedules);
    }

    /// <summary>
    /// Adds or updates every definition (the same id keeps its history; a changed cron, time zone or argument replaces
    /// the schedule) and removes the recurring jobs configuration no longer names. Throws, registering nothing, when any
    /// entry has a problem (<see cref="Validate"/>).
    /// </summary>
    public static void Register(IRecurringJobManager manager, JobStorage storage, IReadOnlyList<RecurringJobDefinition> definitions,
        JobValidationContext? context = null)
    {
        var (problems, schedules) = Plan(definitions, context ?? JobValidationContext.Unchecked);
        if (problems.Count > 0)
            throw new InvalidOperationException("Invalid Jobs:Recurring: " + string.Join("; ", problems.Select(p => $"{p.Path} {p.Message}")));

        for (var i = 0; i < definitions.Count; i++)
        {
            var d = definitions[i];
            TryFindTimeZone(d.TimeZone, out var timeZone);
            schedules[i]!(manager, d.Id, d.Cron, new RecurringJobOptions { TimeZone = timeZone });
        }

        using var connection = storage.GetConnection();
        var configured = definitions.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in connection.GetRecurringJobs().Where(j => !configured.Contains(j.Id)))
            manager.RemoveIfExists(stale.Id);
    }

    private static bool IsValidCron(string cron)
    {
        if (string.IsNullOrWhiteSpace(cron)) return false;
        try
        {
            _ = Cronos.CronExpression.Parse(cron, cron.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6
                ? Cronos.CronFormat.IncludeSeconds
                : Cronos.CronFormat.Standard);
            return true;
        }
        catch (Cronos.CronFormatException)
        {
            return false;
        }
    }

    private static bool TryFindTimeZone(string id, out TimeZoneInfo timeZone)
    {
        try
        {
            timeZone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            timeZone = TimeZoneInfo.Utc;
            return false;
        }
    }
}
