using Analytics.Data.Telemetry;
using Hangfire.Server;

namespace Analytics.Jobs;

/// <summary>Counts every job execution by job method and outcome (<see cref="AnalyticsMetrics.JobRuns"/>).</summary>
internal sealed class JobMetricsFilter : IServerFilter
{
    public void OnPerforming(PerformingContext context) { }

    public void OnPerformed(PerformedContext context)
    {
        var job = context.BackgroundJob.Job.Type.Name;
        AnalyticsMetrics.JobRuns.Add(1, new("job", job), new("outcome", context.Exception is null || context.ExceptionHandled ? "succeeded" : "failed"));
    }
}
