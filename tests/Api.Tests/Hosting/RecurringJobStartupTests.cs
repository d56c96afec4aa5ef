using Analytics.Api.Tests.Infrastructure;
using Analytics.Data.Storage;
using Analytics.TestSupport;

namespace Analytics.Api.Tests.Hosting;

/// <summary>The service refuses to start with an invalid <c>Jobs:Recurring</c> entry or run-history retention.</summary>
public sealed class RecurringJobStartupTests
{
    [Fact]
    public async Task Start_InvalidRecurringCron_FailsNamingTheEntry()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(StorageProvider.Sqlite, TestContext.Current.CancellationToken);
        await using var factory = new ApiFactory(database, new Dictionary<string, string?> { ["Jobs:Recurring:0:Cron"] = "61 * * * *" });

        var error = Assert.Throws<InvalidOperationException>(() => factory.Server);

        Assert.StartsWith("Invalid Jobs:Recurring: Jobs:Recurring:0:Cron '61 * * * *'", error.Message);
    }

    [Theory]
    [InlineData("Jobs:RunHistoryDays", "0")]
    [InlineData("Jobs:RunHistoryMaxPerJob", "-1")]
    public async Task Start_NonsenseRunHistoryRetention_FailsNamingTheKeys(string key, string value)
    {
        await using var database = await TestDatabase.CreateEmptyAsync(StorageProvider.Sqlite, TestContext.Current.CancellationToken);
        await using var factory = new ApiFactory(database, new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<InvalidOperationException>(() => factory.Server);

        Assert.Contains($"{key} ({value})", error.Message);
    }
}
