using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Analytics.EndToEnd.Tests;

/// <summary>
/// Issue 17: a setting the service refuses ends the process with one line naming it and exit status 78 (EX_CONFIG), before
/// the database is touched; any other failure to start ends with status 1 and the messages. Before, both ended in an
/// unhandled exception: SIGABRT (status 134) and a stack trace, after the demo data had been seeded with the bad settings.
/// </summary>
public sealed class StartupSettingsTests
{
    [Fact]
    public async Task BadSetting_ExitsWith78_NamingTheSetting_WithoutStackTraceOrDatabase()
    {
        var sqliteFile = Path.Combine(Path.GetTempPath(), $"analytics-bad-settings-{Guid.NewGuid():N}.db");

        var (exitCode, output) = await RunServiceAsync(new Dictionary<string, string>
        {
            ["Storage__SqlitePath"] = sqliteFile,
            ["Storage__SeedDemoData"] = "true",
            ["Telemetry__ScrapeKeySha256"] = "not-a-sha256",
        }, "http://127.0.0.1:0");

        Assert.Equal(78, exitCode);
        Assert.Contains("Configuration error:", output, StringComparison.Ordinal);
        Assert.Contains("Telemetry:ScrapeKeySha256", output, StringComparison.Ordinal);
        Assert.DoesNotContain(output.Split('\n'), line => line.StartsWith("   at ", StringComparison.Ordinal)); // no plain-text stack trace (a JSON log line may carry one, escaped)
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.False(File.Exists(sqliteFile), "the database was created although the settings were refused");
    }

    [Fact]
    public async Task PortInUse_ExitsWith1_SayingWhy_WithoutStackTrace()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;
        var sqliteFile = Path.Combine(Path.GetTempPath(), $"analytics-port-in-use-{Guid.NewGuid():N}.db");
        try
        {
            var (exitCode, output) = await RunServiceAsync(new Dictionary<string, string>
            {
                ["Storage__SqlitePath"] = sqliteFile,
                ["Storage__SeedDemoData"] = "false",
            }, $"http://127.0.0.1:{port}");

            Assert.Equal(1, exitCode);
            Assert.Contains("Startup failed:", output, StringComparison.Ordinal);
            Assert.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture), output, StringComparison.Ordinal);
            Assert.DoesNotContain(output.Split('\n'), line => line.StartsWith("   at ", StringComparison.Ordinal)); // no plain-text stack trace (a JSON log line may carry one, escaped)
        }
        finally
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(sqliteFile + suffix);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunServiceAsync(IReadOnlyDictionary<string, string> environment, string urls)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Analytics.Api.dll"), "--urls", urls])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The service did not stop within 90 s although it cannot start");
        }
        return (process.ExitCode, await stdout + await stderr);
    }
}
