using System.ComponentModel;

namespace Analytics.Api.Contracts.Health;

/// <summary>One health check's result.</summary>
public sealed record HealthCheckResponse(
    [property: Description("Healthy, Degraded or Unhealthy.")] string Status,
    [property: Description("What the check saw.")] string? Description);
