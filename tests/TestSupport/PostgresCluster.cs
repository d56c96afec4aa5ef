using System.Net;
using System.Net.Sockets;

namespace Analytics.TestSupport;

/// <summary>
/// The on-disk side of <see cref="PostgresServer"/>: initdb, pg_ctl start and stop, all run through
/// <see cref="ProcessRunner"/> (as the <c>postgres</c> user when running as root). Immutable; its methods are
/// safe to call from several threads, though each cluster is started and stopped once.
/// </summary>
internal sealed record PostgresCluster(string BinDirectory, string RootDirectory, int Port)
{
    public const string PostgresRoot = "/usr/lib/postgresql";
    private const int StartAttempts = 3;
    private const int LogTailChars = 8000;
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(120);

    public string DataDirectory => Path.Combine(RootDirectory, "data");

    /// <summary>Creates and starts a cluster in a new temporary folder, or returns null and the reason.</summary>
    public static PostgresCluster? TryStart(out string? failure)
    {
        var binDirectory = FindBinDirectory();
        if (binDirectory is null)
        {
            failure = $"no {PostgresRoot}/<version>/bin folder with initdb and pg_ctl was found.";
            return null;
        }

        StaleServerSweeper.SweepOnce(stale => new PostgresCluster(binDirectory, stale, 0).PgCtl("stop", "-m", "immediate", "-w"));
        var root = Directory.CreateTempSubdirectory(StaleServerSweeper.FolderPrefix).FullName;
        StaleServerSweeper.WriteOwner(root);
        failure = Initialise(binDirectory, root);
        for (var attempt = 1; failure is null && attempt <= StartAttempts; attempt++)
        {
            var cluster = new PostgresCluster(binDirectory, root, FreeLoopbackPort());
            var started = cluster.PgCtl("start", "-w", "-t", "60", "-l", Path.Combine(root, "server.log"), "-o",
                $"-p {cluster.Port} -k {root} -c listen_addresses=127.0.0.1 -c max_connections=200 " +
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off");
            if (started.Succeeded)
            {
                return cluster;
            }

            var log = ReadLog(root);
            failure = $"{started.Output}{Environment.NewLine}server.log:{Environment.NewLine}{log}";
            cluster.PgCtl("stop", "-m", "immediate", "-w");
            // Another process may have taken the port between probing and binding: try a new one.
            if (log.Contains("could not bind", StringComparison.Ordinal) && attempt < StartAttempts)
            {
                failure = null;
            }
        }

        TryDeleteDirectory(root);
        return null;
    }

    /// <summary><c>pg_ctl stop -m immediate</c>, then deletes the folder. Never throws.</summary>
    public void StopAndDelete()
    {
        PgCtl("stop", "-m", "immediate", "-w");
        TryDeleteDirectory(RootDirectory);
    }

    private ProcessRunner.Result PgCtl(params string[] arguments) =>
        ProcessRunner.RunAsPostgresUser(Path.Combine(BinDirectory, "pg_ctl"), ["-D", DataDirectory, .. arguments], CommandTimeout);

    private static string? Initialise(string binDirectory, string root)
    {
        if (ProcessRunner.IsRoot)
        {
            var chown = ProcessRunner.Run("chown", ["postgres:postgres", root], CommandTimeout);
            if (!chown.Succeeded)
            {
                return $"running as root, so the data folder must belong to the postgres user: {chown.Output}";
            }
        }

        var initdb = ProcessRunner.RunAsPostgresUser(Path.Combine(binDirectory, "initdb"),
            ["-D", Path.Combine(root, "data"), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C",
             "--no-sync", "--no-instructions"], CommandTimeout);
        return initdb.Succeeded ? null : initdb.Output;
    }

    private static string? FindBinDirectory()
    {
        if (!Directory.Exists(PostgresRoot))
        {
            return null;
        }

        return Directory.EnumerateDirectories(PostgresRoot)
            .Select(dir => (Bin: Path.Combine(dir, "bin"), Version: int.TryParse(Path.GetFileName(dir), out var v) ? v : -1))
            .Where(x => x.Version >= 0 && File.Exists(Path.Combine(x.Bin, "initdb")) && File.Exists(Path.Combine(x.Bin, "pg_ctl")))
            .OrderByDescending(x => x.Version)
            .Select(x => x.Bin)
            .FirstOrDefault();
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string ReadLog(string root)
    {
        var path = Path.Combine(root, "server.log");
        try
        {
            var text = File.Exists(path) ? File.ReadAllText(path) : "(no log file)";
            return text.Length <= LogTailChars ? text : "…" + text[^LogTailChars..];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"(could not read {path}: {e.Message})";
        }
    }

    private static void TryDeleteDirectory(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover folder under the temp directory is harmless; never hide the test's own outcome.
        }
    }
}
