using System.ComponentModel;

namespace Analytics.Api.Contracts.Jobs;

/// <summary>The recurring jobs and their state.</summary>
public sealed record RecurringJobsResponse([property: Description("One entry per recurring job registered from `Jobs:Recurring`.")] IReadOnlyList<RecurringJobResponse> Jobs);
