namespace Analytics.Jobs;

/// <summary>
/// The node name jobs write (<c>job_runs</c>, Monte Carlo blocks, heartbeats): machine and process id, so several worker
/// processes on one machine are told apart.
/// </summary>
public static class JobNode
{
    public static string Name { get; } = $"{Environment.MachineName}:{Environment.ProcessId}";
}
