using System.ComponentModel.DataAnnotations;

namespace Analytics.Api.Options;

/// <summary>
/// The <c>RateLimits</c> section: a token bucket per client (per API key, or per IP address for anonymous reads) over
/// every endpoint except the health checks. Above it a request gets 429 with <c>Retry-After</c>.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Whether requests are limited at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Sustained requests per second per client (tokens added each second).</summary>
    [Range(1, 10_000_000)]
    public int PermitsPerSecond { get; set; } = 1000;

    /// <summary>Largest burst per client (bucket size), requests.</summary>
    [Range(1, 100_000_000)]
    public int Burst { get; set; } = 2000;
}
