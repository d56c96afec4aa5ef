using Analytics.Api.Auth;

namespace Analytics.Api.Options;

/// <summary>One configured API key.</summary>
public sealed class ApiKeyEntry
{
    public string Name { get; set; } = "";
    public ApiRole Role { get; set; } = ApiRole.Reader;
    public string Sha256 { get; set; } = "";
}
