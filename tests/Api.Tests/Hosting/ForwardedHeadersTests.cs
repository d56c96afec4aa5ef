using System.Globalization;
using System.Net;
using Analytics.Api.Tests.Infrastructure;
using Analytics.Data.Storage;
using Analytics.TestSupport;
using Microsoft.Extensions.Options;

namespace Analytics.Api.Tests.Hosting;

/// <summary>
/// <c>X-Forwarded-For</c> is believed only from a configured proxy: then each client behind it has its own rate-limit
/// bucket; from anyone else, or with no proxy configured, the header is ignored (a client cannot choose its address).
/// Over real loopback connections (Kestrel), so the proxy's address is 127.0.0.1. A malformed entry stops the start.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<List<HttpStatusCode>> BurstAsync(HttpClient client, string forwardedFor, int count)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/l2/chains");
            request.Headers.Add("X-Forwarded-For", forwardedFor);
            using var response = await client.SendAsync(request, Token);
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }

    /// <summary>Two clients' statuses through a loopback server with a bucket of 3 (1/s) and the given proxy setting.</summary>
    private static async Task<(List<HttpStatusCode> First, List<HttpStatusCode> Second)> TwoClientsAsync(string? key, string? value)
    {
        await using var database = await TestDatabase.CreateEmptyAsync(StorageProvider.Sqlite, Token);
        var settings = new Dictionary<string, string?>
        {
            ["RateLimits:PermitsPerSecond"] = "1",
            ["RateLimits:Burst"] = SqliteApiWithTightRateLimit.Burst.ToString(CultureInfo.InvariantCulture),
        };
        if (key is not null) settings[key] = value;
        await using var factory = new ApiFactory(database, settings);
        factory.UseKestrel(0);
        factory.StartServer();
        using var client = factory.CreateClient();

        var first = await BurstAsync(client, "203.0.113.7", 10);
        var second = await BurstAsync(client, "203.0.113.8", 1);
        return (first, second);
    }

    [Fact]
    public async Task FromATrustedProxy_EachForwardedClientHasItsOwnBucket()
    {
        var (first, second) = await TwoClientsAsync("ForwardedHeaders:KnownProxies:0", "127.0.0.1");

        Assert.Contains(HttpStatusCode.TooManyRequests, first);
        Assert.Equal([HttpStatusCode.OK], second);
    }

    [Fact]
    public async Task FromAnAddressOutsideTheTrustedNetworks_TheHeaderIsIgnored()
    {
        var (first, second) = await TwoClientsAsync("ForwardedHeaders:KnownNetworks:0", "10.0.0.0/8");

        Assert.Contains(HttpStatusCode.TooManyRequests, first);
        Assert.Equal([HttpStatusCode.TooManyRequests], second);
    }

    [Fact]
    public async Task WithNoProxyConfigured_TheHeaderIsIgnored()
    {
        var (first, second) = await TwoClientsAsync(null, null);

        Assert.Contains(HttpStatusCode.TooManyRequests, first);
        Assert.Equal([HttpStatusCode.TooManyRequests], second);
    }

    [Theory]
    [InlineData("ForwardedHeaders:KnownProxies:0", "proxy.internal", "KnownProxies")]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "10.0.0.0/33", "KnownNetworks")]
    public async Task AMalformedEntry_StopsTheStart(string key, string value, string named)
    {
        await using var database = await TestDatabase.CreateEmptyAsync(StorageProvider.Sqlite, Token);
        await using var factory = new ApiFactory(database, new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => factory.Server);

        Assert.Contains(named, error.Message);
    }
}
