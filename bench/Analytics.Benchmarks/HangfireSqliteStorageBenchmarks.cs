using BenchmarkDotNet.Attributes;
using Hangfire;
using Hangfire.Storage.SQLite;

namespace Analytics.Benchmarks;

/// <summary>
/// The embedded setup's durable Hangfire storage (Hangfire.Storage.SQLite 0.4.3, issue 18 item 3): enqueueing 200
/// no-op jobs into a fresh file, and enqueueing then processing them with one job server (the service's 1 s queue poll).
/// Per operation = 200 jobs.
/// </summary>
[MemoryDiagnoser]
public class HangfireSqliteStorageBenchmarks
{
    private const int Jobs = 200;
    private string _file = "";
    private SQLiteStorage _storage = null!;

    [IterationSetup]
    public void Setup()
    {
        _file = Path.Combine(Path.GetTempPath(), $"hangfire-bench-{Guid.NewGuid():N}.db");
        _storage = new SQLiteStorage(_file, new SQLiteStorageOptions { QueuePollInterval = TimeSpan.FromSeconds(1) });
    }

    [IterationCleanup]
    public void Cleanup()
    {
        _storage.Dispose();
        File.Delete(_file);
    }

    [Benchmark(OperationsPerInvoke = Jobs)]
    public void Enqueue()
    {
        var client = new BackgroundJobClient(_storage);
        for (var i = 0; i < Jobs; i++) client.Enqueue(() => NoopJob.Run(i));
    }

    [Benchmark(OperationsPerInvoke = Jobs)]
    public void EnqueueAndProcess()
    {
        var client = new BackgroundJobClient(_storage);
        for (var i = 0; i < Jobs; i++) client.Enqueue(() => NoopJob.Run(i));
        using var server = new BackgroundJobServer(new BackgroundJobServerOptions { WorkerCount = 10, SchedulePollingInterval = TimeSpan.FromSeconds(1) }, _storage);
        var monitoring = _storage.GetMonitoringApi();
        while (monitoring.SucceededListCount() < Jobs) Thread.Sleep(10);
    }
}

/// <summary>A job that does nothing.</summary>
public static class NoopJob
{
    public static void Run(int i) => _ = i;
}
