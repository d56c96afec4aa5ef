using System.ComponentModel.DataAnnotations;

namespace Analytics.Api.Options;

/// <summary>
/// The <c>Cors</c> section: browser origins allowed to call the API from another origin. None by default (the API then
/// sends no CORS headers and a preflight is not answered).
/// </summary>
public sealed class CorsSettings : IValidatableObject
{
    public const string SectionName = "Cors";

    /// <summary>
    /// Origins such as <c>https://risk.example.org</c> (scheme, host and optional port; no path), or with any port:
    /// <c>http://localhost:*</c>. Compared case-insensitively, as browsers send them.
    /// </summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>How long a browser may cache a preflight answer, seconds.</summary>
    public int PreflightMaxAgeSeconds { get; set; } = 600;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var origin in AllowedOrigins)
        {
            if (CorsOriginPattern.TryParse(origin) is null)
            {
                yield return new ValidationResult(
                    $"Cors:AllowedOrigins '{origin}' is not an origin: give scheme://host[:port] (http or https, no path), or scheme://host:* for any port.",
                    [nameof(AllowedOrigins)]);
            }
        }

        if (PreflightMaxAgeSeconds is < 0 or > 86_400)
            yield return new ValidationResult($"Cors:PreflightMaxAgeSeconds {PreflightMaxAgeSeconds} must be 0–86400.", [nameof(PreflightMaxAgeSeconds)]);
    }
}
