namespace Analytics.Jobs;

/// <summary>The job names <c>Jobs:Recurring</c> may use (API.md "Jobs and reports"), one <see cref="JobKind"/> each.</summary>
public static class JobKinds
{
    /// <summary>Every registered kind. A new kind adds its line here.</summary>
    public static IReadOnlyList<JobKind> All { get; } =
    [
        HeartbeatJob.Kind,
        MarginMonitorJob.Kind,
        SurfaceRefitJob.Kind,
        FundingAggregateJob.Kind,
        RiskReportJob.Kind,
        IndexerJob.Kind,
    ];

    /// <summary>The kind named <paramref name="name"/> (exact, lower case), or null.</summary>
    public static JobKind? Find(string name) => All.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.Ordinal));

    /// <summary>The kind whose class is <paramref name="jobType"/>, or null.</summary>
    public static JobKind? Of(Type? jobType) => All.FirstOrDefault(k => k.JobType == jobType);
}
