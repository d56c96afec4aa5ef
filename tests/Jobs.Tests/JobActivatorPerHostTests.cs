using Analytics.Data.Storage;
using Analytics.TestSupport;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Jobs.Tests;

/// <summary>
/// Each host's job server activates jobs from its own container. Hangfire's default is the process-wide
/// <c>JobActivator.Current</c> as it is when first read, which the host configured last owns: with two hosts starting at
/// once, one could run its jobs in the other's container and, once that host was disposed, fail every job with
/// ObjectDisposedException (seen in the fresh-clone runs: the split Monte Carlo test's blocks, while another test class's host
/// was disposed).
/// </summary>
public sealed class JobActivatorPerHostTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HostConfiguredFirst_KeepsActivatingFromItsOwnContainer_AfterALaterHostIsDisposed()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite, Token);
        await using var first = JobServices.Build(database, new FakeTimeProvider());
        var second = JobServices.Build(database, new FakeTimeProvider());
        _ = first.GetRequiredService<IGlobalConfiguration>();
        _ = second.GetRequiredService<IGlobalConfiguration>(); // JobActivator.Current is now the second host's

        var activator = first.GetRequiredService<JobActivator>(); // what the first host's job server is given
        await second.DisposeAsync();

#pragma warning disable CS0618 // the context-free scope is enough to resolve a job type
        using var scope = activator.BeginScope();
#pragma warning restore CS0618
        Assert.IsType<HeartbeatJob>(scope.Resolve(typeof(HeartbeatJob)));
    }
}
