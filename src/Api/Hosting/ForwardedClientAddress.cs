using System.Net;
using Analytics.Api.Options;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using IPNetwork = System.Net.IPNetwork;

namespace Analytics.Api.Hosting;

/// <summary>
/// The client's address behind a reverse proxy: with <see cref="ForwardedHeadersSettings"/> configured, the last hop of
/// <c>X-Forwarded-For</c> (and <c>X-Forwarded-Proto</c>) from a listed proxy becomes the connection's address, which
/// the rate limiter and the request log use. Without it the headers are ignored. A malformed entry stops the start.
/// </summary>
internal static class ForwardedClientAddress
{
    public static IServiceCollection AddAnalyticsForwardedHeaders(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersSettings>().BindConfiguration(ForwardedHeadersSettings.SectionName)
            .Validate(s => s.KnownProxies.All(p => IPAddress.TryParse(p, out _)),
                $"{ForwardedHeadersSettings.SectionName}:KnownProxies: every entry must be an IP address, e.g. 10.0.0.5")
            .Validate(s => s.KnownNetworks.All(n => IPNetwork.TryParse(n, out _)),
                $"{ForwardedHeadersSettings.SectionName}:KnownNetworks: every entry must be a network in CIDR notation, e.g. 10.0.0.0/8")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ForwardedHeadersSettings>>((options, settings) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear(); // the default trusts loopback; trust exactly what is configured
            options.KnownIPNetworks.Clear();
            foreach (var proxy in settings.Value.KnownProxies) options.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in settings.Value.KnownNetworks) options.KnownIPNetworks.Add(IPNetwork.Parse(network));
        });
        return services;
    }

    /// <summary>First in the pipeline, so that everything after it sees the client's address.</summary>
    public static WebApplication UseAnalyticsForwardedHeaders(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ForwardedHeadersSettings>>().Value.Enabled) app.UseForwardedHeaders();
        return app;
    }
}
