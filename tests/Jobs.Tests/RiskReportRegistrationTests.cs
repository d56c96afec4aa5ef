using Analytics.Data.Reports;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.Storage;

namespace Analytics.Jobs.Tests;

/// <summary>The <c>risk-report</c> entries of <c>Jobs:Recurring</c>: bad arguments are named at start; good ones register the job with its parameters as values.</summary>
public sealed class RiskReportRegistrationTests
{
    private static RecurringJobDefinition Report(Dictionary<string, string> arguments) =>
        new() { Id = "report-1", Cron = "0 7 * * *", TimeZone = "Europe/Zurich", Job = RiskReportJob.Name, Arguments = arguments };

    [Fact]
    public void Validate_BadArguments_NamesEachArgument()
    {
        var problems = RecurringJobRegistrar.Validate([Report(new()
        {
            ["methods"] = "historical,guesswork", ["confidence"] = "1.5", ["paths"] = "1001", ["splitMonteCarlo"] = "maybe",
            ["stressScenarios"] = "moon-landing", ["colour"] = "blue",
        })]);

        foreach (var argument in new[] { "portfolioId", "methods", "confidence", "paths", "splitMonteCarlo", "stressScenarios", "colour" })
            Assert.Contains(problems, p => p.Path == $"Jobs:Recurring:0:Arguments:{argument}");
    }

    [Fact]
    public void Register_GoodEntry_SchedulesTheJobWithItsPortfolioAndParameters()
    {
        using var storage = new InMemoryStorage();
        RecurringJobRegistrar.Register(new RecurringJobManager(storage), storage, [Report(new()
        {
            ["portfolioId"] = "42", ["methods"] = "historical,monte-carlo", ["paths"] = "20000", ["seed"] = "9", ["monteCarloBlocks"] = "8", ["splitMonteCarlo"] = "true",
        })]);

        using var connection = storage.GetConnection();
        var job = Assert.Single(connection.GetRecurringJobs());
        Assert.Equal(nameof(RiskReportJob), job.Job.Type.Name);
        Assert.Equal(42L, job.Job.Args[0]);
        var parameters = ReportArguments.FromJson((string)job.Job.Args[1]);
        Assert.Equal(["historical", "monte-carlo"], parameters.Methods);
        Assert.Equal((20_000, 9, 8, true), (parameters.Paths, parameters.Seed, parameters.MonteCarloBlocks, parameters.SplitMonteCarlo));
        Assert.Equal(0.99, parameters.Confidence);
    }
}
