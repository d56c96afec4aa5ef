using Hangfire;
using Hangfire.InMemory;
using Hangfire.Storage;

namespace Analytics.Jobs.Tests;

/// <summary>Each job kind's arguments are checked at start, and a bad one names its entry and argument.</summary>
public sealed class JobArgumentValidationTests
{
    private static readonly JobValidationContext Context = new(new HashSet<long> { 1, 2 }, ["deribit-standard", "dydx-v4"], ["ethereum", "arbitrum-one"]);

    private static RecurringJobDefinition Entry(string job, Dictionary<string, string> arguments, string id = "x") =>
        new() { Id = id, Cron = "* * * * *", Job = job, Arguments = arguments };

    [Fact]
    public void Validate_GoodArguments_ReportsNothing()
    {
        Assert.Empty(RecurringJobRegistrar.Validate([
            Entry("margin-monitor", new() { ["portfolioId"] = "2", ["models"] = "DYDX-v4", ["chains"] = "arbitrum-one,ethereum", ["warningUtilisation"] = "0.7" }, "a"),
            Entry("margin-monitor", [], "b"),
            Entry("surface-refit", new() { ["underlying"] = "eth", ["model"] = "ssvi" }, "c"),
            Entry("funding-aggregate", new() { ["days"] = "30", ["venue"] = "binance" }, "d"),
            Entry("heartbeat", [], "e"),
        ], Context));
    }

    [Fact]
    public void Validate_BadArguments_NamesEntryAndArgument()
    {
        var problems = RecurringJobRegistrar.Validate([
            Entry("heartbeat", [], "ok"),
            Entry("margin-monitor", new() { ["portfolioId"] = "3", ["models"] = "cme", ["warningUtilisation"] = "lots" }, "m1"),
            Entry("margin-monitor", new() { ["portfolioId"] = "-1", ["warningUtilisation"] = "1.5", ["liquidationUtilisation"] = "1.2", ["chains"] = "mars" }, "m2"),
            Entry("surface-refit", new() { ["underlying"] = "ETH USD", ["colour"] = "blue" }, "s"),
            Entry("surface-refit", [], "s2"),
            Entry("funding-aggregate", new() { ["days"] = "2.5" }, "f"),
        ], Context);

        Assert.Contains(problems, p => p.Path == "Jobs:Recurring:1:Arguments:portfolioId" && p.Message == "there is no portfolio 3");
        Assert.Contains(problems, p => p.Path == "Jobs:Recurring:1:Arguments:models" && p.Message.Contains("'cme'"));
        Assert.Contains(problems, p => p.Path == "Jobs:Recurring:1:Arguments:warningUtilisation" && p.Message.Contains("'lots' is not a number"));
        Assert.Contains(problems, p => p.Path == "Jobs:Recurring:2:Arguments:portfolioId" && p.Message.Contains("positive integer"));
        Assert.Contains(problems, p => p.Path == "Jobs:Recurring:2:Arguments:warningUtilisation" && p.Message.Contains("below liquidationUtilisation"));
        Assert.Contains(problems, p => p.Path == "Jobs:Recurring:2:Arguments:chains" && p.Message.Contains("'mars'"));
        Assert.Contains(problems, p => p.Path == "Jobs:Recurring:3:Arguments:underlying" && p.Message.Contains("'ETH USD'"));
        Assert.Contains(problems, p => p.Path == "Jobs:Recurring:3:Arguments:colour" && p.Message == "is not an argument of surface-refit");
        Assert.Contains(problems, p => p.Path == "Jobs:Recurring:4:Arguments:underlying" && p.Message.Contains("required"));
        Assert.Contains(problems, p => p.Path == "Jobs:Recurring:5:Arguments:days" && p.Message.Contains("whole number"));
        Assert.DoesNotContain(problems, p => p.Path.StartsWith("Jobs:Recurring:0", StringComparison.Ordinal));
    }

    [Fact]
    public void Register_ChangedArguments_UpdatesTheJobUnderTheSameId()
    {
        using var storage = new InMemoryStorage();
        var manager = new RecurringJobManager(storage);

        RecurringJobRegistrar.Register(manager, storage, [Entry("margin-monitor", new() { ["portfolioId"] = "1" }, "watch")], Context);
        RecurringJobRegistrar.Register(manager, storage, [Entry("margin-monitor", new() { ["portfolioId"] = "2", ["warningUtilisation"] = "0.6" }, "watch")], Context);

        using var connection = storage.GetConnection();
        var job = Assert.Single(connection.GetRecurringJobs());
        Assert.Equal("watch", job.Id);
        Assert.Equal(typeof(MarginMonitorJob), job.Job.Type);
        Assert.Equal(2L, job.Job.Args[1]);
        Assert.Equal(0.6, job.Job.Args[4]);
    }
}
