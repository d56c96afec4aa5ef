using System.ComponentModel;
using System.Text.Json;
using Analytics.Api.Auth;
using Analytics.Api.Contracts.Jobs;
using Analytics.Api.Errors;
using Analytics.Data;
using Analytics.Data.Entities;
using Analytics.Jobs;
using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Api.Endpoints;

/// <summary>Scheduled jobs: <c>/api/v1/jobs</c>.</summary>
public static class JobsEndpoints
{
    public static RouteGroupBuilder MapJobsEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/jobs").WithTags("Jobs");
        group.MapGet("/", ListJobsAsync)
            .RequireAuthorization(AuthNames.ReadPolicy)
            .WithName("ListJobs")
            .WithSummary("Recurring jobs, their schedules, last run and state")
            .WithDescription("The recurring jobs registered from `Jobs:Recurring` in appsettings.json, read from Hangfire's storage " +
                             "(shared by every node with PostgreSQL), with the state, duration and error of the last run attempt recorded " +
                             "in the job-run history. The dashboard at /hangfire shows the same for admins.");
        group.MapPost("/{jobId}/trigger", Trigger)
            .RequireAuthorization(AuthNames.AdminPolicy)
            .WithName("TriggerJob")
            .WithSummary("Run a recurring job now")
            .WithDescription("Enqueues one run of the recurring job outside its schedule. Admin only; 404 for an unknown job.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{jobId}/runs", ListRunsAsync)
            .RequireAuthorization(AuthNames.ReadPolicy)
            .WithName("ListJobRuns")
            .WithSummary("The run history of a recurring job, cursor-paginated")
            .WithDescription("One entry per attempt the job servers performed (a retry is another entry of the same `backgroundJobId`), " +
                             "with start, end, state, error and what the job reported, from the `job_runs` table (durable on SQLite and " +
                             "PostgreSQL). `from`/`to` filter on the start. " + KeysetListing.Description.Replace("(oldest first)", "(oldest start first)", StringComparison.Ordinal) +
                             " 404 for an id that is neither configured nor has runs.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Ok<RecurringJobsResponse>> ListJobsAsync(JobStorage storage, AnalyticsDbContext db, CancellationToken cancellationToken)
    {
        List<RecurringJobDto> recurring;
        using (var connection = storage.GetConnection())
            recurring = connection.GetRecurringJobs().OrderBy(j => j.Id, StringComparer.Ordinal).ToList();
        var ids = recurring.Select(j => j.Id).ToList();
        // The latest attempt of each job, one small query per job (the list is the configured jobs: a handful).
        var last = new Dictionary<string, JobRunEntity>(StringComparer.Ordinal);
        foreach (var id in ids)
            if (await db.JobRuns.AsNoTracking().Where(r => r.RecurringJobId == id).OrderByDescending(r => r.StartedAtUtc).ThenByDescending(r => r.Id)
                    .FirstOrDefaultAsync(cancellationToken) is { } run)
                last[id] = run;
        var jobs = recurring.Select(j =>
        {
            var run = last.GetValueOrDefault(j.Id);
            return new RecurringJobResponse(
                j.Id, JobName(j), j.Cron, j.TimeZoneId ?? "Etc/UTC",
                Utc(j.NextExecution), Utc(j.LastExecution), j.LastJobId, j.LastJobState, j.Error,
                run?.State, Duration(run), run?.State == "failed" ? run.Error : null);
        }).ToList();
        return TypedResults.Ok(new RecurringJobsResponse(jobs));
    }

    private static Results<Accepted<TriggeredJobResponse>, ProblemHttpResult> Trigger(
        string jobId, JobStorage storage, IRecurringJobManagerV2 manager)
    {
        using (var connection = storage.GetConnection())
        {
            if (connection.GetRecurringJobs([jobId]).All(j => j.Removed))
                return TypedResults.Problem(statusCode: 404, title: "No such recurring job",
                    detail: $"No recurring job has the id '{jobId}'. GET /api/v1/jobs lists them.");
        }
        var runId = manager.TriggerJob(jobId);
        return TypedResults.Accepted($"/api/v1/jobs/{Uri.EscapeDataString(jobId)}/runs", new TriggeredJobResponse(jobId, runId));
    }

    private static async Task<Results<Ok<JobRunPageResponse>, ValidationProblem, ProblemHttpResult>> ListRunsAsync(
        string jobId, DateTimeOffset? from, DateTimeOffset? to, string? cursor,
        [Description("Page size, 1–1000."), DefaultValue(KeysetListing.DefaultLimit)] int? limit,
        JobStorage storage, AnalyticsDbContext db, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var listing = KeysetListing.Read(from, to, cursor, limit, errors);
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary());

        var query = db.JobRuns.AsNoTracking().Where(r => r.RecurringJobId == jobId);
        if (listing.FromUtc is { } f) query = query.Where(r => r.StartedAtUtc >= f);
        if (listing.ToUtc is { } t) query = query.Where(r => r.StartedAtUtc < t);
        if (listing.After is { } a) query = query.Where(r => r.StartedAtUtc > a.At || (r.StartedAtUtc == a.At && r.Id > a.Id));
        var rows = await query.OrderBy(r => r.StartedAtUtc).ThenBy(r => r.Id).Take(listing.Limit + 1).ToListAsync(cancellationToken);
        if (rows.Count == 0 && listing.After is null && !await db.JobRuns.AnyAsync(r => r.RecurringJobId == jobId, cancellationToken))
        {
            using var connection = storage.GetConnection();
            if (connection.GetRecurringJobs([jobId]).All(j => j.Removed))
                return Problems.ForField(StatusCodes.Status404NotFound, "No such recurring job",
                    $"No recurring job has the id '{jobId}' and no run of it is recorded. GET /api/v1/jobs lists them.", "jobId");
        }
        (DateTime, long)? next = null;
        if (rows.Count > listing.Limit)
        {
            rows.RemoveAt(listing.Limit);
            next = (rows[^1].StartedAtUtc, rows[^1].Id);
        }
        return TypedResults.Ok(new JobRunPageResponse(rows.Select(ToResponse).ToList(), KeysetListing.Encode(next)));
    }

    private static JobRunResponse ToResponse(JobRunEntity r) => new(
        r.Id, r.BackgroundJobId, r.RecurringJobId, r.Job, r.PortfolioId, r.Attempt, r.Node,
        new DateTimeOffset(DateTime.SpecifyKind(r.StartedAtUtc, DateTimeKind.Utc)),
        r.FinishedAtUtc is { } end ? new DateTimeOffset(DateTime.SpecifyKind(end, DateTimeKind.Utc)) : null,
        Duration(r), r.State, r.Error, SummaryOf(r.Summary));

    private static double? Duration(JobRunEntity? run) => run?.FinishedAtUtc is { } end ? (end - run.StartedAtUtc).TotalSeconds : null;

    /// <summary>The job's summary as JSON: parsed when it is JSON, else the text as a JSON string.</summary>
    private static JsonElement? SummaryOf(string? summary)
    {
        if (summary is null) return null;
        try
        {
            using var document = JsonDocument.Parse(summary);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(summary);
        }
    }

    private static string? JobName(RecurringJobDto job) =>
        JobKinds.Of(job.Job?.Type)?.Name ?? job.Job?.Type.Name;

    private static DateTimeOffset? Utc(DateTime? value) =>
        value is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;
}
