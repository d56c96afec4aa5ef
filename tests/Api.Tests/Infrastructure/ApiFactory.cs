using Analytics.Data;
using Analytics.Data.Storage;
using Analytics.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Api.Tests.Infrastructure;

/// <summary>
/// The real service on a test server, on its own database (SQLite file or PostgreSQL database), with three hashed
/// keys (reader, writer, admin), no bootstrap key, a <see cref="FakeTimeProvider"/> for "now", and every log line
/// at or above the configured levels kept in <see cref="Logs"/>.
/// </summary>
public sealed class ApiFactory(
    TestDatabase database, IReadOnlyDictionary<string, string?>? overrides = null, Action<IServiceCollection>? configureServices = null)
    : WebApplicationFactory<Program>
{
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public TestDatabase Database => database;

    /// <summary>The host's log lines (levels as configured: warnings and above unless a test overrides them).</summary>
    public CapturingLoggerProvider Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseContentRoot(RepositoryPaths.Root ?? throw new InvalidOperationException("Analytics.sln not found above the test binaries."));
        foreach (var (key, value) in Settings())
            builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
            services.AddSingleton<ILoggerProvider>(Logs);
            configureServices?.Invoke(services);
        });
    }

    /// <summary>A scope's database context, to arrange and inspect rows.</summary>
    public AnalyticsDbContext NewDbContext() => database.NewContext();

    private IEnumerable<KeyValuePair<string, string?>> Settings()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = database.Provider.ToString(),
            ["Storage:ApplyMigrationsAtStartup"] = "true",
            ["Storage:SeedDemoData"] = "false",
            ["Swagger:Enabled"] = "true",
            ["Auth:BootstrapAdminKey"] = "",
            ["Auth:AllowAnonymousReads"] = "true",
            ["Logging:Output"] = "console",
            ["Logging:Console:FormatterName"] = "simple",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        if (database.Provider == StorageProvider.Sqlite)
            settings["Storage:SqlitePath"] = database.SqliteFile;
        else
            settings["Storage:PostgresConnectionString"] = database.ConnectionString;
        var keys = new[] { ("reader", TestKeys.Reader), ("writer", TestKeys.Writer), ("admin", TestKeys.Admin) };
        for (var i = 0; i < keys.Length; i++)
        {
            settings[$"Auth:ApiKeys:{i}:Name"] = $"test-{keys[i].Item1}";
            settings[$"Auth:ApiKeys:{i}:Role"] = keys[i].Item1;
            settings[$"Auth:ApiKeys:{i}:Sha256"] = TestKeys.Sha256Hex(keys[i].Item2);
        }
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
            settings[key] = value;
        return settings;
    }
}
