namespace Analytics.Api.Options;

/// <summary>
/// The <c>ForwardedHeaders</c> section: the reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c>
/// are believed. With none configured (the default) the headers are ignored, so a client cannot pick its own address;
/// behind a proxy, list it here, or every anonymous client shares the proxy's rate-limit bucket and log address.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Addresses of trusted proxies, e.g. <c>10.0.0.5</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR notation, e.g. <c>10.0.0.0/8</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public bool Enabled => KnownProxies.Count > 0 || KnownNetworks.Count > 0;
}
