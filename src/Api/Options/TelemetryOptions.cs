using System.ComponentModel.DataAnnotations;

namespace Analytics.Api.Options;

/// <summary>The <c>Telemetry</c> section's scrape key, checked at start like <c>Auth:ApiKeys</c>.</summary>
public sealed class TelemetryOptions : IValidatableObject
{
    public const string SectionName = "Telemetry";

    /// <summary>
    /// Hex SHA-256 of a key that may read <c>GET /metrics</c> and nothing else; empty for none. A value that is not 64
    /// hex digits stops the start (it made every keyed non-admin scrape a 500, or silently matched nothing).
    /// </summary>
    public string? ScrapeKeySha256 { get; set; }

    /// <summary>The decoded hash, or null when no scrape key is configured.</summary>
    public byte[]? ScrapeKeyHash => ScrapeKeySha256 is { Length: 64 } hex && hex.All(Uri.IsHexDigit) ? Convert.FromHexString(hex) : null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ScrapeKeySha256 is { Length: > 0 } && ScrapeKeyHash is null)
            yield return new ValidationResult(
                "Telemetry:ScrapeKeySha256 must be the 64 hex digits of the scrape key's SHA-256 (`printf %s KEY | sha256sum`), or empty for none.");
    }
}
