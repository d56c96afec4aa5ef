using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Analytics.TestSupport;

namespace Analytics.EndToEnd.Tests;

/// <summary>
/// The built service as a process that a test can SIGKILL and start again on the same database (a SQLite file or a
/// PostgreSQL database on the shared test server), migrations applied at start, no demo data. For the crash tests.
/// </summary>
public sealed class RestartableService : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _output = new();
    private readonly Dictionary<string, string> _storage;
    private readonly string? _sqliteFile;
    private Process? _process;

    private RestartableService(Dictionary<string, string> storage, string? sqliteFile)
    {
        _storage = storage;
        _sqliteFile = sqliteFile;
    }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>What the current and earlier processes wrote.</summary>
    public IReadOnlyCollection<string> Output => _output;

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
    public async Task StartAsync()
    {
        BaseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Analytics.Api.dll"), "--urls", BaseAddress.ToString().TrimEnd('/')])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Storage__ApplyMigrationsAtStartup"] = "true";
        start.Environment["Storage__SeedDemoData"] = "false";
        start.Environment["Auth__BootstrapAdminKey"] = ServiceProcess.AdminKey;
        start.Environment["Swagger__Enabled"] = "true";
        foreach (var (name, value) in _storage) start.Environment[name] = value;

        _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var client = Client(TimeSpan.FromSeconds(5));
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The service exited with {_process.ExitCode}:\n{string.Join('\n', _output)}");
            try
            {
                if ((await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"The service was not ready within 120 s:\n{string.Join('\n', _output)}");
    }

    /// <summary>SIGKILL (<see cref="Process.Kill()"/> on Linux): no shutdown code runs, open transactions die with the process.</summary>
    public async Task KillAsync()
    {
        if (_process is not { HasExited: false }) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        if (_sqliteFile is null) return;
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(_sqliteFile + suffix);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
