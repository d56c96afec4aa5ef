using System.Net;
using Analytics.Api.Hosting;
using Analytics.Api.Tests.Infrastructure;

namespace Analytics.Api.Tests.Hosting;

/// <summary>
/// Issue 17 item 1: oversized headers and URLs get a 431 or 414 problem where the framework lets us. Kestrel's own
/// rejections have empty bodies and happen before any middleware, so its limits are set at twice the service's and the
/// service answers the band in between with problems (beyond Kestrel's limits the empty 431/414 remains).
/// </summary>
public sealed class OversizedRequestTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HeadersOverTheServiceLimit_Are431Problem()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/l2/chains");
        request.Headers.TryAddWithoutValidation("X-Padding", new string('a', HttpHardening.MaxHeaderBytes + 1));

        var response = await api.Client().SendAsync(request, Token);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestHeaderFieldsTooLarge);
        Assert.Equal("https://tools.ietf.org/html/rfc6585#section-5", problem.GetProperty("type").GetString());
        Assert.True(HttpHardening.KestrelMaxHeaderBytes > HttpHardening.MaxHeaderBytes, "Kestrel must let the band through");
    }

    [Theory]
    [InlineData("/api/v1/l2/chains?x=")]
    [InlineData("/api/v1/surfaces/")] // a long path without a query
    public async Task UrlOverTheServiceLimit_Is414Problem(string prefix)
    {
        var response = await api.Client().GetAsync(prefix + new string('a', HttpHardening.MaxTargetChars), Token);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestUriTooLong);
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.15", problem.GetProperty("type").GetString());
        Assert.True(HttpHardening.KestrelMaxRequestLineBytes > HttpHardening.MaxTargetChars, "Kestrel must let the band through");
    }

    [Fact]
    public async Task HeadersAndUrlWithinTheLimits_AreServed()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/l2/chains?x=" + new string('a', 4_000));
        request.Headers.TryAddWithoutValidation("X-Padding", new string('a', 16_000));

        var response = await api.Client().SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
