using Hangfire;
using Hangfire.Storage;

namespace Analytics.Jobs;

/// <summary>
/// Registers the recurring jobs of <c>Jobs:Recurring</c> with Hangfire under their stable ids and time zones,
/// and removes recurring jobs that storage still holds but configuration no longer names.
/// </summary>
public static class RecurringJobRegistrar
{
    /// <summary>The job names <c>Jobs:Recurring</c> may use.</summary>
    public static IReadOnlyList<string> KnownJobs { get; } = [HeartbeatJob.Name];

    /// <summary>Every problem with the definitions, as (path, message) pairs; empty when they are valid.</summary>
    public static IReadOnlyList<(string Path, string Message)> Validate(IReadOnlyList<RecurringJobDefinition> definitions)
    {
        var problems = new List<(string, string)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < definitions.Count; i++)
        {
            var d = definitions[i];
            var path = $"Jobs:Recurring:{i}";
            if (string.IsNullOrWhiteSpace(d.Id)) problems.Add(($"{path}:Id", "is required"));
            else if (!seen.Add(d.Id)) problems.Add(($"{path}:Id", $"'{d.Id}' is used twice"));
            if (!KnownJobs.Contains(d.Job)) problems.Add(($"{path}:Job", $"'{d.Job}' is not a job; known jobs: {string.Join(", ", KnownJobs)}"));
            if (!IsValidCron(d.Cron)) problems.Add(($"{path}:Cron", $"'{d.Cron}' is not a valid cron expression"));
            if (!TryFindTimeZone(d.TimeZone, out _)) problems.Add(($"{path}:TimeZone", $"'{d.TimeZone}' is not a known time zone id"));
        }
        return problems;
    }

    /// <summary>Adds or updates every definition and removes the recurring jobs configuration no longer names.</summary>
    public static void Register(IRecurringJobManager manager, JobStorage storage, IReadOnlyList<RecurringJobDefinition> definitions)
    {
        var problems = Validate(definitions);
        if (problems.Count > 0)
            throw new InvalidOperationException("Invalid Jobs:Recurring: " + string.Join("; ", problems.Select(p => $"{p.Path} {p.Message}")));

        foreach (var d in definitions)
        {
            TryFindTimeZone(d.TimeZone, out var timeZone);
            var options = new RecurringJobOptions { TimeZone = timeZone };
            switch (d.Job)
            {
                case HeartbeatJob.Name:
                    var id = d.Id;
                    manager.AddOrUpdate<HeartbeatJob>(d.Id, job => job.RunAsync(id, CancellationToken.None), d.Cron, options);
                    break;
            }
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
