using Hangfire;
using Hangfire.Common;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Analytics.Jobs.Tests;

/// <summary>
/// A node restarted after a SIGKILL can find Hangfire's recurring-job lock still held by the dead process (until the
/// storage's lock timeout). The start goes on (found by the crash test on PostgreSQL: the host used to stop), the stored
/// schedules stay in force, and the write is retried until it goes through; an invalid configuration still stops the start.
/// </summary>
public sealed class RecurringJobRegistrationServiceTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static IOptions<List<RecurringJobDefinition>> Definitions(string cron = "* * * * *") =>
        Options.Create(new List<RecurringJobDefinition> { new() { Id = "heartbeat", Cron = cron, TimeZone = "Etc/UTC", Job = "heartbeat" } });

    [Fact]
    public async Task HeldLock_DoesNotStopTheStart_AndTheScheduleIsWrittenOnceTheLockIsFree()
    {
        using var storage = new InMemoryStorage();
        var manager = new LockedManager(new RecurringJobManager(storage), failures: 2);
        await using var services = new ServiceCollection().BuildServiceProvider();
        var service = new RecurringJobRegistrationService(manager, storage, Definitions(), services.GetRequiredService<IServiceScopeFactory>(),
            NullLogger<RecurringJobRegistrationService>.Instance);

        await service.StartAsync(Token); // the first write meets the lock: no throw
        Assert.Equal(1, manager.Attempts);
        var deadline = DateTime.UtcNow + 6 * RecurringJobRegistrationService.RetryInterval;
        while (StoredIds(storage).Count == 0 && DateTime.UtcNow < deadline) await Task.Delay(100, Token);
        await service.StopAsync(Token);

        Assert.Equal(["heartbeat"], StoredIds(storage));
        Assert.Equal(3, manager.Attempts); // two refusals, then the write
    }

    [Fact]
    public async Task InvalidConfiguration_StillStopsTheStart()
    {
        using var storage = new InMemoryStorage();
        await using var services = new ServiceCollection().BuildServiceProvider();
        var service = new RecurringJobRegistrationService(new RecurringJobManager(storage), storage, Definitions("every minute"),
            services.GetRequiredService<IServiceScopeFactory>(), NullLogger<RecurringJobRegistrationService>.Instance);

        await Assert.ThrowsAsync<InvalidOperationException>(() => service.StartAsync(Token));
    }

    private static List<string> StoredIds(InMemoryStorage storage)
    {
        using var connection = storage.GetConnection();
        return [.. connection.GetRecurringJobs().Select(j => j.Id)];
    }

    /// <summary>Refuses the first <paramref name="failures"/> writes as Hangfire.PostgreSql does while another holds the lock.</summary>
    private sealed class LockedManager(IRecurringJobManager inner, int failures) : IRecurringJobManager
    {
        private int _attempts;

        public int Attempts => _attempts;

        public void AddOrUpdate(string recurringJobId, Job job, string cronExpression, RecurringJobOptions options)
        {
            if (Interlocked.Increment(ref _attempts) <= failures)
                throw new PostgreSqlDistributedLockException($"Timeout expired. The timeout elapsed prior to obtaining a distributed lock on the 'hangfire:lock:recurring-job:{recurringJobId}' resource.");
            inner.AddOrUpdate(recurringJobId, job, cronExpression, options);
        }

        public void Trigger(string recurringJobId) => inner.Trigger(recurringJobId);

        public void RemoveIfExists(string recurringJobId) => inner.RemoveIfExists(recurringJobId);
    }
}
