namespace Analytics.EndToEnd.Tests;

/// <summary>
/// The built service (Analytics.Api.dll) started as its own process on a free loopback port, with a fresh SQLite
/// file, demo data and a bootstrap admin key: what a new user gets from `make run`, minus the port.
/// </summary>
public class ServiceProcess : IAsyncLifetime
{
    public const string AdminKey = "e2e-admin-key-0123456789";
    public const int MaxRequestBodyBytes = 64 * 1024;

    private readonly string _sqliteFile = Path.Combine(Path.GetTempPath(), $"analytics-e2e-{Guid.NewGuid():N}.db");
    private NodeProcess? _node;

    public Uri BaseAddress => _node!.BaseAddress;

    /// <summary>CPU time the service process has used so far (user + system, all threads).</summary>
    public TimeSpan CpuTime => _node!.CpuTime;

    /// <summary>Everything the process wrote to stdout and stderr so far.</summary>
    public IReadOnlyCollection<string> Output => _node!.Lines;

    public HttpClient Client() => _node!.Client();

    /// <summary>Environment variables of the process beyond the defaults above (a derived fixture's settings).</summary>
    protected virtual IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>();

    public async ValueTask InitializeAsync()
    {
        var environment = new Dictionary<string, string>
        {
            ["Storage__SqlitePath"] = _sqliteFile,
            ["Storage__SeedDemoData"] = "true",
            ["Swagger__Enabled"] = "true", // Production defaults it off; the contract tests read the document
            ["Auth__BootstrapAdminKey"] = AdminKey,
            ["Limits__MaxRequestBodyBytes"] = MaxRequestBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (name, value) in Environment) environment[name] = value;
        _node = await NodeProcess.StartAsync([], environment, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (_node is not null) await _node.DisposeAsync();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(_sqliteFile + suffix);
    }
}
