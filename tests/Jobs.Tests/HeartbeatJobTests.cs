using Analytics.Data.Storage;
using Analytics.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Jobs.Tests;

public sealed class HeartbeatJobTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RunAsync_Once_WritesOneRowAtTheTimeProvidersNow(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Token);
        var now = new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
        await using (var db = database.NewContext())
            await new HeartbeatJob(db, new FakeTimeProvider(now)).RunAsync("heartbeat", Token);

        await using var read = database.NewContext();
        var row = await read.JobHeartbeats.SingleAsync(Token);

        Assert.Equal("heartbeat", row.RecurringJobId);
        Assert.Equal(now.UtcDateTime, row.RecordedAtUtc);
        Assert.Equal($"{Environment.MachineName}:{Environment.ProcessId}", row.Node); // machine and process: several workers on one machine differ
    }
}
