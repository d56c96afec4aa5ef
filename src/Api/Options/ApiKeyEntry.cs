using Analytics.Api.Auth;

namespace Analytics.Api.Options;

/// <summary>One configured API key.</summary>
public sealed class ApiKeyEntry
{
    public string Name { get; set; } = "";

    /// <summary>
    /// <c>reader</c>, <c>writer</c> or <c>admin</c> (any case). Kept as text and checked at start: bound to the enum, an
    /// unknown name dropped the whole entry without a word, and a number such as <c>7</c> gave a role above admin.
    /// </summary>
    public string Role { get; set; } = "reader";

    public string Sha256 { get; set; } = "";

    /// <summary>The role named by <see cref="Role"/>, or null when it names none (names only, not numbers).</summary>
    public ApiRole? ParsedRole =>
        Enum.GetValues<ApiRole>().Select(r => (ApiRole?)r).FirstOrDefault(r => string.Equals(r.ToString(), Role?.Trim(), StringComparison.OrdinalIgnoreCase));
}
