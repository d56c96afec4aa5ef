using System.ComponentModel;

namespace Analytics.Api.Contracts.Jobs;

/// <summary>A run started by hand.</summary>
public sealed record TriggeredJobResponse(
    [property: Description("The recurring job id.")] string Id,
    [property: Description("Hangfire id of the run just enqueued.")] string? JobId);
