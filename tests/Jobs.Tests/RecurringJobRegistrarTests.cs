using Hangfire;
using Hangfire.InMemory;
using Hangfire.Storage;

namespace Analytics.Jobs.Tests;

public sealed class RecurringJobRegistrarTests
{
    private static RecurringJobDefinition Heartbeat(string id = "heartbeat", string cron = "* * * * *", string timeZone = "Etc/UTC", string job = "heartbeat") =>
        new() { Id = id, Cron = cron, TimeZone = timeZone, Job = job };

    [Fact]
    public void Validate_GoodDefinitions_ReportsNothing()
    {
        Assert.Empty(RecurringJobRegistrar.Validate([Heartbeat(), Heartbeat("hb-zurich", "0 6 * * 1-5", "Europe/Zurich"), Heartbeat("hb-secs", "*/15 * * * * *")]));
    }

    [Fact]
    public void Validate_BadDefinitions_NamesEachFieldAndReason()
    {
        var problems = RecurringJobRegistrar.Validate([
            Heartbeat(cron: "every minute"),
            Heartbeat(id: "x", timeZone: "Mars/Olympus"),
            Heartbeat(id: "y", job: "risk-of-rain"),
            Heartbeat(id: "x"),
            Heartbeat(id: ""),
        ]);

        Assert.Contains(problems, p => p.Path == "Jobs:Recurring:0:Cron" && p.Message.Contains("every minute"));
        Assert.Contains(problems, p => p.Path == "Jobs:Recurring:1:TimeZone" && p.Message.Contains("Mars/Olympus"));
        Assert.Contains(problems, p => p.Path == "Jobs:Recurring:2:Job" && p.Message.Contains("heartbeat"));
        Assert.Contains(problems, p => p.Path == "Jobs:Recurring:3:Id" && p.Message.Contains("twice"));
        Assert.Contains(problems, p => p.Path == "Jobs:Recurring:4:Id");
    }

    [Fact]
    public void Register_DefinitionsThenFewer_AddsWithTimeZoneAndRemovesStaleJobs()
    {
        using var storage = new InMemoryStorage();
        var manager = new RecurringJobManager(storage);

        RecurringJobRegistrar.Register(manager, storage, [Heartbeat("a", timeZone: "Europe/Zurich"), Heartbeat("b")]);
        RecurringJobRegistrar.Register(manager, storage, [Heartbeat("a", timeZone: "Europe/Zurich")]);

        using var connection = storage.GetConnection();
        var job = Assert.Single(connection.GetRecurringJobs());
        Assert.Equal("a", job.Id);
        Assert.Equal("Europe/Zurich", job.TimeZoneId);
        Assert.Equal(nameof(HeartbeatJob), job.Job.Type.Name);
    }

    [Fact]
    public void Register_IndexerWithASourceArgument_RunsTheIndexerJobForThatSource()
    {
        using var storage = new InMemoryStorage();
        var manager = new RecurringJobManager(storage);
        var indexer = new RecurringJobDefinition
        {
            Id = "indexer-devnet", Cron = "*/5 * * * * *", TimeZone = "Etc/UTC", Job = IndexerJob.Name, Arguments = new() { ["source"] = "devnet" },
        };

        RecurringJobRegistrar.Register(manager, storage, [indexer]);

        using var connection = storage.GetConnection();
        var job = Assert.Single(connection.GetRecurringJobs());
        Assert.Equal(nameof(IndexerJob), job.Job.Type.Name);
        Assert.Equal("devnet", job.Job.Args[0]);
    }

    [Fact]
    public void Register_InvalidDefinition_ThrowsBeforeRegisteringAnything()
    {
        using var storage = new InMemoryStorage();
        var manager = new RecurringJobManager(storage);

        var error = Assert.Throws<InvalidOperationException>(() =>
            RecurringJobRegistrar.Register(manager, storage, [Heartbeat("ok"), Heartbeat("bad", cron: "61 * * * *")]));

        Assert.Contains("Jobs:Recurring:1:Cron", error.Message);
        using var connection = storage.GetConnection();
        Assert.Empty(connection.GetRecurringJobs());
    }
}
