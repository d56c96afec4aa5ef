namespace Analytics.Jobs;

/// <summary>One entry of <c>Jobs:Recurring</c>: <c>{ "id", "cron", "timeZone", "job", "arguments" }</c>.</summary>
public sealed class RecurringJobDefinition
{
    /// <summary>Stable id: Hangfire updates the job with this id instead of adding another.</summary>
    public string Id { get; set; } = "";

    /// <summary>Cron expression (five fields, or six with seconds).</summary>
    public string Cron { get; set; } = "";

    /// <summary>IANA time zone the cron expression is read in, e.g. <c>Etc/UTC</c> or <c>Europe/Zurich</c>.</summary>
    public string TimeZone { get; set; } = "Etc/UTC";

    /// <summary>Which job class runs: one of <see cref="RecurringJobRegistrar.KnownJobs"/>.</summary>
    public string Job { get; set; } = "";

    /// <summary>Job-specific arguments (a portfolio id, an underlying, ...).</summary>
    public Dictionary<string, string> Arguments { get; set; } = [];
}
