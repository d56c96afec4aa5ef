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
}
