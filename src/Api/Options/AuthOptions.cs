using System.ComponentModel.DataAnnotations;

namespace Analytics.Api.Options;

/// <summary>The <c>Auth</c> section: hashed API keys, the bootstrap admin key, anonymous reads.</summary>
public sealed class AuthOptions : IValidatableObject
{
    public const string SectionName = "Auth";

    /// <summary>Keys as <c>{ "name", "role", "sha256" }</c>; the key itself is never stored, only its SHA-256.</summary>
    public List<ApiKeyEntry> ApiKeys { get; set; } = [];

    /// <summary>A plain key accepted with the admin role, for first runs and automation; empty by default outside Development.</summary>
    public string? BootstrapAdminKey { get; set; }

    /// <summary>Whether GET listings and compute-only POSTs need no key.</summary>
    public bool AllowAnonymousReads { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < ApiKeys.Count; i++)
        {
            var entry = ApiKeys[i];
            if (string.IsNullOrWhiteSpace(entry.Name))
                yield return new ValidationResult($"Auth:ApiKeys:{i}:Name is required.");
            if (entry.Sha256 is not { Length: 64 } || !entry.Sha256.All(Uri.IsHexDigit))
                yield return new ValidationResult($"Auth:ApiKeys:{i}:Sha256 must be the 64 hex digits of the key's SHA-256 (`printf %s KEY | sha256sum`).");
            if (entry.ParsedRole is null)
                yield return new ValidationResult($"Auth:ApiKeys:{i}:Role must be reader, writer or admin (it is '{entry.Role}').");
        }
        if (BootstrapAdminKey is { Length: > 0 and < 16 })
            yield return new ValidationResult("Auth:BootstrapAdminKey must be at least 16 characters long when set.");
    }
}
