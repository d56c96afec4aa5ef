using System.Data.Common;
using System.Reflection;
using Analytics.Data;
using Analytics.Data.Entities;
using Hangfire.Common;
using Hangfire.Server;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Analytics.Jobs;

/// <summary>
/// Writes one <c>job_runs</c> row per attempt of every job this server performs: <c>processing</c> with its start
/// before the job runs, then its end, <c>succeeded</c> or <c>failed</c> with the error, and the job's return value as
/// its summary. The job kind comes from <see cref="JobKinds"/>, the recurring job id from Hangfire's job parameter, and
/// the portfolio from an argument named <c>portfolioId</c> when the method has one. A process killed mid-job leaves its
/// row <c>processing</c> without an end; the retry is another row of the same background job id. Old rows are pruned by
/// <see cref="JobRunRetention"/> after a run ends.
/// </summary>
internal sealed class JobRunFilter(IServiceScopeFactory scopes, TimeProvider time, JobRunRetention retention) : IServerFilter, IJobFilterProvider
{
    private const string RowKey = "Analytics.JobRunId";
    private const int MaxErrorLength = 4000, MaxSummaryLength = 16000;

    public IEnumerable<JobFilter> GetFilters(Job job) => [new JobFilter(this, JobFilterScope.Global, null)];

    public void OnPerforming(PerformingContext context)
    {
        var job = context.BackgroundJob.Job;
        var row = new JobRunEntity
        {
            BackgroundJobId = context.BackgroundJob.Id,
            RecurringJobId = context.GetJobParameter<string>("RecurringJobId"),
            Job = JobKinds.Of(job?.Type)?.Name ?? job?.Type.Name ?? "unknown",
            PortfolioId = PortfolioOf(job),
            Attempt = context.GetJobParameter<int>("RetryCount"),
            Node = JobNode.Name,
            StartedAtUtc = time.GetUtcNow().UtcDateTime,
            State = "processing",
        };
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
        db.JobRuns.Add(row);
        db.SaveChanges();
        context.Items[RowKey] = row.Id;
        CurrentJob.BackgroundJobId = context.BackgroundJob.Id;
    }

    public void OnPerformed(PerformedContext context)
    {
        CurrentJob.BackgroundJobId = null;
        if (!context.Items.TryGetValue(RowKey, out var id) || id is not long rowId) return;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
        var row = db.JobRuns.Find(rowId);
        if (row is null) return;
        row.FinishedAtUtc = time.GetUtcNow().UtcDateTime;
        var failed = context.Exception is not null && !context.ExceptionHandled;
        row.State = failed ? "failed" : "succeeded";
        if (failed) row.Error = Clip($"{Cause(context.Exception!).GetType().Name}: {Cause(context.Exception!).Message}", MaxErrorLength);
        else if (context.Result is { } result) row.Summary = Clip(result.ToString() ?? "", MaxSummaryLength);
        db.SaveChanges();
        try
        {
            retention.PruneIfDue(db, row.RecurringJobId, time.GetUtcNow());
        }
        catch (Exception e) when (e is DbException or DbUpdateException or InvalidOperationException or TimeoutException)
        {
            // Housekeeping must not fail the job it follows (Hangfire would mark it failed and run it again): the next pass retries.
            scope.ServiceProvider.GetService<ILogger<JobRunFilter>>()?.LogWarning(e, "Pruning job_runs after job {Job} failed; the next pass retries", row.Job);
        }
    }

    /// <summary>The value of the job method's <c>portfolioId</c> argument, when it has one and it is set.</summary>
    internal static long? PortfolioOf(Job? job)
    {
        if (job is null) return null;
        var parameters = job.Method.GetParameters();
        for (var i = 0; i < parameters.Length && i < job.Args.Count; i++)
            if (parameters[i].Name == "portfolioId" && job.Args[i] is { } value)
                return Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
        return null;
    }

    private static Exception Cause(Exception e) => e is JobPerformanceException or TargetInvocationException && e.InnerException is { } inner ? inner : e;

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];
}
