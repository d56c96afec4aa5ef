using Analytics.Api.Auth;
using Analytics.Api.Contracts.Jobs;
using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Api.Endpoints;

/// <summary>Scheduled jobs: <c>/api/v1/jobs</c>.</summary>
public static class JobsEndpoints
{
    public static RouteGroupBuilder MapJobsEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/jobs").WithTags("Jobs");
        group.MapGet("/", ListJobs)
            .RequireAuthorization(AuthNames.ReadPolicy)
            .WithName("ListJobs")
            .WithSummary("Recurring jobs, their schedules, last run and state")
            .WithDescription("The recurring jobs registered from `Jobs:Recurring` in appsettings.json, read from Hangfire's storage " +
                             "(shared by every node with PostgreSQL). The dashboard at /hangfire shows the same for admins.");
        group.MapPost("/{jobId}/trigger", Trigger)
            .RequireAuthorization(AuthNames.AdminPolicy)
            .WithName("TriggerJob")
            .WithSummary("Run a recurring job now")
            .WithDescription("Enqueues one run of the recurring job outside its schedule. Admin only; 404 for an unknown job.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static Ok<RecurringJobsResponse> ListJobs(JobStorage storage)
    {
        using var connection = storage.GetConnection();
        var jobs = connection.GetRecurringJobs()
            .OrderBy(j => j.Id, StringComparer.Ordinal)
            .Select(j => new RecurringJobResponse(
                j.Id, JobName(j), j.Cron, j.TimeZoneId ?? "Etc/UTC",
                Utc(j.NextExecution), Utc(j.LastExecution), j.LastJobId, j.LastJobState, j.Error))
            .ToList();
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
        return TypedResults.Accepted($"/api/v1/jobs", new TriggeredJobResponse(jobId, runId));
    }

    private static string? JobName(RecurringJobDto job) =>
        job.Job?.Type.Name.EndsWith("Job", StringComparison.Ordinal) == true
            ? job.Job.Type.Name[..^"Job".Length].ToLowerInvariant()
            : job.Job?.Type.Name;

    private static DateTimeOffset? Utc(DateTime? value) =>
        value is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;
}
