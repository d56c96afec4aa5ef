using Analytics.Pricing.QuantLib;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Analytics.Api.Hosting;

/// <summary>Degraded (not unhealthy) when the QuantLib native library did not load: only the quantlib-* engines are affected.</summary>
public sealed class QuantLibHealthCheck(QuantLibVanillaOptionPricer quantLib) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(quantLib.IsAvailable
            ? HealthCheckResult.Healthy($"QuantLib {quantLib.QuantLibVersion} loaded")
            : HealthCheckResult.Degraded($"QuantLib unavailable: {quantLib.UnavailableReason}"));
}
