namespace Analytics.Jobs;

/// <summary>
/// The Hangfire background job this code runs in, if any: set by <see cref="JobRunFilter"/> before the job's method runs
/// (an async-local value, so it flows into the job's awaits) and cleared after; null when a job's method is called directly.
/// </summary>
public static class CurrentJob
{
    private static readonly AsyncLocal<string?> Id = new();

    /// <summary>The background job id, or null outside a job run by Hangfire.</summary>
    public static string? BackgroundJobId
    {
        get => Id.Value;
        internal set => Id.Value = value;
    }
}
