using System.Diagnostics;
using Npgsql;

namespace Analytics.TestSupport;

/// <summary>
/// A throwaway PostgreSQL server for tests, run from Debian's <c>postgresql</c> package binaries
/// (<c>/usr/lib/postgresql/&lt;highest version&gt;/bin</c>) on a free loopback port, in a fresh temporary data
/// directory with trust authentication and durability switched off. As root it runs as the <c>postgres</c> OS user.
/// Every member is thread-safe. Use <see cref="Shared"/> (one server per test process) and give each fixture
/// its own database with <see cref="CreateDatabaseAsync"/>.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    /// <summary>The component name used in skip and failure messages.</summary>
    public const string ComponentName = "PostgreSQL";

    /// <summary>How to install the binaries, used in skip and failure messages.</summary>
    public const string InstallHint =
        "apt-get install -y postgresql (only the binaries are used: the tests start their own server, no service is needed)";

    private static readonly Lazy<Task<PostgresStartResult>> SharedLazy = new(() => StartAsync(isShared: true));
    private static int _databaseCounter;

    private readonly PostgresCluster _cluster;
    private readonly bool _isShared;
    private readonly NpgsqlDataSource _admin;
    private int _stopped;

    private PostgresServer(PostgresCluster cluster, bool isShared)
    {
        _cluster = cluster;
        _isShared = isShared;
        _admin = NpgsqlDataSource.Create(ConnectionStringFor("postgres"));
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    /// <summary>
    /// The server shared by the whole test process, started on first use (thread-safe; later callers get the
    /// same task). It is stopped by the assembly fixture <see cref="SharedPostgresTeardown"/> at the end of the run
    /// (the process-exit handler is only a fallback); <see cref="DisposeAsync"/> on it does nothing.
    /// A failed start is remembered, so every caller sees the same <see cref="PostgresStartResult.FailureReason"/>.
    /// </summary>
    public static Task<PostgresStartResult> Shared => SharedLazy.Value;

    /// <summary>The loopback TCP port the server listens on (on 127.0.0.1).</summary>
    public int Port => _cluster.Port;

    /// <summary>The PostgreSQL data directory (the socket and <c>server.log</c> are in its parent folder).</summary>
    public string DataDirectory => _cluster.DataDirectory;

    /// <summary>
    /// Starts a new private server, which the caller must dispose. Never throws for a missing or broken
    /// installation: the result then carries the reason (including pg_ctl's log). Thread-safe.
    /// </summary>
    public static Task<PostgresStartResult> TryStartAsync() => StartAsync(isShared: false);

    /// <summary>
    /// Returns the started <see cref="Shared"/> server, or applies <see cref="Requirement.Require"/> (fails the test
    /// in CI, skips it elsewhere) with the startup failure reason. Call it from a test method or a test class
    /// constructor, not from a class fixture (xunit reports a skip thrown by a fixture as a failure). Thread-safe.
    /// </summary>
    public static async Task<PostgresServer> RequireSharedAsync()
    {
        var result = await Shared.ConfigureAwait(false);
        return result.RequireServer();
    }

    /// <summary>
    /// An Npgsql connection string for <paramref name="database"/> on this server:
    /// <c>Host=127.0.0.1;Port=…;Username=postgres;Database=…;Include Error Detail=True</c>. Pure and thread-safe.
    /// </summary>
    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
        IncludeErrorDetail = true,
    }.ConnectionString;

    /// <summary>
    /// Creates a fresh, uniquely named empty database (<c>&lt;prefix&gt;_&lt;n&gt;_&lt;random&gt;</c>; the prefix
    /// defaults to <c>test</c>) and returns its connection string. Thread-safe: fixtures may call it concurrently.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string? namePrefix = null, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _stopped) != 0, this);
        var name = $"{Sanitize(namePrefix)}_{Interlocked.Increment(ref _databaseCounter)}_{Guid.NewGuid().ToString("N")[..12]}";
        await using var command = _admin.CreateCommand($"CREATE DATABASE \"{name}\"");
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return ConnectionStringFor(name);
    }

    /// <summary>
    /// Stops the <see cref="Shared"/> server if this process started one, inside the test run (see
    /// <see cref="SharedPostgresTeardown"/>). Idempotent and thread-safe; never throws.
    /// </summary>
    public static async Task StopSharedAsync()
    {
        if (!SharedLazy.IsValueCreated) return;
        var result = await SharedLazy.Value.ConfigureAwait(false);
        if (result.Server is { } server) await Task.Run(server.Stop).ConfigureAwait(false);
    }

    /// <summary>
    /// Stops the server (<c>pg_ctl stop -m immediate</c>) and deletes its directory. Idempotent and thread-safe.
    /// Does nothing for the <see cref="Shared"/> server, which <see cref="StopSharedAsync"/> stops.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (!_isShared)
        {
            await Task.Run(Stop).ConfigureAwait(false);
        }
    }

    private static Task<PostgresStartResult> StartAsync(bool isShared) => Task.Run(() =>
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var cluster = PostgresCluster.TryStart(out var failure);
            var server = cluster is null ? null : new PostgresServer(cluster, isShared);
            return new PostgresStartResult(server, failure, clock.Elapsed);
        }
        catch (Exception e)
        {
            return new PostgresStartResult(null, e.ToString(), clock.Elapsed);
        }
    });

    private void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        _admin.Dispose();
        _cluster.StopAndDelete();
    }

    private void OnProcessExit(object? sender, EventArgs e) => Stop();

    private static string Sanitize(string? prefix)
    {
        var chars = (prefix ?? "test").ToLowerInvariant().Where(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_');
        var clean = new string(chars.Take(20).ToArray());
        return clean.Length == 0 || char.IsDigit(clean[0]) ? "t" + clean : clean;
    }
}
