using System.ComponentModel;

namespace Analytics.Api.Contracts.Health;

/// <summary>Overall health and each check's result.</summary>
public sealed record HealthResponse(
    [property: Description("Healthy, Degraded or Unhealthy.")] string Status,
    [property: Description("Each check by name.")] IReadOnlyDictionary<string, HealthCheckResponse> Checks);
