using System.Diagnostics.Metrics;

namespace Analytics.Pricing.QuantLib;

/// <summary>
/// Time spent waiting for the process-wide QuantLib gate (PRODUCT.md §4: QuantLib is not session-safe, so every call is
/// serialised): a long wait means QuantLib engines are queueing behind each other. BCL metrics only (no exporter here).
/// </summary>
public static class QuantLibMetrics
{
    /// <summary>The meter name the host subscribes to.</summary>
    public const string MeterName = "Analytics.QuantLib";

    private static readonly Meter Meter = new(MeterName, "1.0");

    /// <summary>Seconds each QuantLib call waited for the gate.</summary>
    public static readonly Histogram<double> LockWait = Meter.CreateHistogram<double>("analytics.quantlib.lock_wait", "s", "Wait for the serialising QuantLib gate.");
}
