namespace Analytics.TestSupport;

/// <summary>
/// Stops and deletes throwaway servers left behind by test processes that were killed before their
/// <see cref="AppDomain.ProcessExit"/> handler ran (SIGKILL, a CI timeout). A folder is swept only when its
/// <c>owner.pid</c> names a process that no longer exists. Runs at most once per process; thread-safe.
/// </summary>
internal static class StaleServerSweeper
{
    public const string FolderPrefix = "analytics-pg-";
    private const string OwnerFileName = "owner.pid";
    private static int _swept;

    /// <summary>Records the current process as the owner of a server folder.</summary>
    public static void WriteOwner(string root) =>
        File.WriteAllText(Path.Combine(root, OwnerFileName), Environment.ProcessId.ToString());

    /// <summary>On the first call only: stops (via <paramref name="stopServer"/>) and deletes orphaned folders.</summary>
    public static void SweepOnce(Action<string> stopServer)
    {
        if (!OperatingSystem.IsLinux() || Interlocked.Exchange(ref _swept, 1) != 0)
        {
            return;
        }

        foreach (var root in Directory.EnumerateDirectories(Path.GetTempPath(), FolderPrefix + "*").Where(IsOrphan))
        {
            stopServer(root);
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another user's folder, or already gone: leave it.
            }
        }
    }

    private static bool IsOrphan(string root)
    {
        try
        {
            var owner = File.ReadAllText(Path.Combine(root, OwnerFileName)).Trim();
            return int.TryParse(owner, out var pid) && !Directory.Exists($"/proc/{pid}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
