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

    /// <summary>Default of <see cref="AnonymousRequestBudgetCpuMs"/>: two CPU-seconds.</summary>
    public const long DefaultAnonymousRequestBudgetCpuMs = 2_000;

    /// <summary>Default of <see cref="KeyedRequestBudgetCpuMs"/>: ten CPU-minutes.</summary>
    public const long DefaultKeyedRequestBudgetCpuMs = 600_000;

    /// <summary>
    /// Estimated CPU one request from an anonymous caller may cost, milliseconds (issue 17 item 2): every endpoint that can
    /// cost more than a few milliseconds estimates its work before starting it (<see cref="Endpoints.Costs.CpuBudget"/>,
    /// the unit costs in <see cref="Endpoints.Costs.UnitCosts"/> and <see cref="Endpoints.Costs.EngineCost"/>); above this
    /// the request is refused with a 413 stating the estimate and the budget. Unset: the former key
    /// <see cref="AnonymousBatchBudgetCpuMs"/>, else <see cref="DefaultAnonymousRequestBudgetCpuMs"/>.
    /// </summary>
    [Range(1, long.MaxValue)]
    public long? AnonymousRequestBudgetCpuMs { get; set; }

    /// <summary>The same budget per request for callers with a key, milliseconds. Unset: the former key
    /// <see cref="KeyedBatchBudgetCpuMs"/>, else <see cref="DefaultKeyedRequestBudgetCpuMs"/>.</summary>
    [Range(1, long.MaxValue)]
    public long? KeyedRequestBudgetCpuMs { get; set; }

    /// <summary>Former name of <see cref="AnonymousRequestBudgetCpuMs"/> (when price batches alone were costed); still read when that one is unset.</summary>
    [Range(1, long.MaxValue)]
    public long? AnonymousBatchBudgetCpuMs { get; set; }

    /// <summary>Former name of <see cref="KeyedRequestBudgetCpuMs"/>; still read when that one is unset.</summary>
    [Range(1, long.MaxValue)]
    public long? KeyedBatchBudgetCpuMs { get; set; }

    /// <summary>
    /// Estimated CPU an anonymous client may spend per second, milliseconds (issue 17 item 2): a token bucket per address
    /// (<see cref="Endpoints.Costs.CpuBudget"/>) refilled at this rate and holding at most the per-request budget; above it,
    /// 429 with <c>Retry-After</c>. Default 500 (half a core per address).
    /// </summary>
    [Range(0.001, double.MaxValue)]
    public double AnonymousCpuMsPerSecond { get; set; } = 500;

    /// <summary>The same rate per API key, milliseconds per second, holding at most the keyed per-request budget. Default 10,000.</summary>
    [Range(0.001, double.MaxValue)]
    public double KeyedCpuMsPerSecond { get; set; } = 10_000;

    /// <summary>The per-request budget in force for an anonymous or a keyed caller, milliseconds (new key, else former key, else default).</summary>
    public long RequestBudgetCpuMs(bool anonymous) => anonymous
        ? AnonymousRequestBudgetCpuMs ?? AnonymousBatchBudgetCpuMs ?? DefaultAnonymousRequestBudgetCpuMs
        : KeyedRequestBudgetCpuMs ?? KeyedBatchBudgetCpuMs ?? DefaultKeyedRequestBudgetCpuMs;

    /// <summary>The per-second rate in force for an anonymous or a keyed caller, milliseconds per second.</summary>
    public double CpuMsPerSecond(bool anonymous) => anonymous ? AnonymousCpuMsPerSecond : KeyedCpuMsPerSecond;
}
