using System.ComponentModel.DataAnnotations;

namespace Analytics.Api.Options;

/// <summary>The <c>Limits</c> section: how large a request may be.</summary>
public sealed class LimitsOptions
{
    public const string SectionName = "Limits";

    /// <summary>Largest request body accepted, in bytes; larger ones get 413. Ingest endpoints set their own.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxRequestBodyBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>
    /// Largest body of an ingest request (<c>POST /api/v1/trades|quotes|funding|prices</c>), bytes. Ingest streams,
    /// so this bounds disk and time, not memory.
    /// </summary>
    [Range(1024, long.MaxValue)]
    public long MaxIngestBodyBytes { get; set; } = 8L * 1024 * 1024 * 1024;

    /// <summary>Most items one batch request may carry (400 above it).</summary>
    [Range(1, 1_000_000)]
    public int MaxBatchItems { get; set; } = 100_000;

    /// <summary>
    /// Estimated CPU a price batch from an anonymous caller may cost, milliseconds (items × their engine's cost class,
    /// <see cref="Endpoints.Pricing.EngineCost"/>); above it the batch is refused with a 413 naming the budget before any
    /// pricing. Default 2,000 (about 2 CPU-seconds: 100,000 analytic items, or 80 quantlib-fd ones).
    /// </summary>
    [Range(1, long.MaxValue)]
    public long AnonymousBatchBudgetCpuMs { get; set; } = 2_000;

    /// <summary>The same budget for callers with a key, milliseconds. Default 600,000 (ten CPU-minutes).</summary>
    [Range(1, long.MaxValue)]
    public long KeyedBatchBudgetCpuMs { get; set; } = 600_000;

    /// <summary>
    /// Estimated CPU an anonymous client may spend per second on pricing, milliseconds (issue 17 item 2): a token bucket per
    /// address (<see cref="Endpoints.Pricing.CpuRateBudget"/>) refilled at this rate and holding at most
    /// <see cref="AnonymousBatchBudgetCpuMs"/>; above it, 429 with <c>Retry-After</c>. Default 500 (half a core).
    /// </summary>
    [Range(0.001, double.MaxValue)]
    public double AnonymousCpuMsPerSecond { get; set; } = 500;

    /// <summary>The same rate per API key, milliseconds per second, holding at most <see cref="KeyedBatchBudgetCpuMs"/>. Default 10,000.</summary>
    [Range(0.001, double.MaxValue)]
    public double KeyedCpuMsPerSecond { get; set; } = 10_000;
}
