using System.Net;
using Analytics.Api.Tests.Infrastructure;
using Analytics.Data.Storage;
using Analytics.TestSupport;
using Microsoft.Extensions.Options;

namespace Analytics.Api.Tests.Hosting;

/// <summary>
/// CORS (issue 14 item 6): configured origins get preflights answered and the CORS headers on real requests (Fetch
/// standard, §3.2 "CORS protocol"); other origins get none; with nothing configured nothing is added.
/// </summary>
public sealed class CrossOriginRequestTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, string?> Origins = new()
    {
        ["Cors:AllowedOrigins:0"] = "https://risk.example.org",
        ["Cors:AllowedOrigins:1"] = "http://localhost:*",
    };

    private static HttpRequestMessage Preflight(string origin, string path = "/api/v1/options/price")
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type,x-api-key");
        return request;
    }

    [Theory]
    [InlineData("https://risk.example.org")]
    [InlineData("http://localhost:5173")]
    [InlineData("http://LOCALHOST:3000")]
    public async Task Preflight_ConfiguredOrigin_IsAnsweredWithoutAKey(string origin)
    {
        await using var database = await TestDatabase.CreateEmptyAsync(StorageProvider.Sqlite, Token);
        await using var factory = new ApiFactory(database, Origins);

        var response = await factory.CreateClient().SendAsync(Preflight(origin), Token);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(origin, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("POST", string.Join(",", response.Headers.GetValues("Access-Control-Allow-Methods")));
        var headers = string.Join(",", response.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant();
        Assert.Contains("x-api-key", headers);
        Assert.Contains("content-type", headers);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Theory]
    [InlineData("https://evil.example.com")]
    [InlineData("http://risk.example.org")]  // other scheme
    [InlineData("https://risk.example.org:8443")] // other port
    [InlineData("null")]
    public async Task Preflight_OtherOrigin_GetsNoCorsHeaders(string origin)
    {
        await using var database = await TestDatabase.CreateEmptyAsync(StorageProvider.Sqlite, Token);
        await using var factory = new ApiFactory(database, Origins);

        var response = await factory.CreateClient().SendAsync(Preflight(origin), Token);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Get_ConfiguredOrigin_ExposesTheHeadersAFrontendReads()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(StorageProvider.Sqlite, Token);
        await using var factory = new ApiFactory(database, Origins);
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/l2/chains");
        request.Headers.Add("Origin", "http://localhost:5173");

        var response = await factory.CreateClient().SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("http://localhost:5173", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        var exposed = string.Join(",", response.Headers.GetValues("Access-Control-Expose-Headers"));
        Assert.Contains("ETag", exposed);
        Assert.Contains("X-Request-Id", exposed);
    }

    [Fact]
    public async Task Preflight_NoOriginConfigured_AddsNothing()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(StorageProvider.Sqlite, Token);
        await using var factory = new ApiFactory(database);

        var response = await factory.CreateClient().SendAsync(Preflight("http://localhost:5173"), Token);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("risk.example.org")]
    [InlineData("ftp://files.example.org")]
    [InlineData("https://risk.example.org/app")]
    [InlineData("https://risk.example.org:*:*")]
    public async Task Start_OriginThatIsNotOne_StopsTheStart(string origin)
    {
        await using var database = await TestDatabase.CreateEmptyAsync(StorageProvider.Sqlite, Token);
        await using var factory = new ApiFactory(database, new Dictionary<string, string?> { ["Cors:AllowedOrigins:0"] = origin });

        var error = Assert.Throws<OptionsValidationException>(() => factory.Server);

        Assert.Contains("Cors:AllowedOrigins", error.Message, StringComparison.Ordinal);
    }
}
