namespace Analytics.Api.Options;

/// <summary>One configured origin of <see cref="CorsSettings.AllowedOrigins"/>: scheme and host, and a port or any port.</summary>
/// <param name="Scheme"><c>http</c> or <c>https</c>, lower case.</param>
/// <param name="Host">Host name, lower case.</param>
/// <param name="Port">The port, or null for any port (<c>:*</c>).</param>
internal sealed record CorsOriginPattern(string Scheme, string Host, int? Port)
{
    /// <summary>Parses <c>scheme://host[:port]</c> or <c>scheme://host:*</c>; null when the text is not one.</summary>
    public static CorsOriginPattern? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var anyPort = text.EndsWith(":*", StringComparison.Ordinal);
        var candidate = anyPort ? text[..^2] : text;
        if (!Uri.TryCreate(candidate, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")) return null;
        if (uri.AbsolutePath != "/" || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo)) return null;
        if (anyPort && !uri.IsDefaultPort) return null; // "http://host:80:*"
        return new CorsOriginPattern(uri.Scheme, uri.IdnHost.ToLowerInvariant(), anyPort ? null : uri.Port);
    }

    /// <summary>Whether a browser's <c>Origin</c> header value matches this pattern.</summary>
    public bool Matches(Uri origin) =>
        origin.Scheme == Scheme && string.Equals(origin.IdnHost, Host, StringComparison.OrdinalIgnoreCase) && (Port is null || origin.Port == Port);
}
