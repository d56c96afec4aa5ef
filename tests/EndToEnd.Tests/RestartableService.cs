using Analytics.TestSupport;

namespace Analytics.EndToEnd.Tests;

/// <summary>
/// The built service as a process that a test can SIGKILL and start again on the same database (a SQLite file or a
/// PostgreSQL database on the shared test server), migrations applied at start, no demo data. For the crash tests.
/// </summary>
public sealed class RestartableService : IAsyncDisposable
{
    private readonly List<string> _earlierOutput = [];
    private readonly Dictionary<string, string> _environment;
    private readonly string? _sqliteFile;
    private NodeProcess? _node;

    private RestartableService(Dictionary<string, string> storage, string? sqliteFile)
    {
        _environment = new Dictionary<string, string>(storage)
        {
            ["Storage__ApplyMigrationsAtStartup"] = "true",
            ["Storage__SeedDemoData"] = "false",
            ["Auth__BootstrapAdminKey"] = ServiceProcess.AdminKey,
            ["Swagger__Enabled"] = "true",
        };
        _sqliteFile = sqliteFile;
    }

    public Uri BaseAddress => _node!.BaseAddress;

    /// <summary>The PostgreSQL database's connection string; null on SQLite.</summary>
    public string? PostgresConnectionString => _environment.GetValueOrDefault("Storage__PostgresConnectionString");

    /// <summary>What the current and earlier processes wrote.</summary>
    public IReadOnlyCollection<string> Output => [.. _earlierOutput, .. _node?.Lines ?? []];

    /// <summary>A fresh database of <paramref name="provider"/> (<c>Sqlite</c> or <c>Postgres</c>); PostgreSQL is required
    /// (skipped outside CI when absent).</summary>
    public static async Task<RestartableService> CreateAsync(string provider)
    {
        if (provider == "Sqlite")
        {
            var file = Path.Combine(Path.GetTempPath(), $"analytics-crash-{Guid.NewGuid():N}.db");
            return new RestartableService(new() { ["Storage__Provider"] = "Sqlite", ["Storage__SqlitePath"] = file }, file);
        }
        var server = await PostgresServer.RequireSharedAsync();
        var connection = await server.CreateDatabaseAsync("crash");
        return new RestartableService(new() { ["Storage__Provider"] = "Postgres", ["Storage__PostgresConnectionString"] = connection }, null);
    }

    public HttpClient Client(TimeSpan? timeout = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-Api-Key", ServiceProcess.AdminKey);
        return client;
    }

    /// <summary>Starts the service (on a new free port) and waits until <c>/health/ready</c> answers 200.</summary>
    public async Task StartAsync() => _node = await NodeProcess.StartAsync([], _environment, CancellationToken.None);

    /// <summary>SIGKILL (<see cref="System.Diagnostics.Process.Kill()"/> on Linux): no shutdown code runs, open transactions die with the process.</summary>
    public async Task KillAsync()
    {
        if (_node is null) return;
        await _node.DisposeAsync(); // SIGKILL, then waits for the process to be gone
        _earlierOutput.AddRange(_node.Lines);
        _node = null;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        if (_sqliteFile is null) return;
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(_sqliteFile + suffix);
    }
}
