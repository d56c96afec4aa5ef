using System.Net;
using System.Net.Http.Json;
using Analytics.Api.Tests.Infrastructure;

namespace Analytics.Api.Tests.Hosting;

/// <summary>Rate limiting (PRODUCT.md §6): a token bucket per API key (or address), 429 with Retry-After, health exempt.</summary>
public sealed class RateLimitTests(SqliteApiWithTightRateLimit api) : IClassFixture<SqliteApiWithTightRateLimit>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly object Option = new { type = "call", spot = 100, strike = 100, tenorYears = 1, vol = 0.2, rate = 0 };

    private static async Task<List<HttpResponseMessage>> BurstAsync(HttpClient client, int count)
    {
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < count; i++) responses.Add(await client.PostAsJsonAsync("/api/v1/options/price", Option, Token));
        return responses;
    }

    [Fact]
    public async Task OverTheBurst_Gets429WithRetryAfterAndAProblem()
    {
        // The bucket holds 3 and refills 1 per second: of 10 quick requests the first 3 pass and some later ones are refused
        // (a refill may land in between, so not necessarily the 4th).
        var responses = await BurstAsync(api.Client(TestKeys.Writer), 10);

        Assert.All(responses.Take(SqliteApiWithTightRateLimit.Burst), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var refused = responses.First(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Contains("1 requests per second", problem.GetProperty("detail").GetString());
        Assert.Equal("https://tools.ietf.org/html/rfc6585#section-4", problem.GetProperty("type").GetString()); // issue 17: the 429 has a type
        Assert.Contains("this API key", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task EachKeyHasItsOwnBucket()
    {
        var exhausted = await BurstAsync(api.Client(TestKeys.Admin), 10);
        Assert.Contains(exhausted, r => r.StatusCode == HttpStatusCode.TooManyRequests);

        var other = await api.Client(TestKeys.Reader).PostAsJsonAsync("/api/v1/options/price", Option, Token);

        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task HealthChecks_AreNeverLimited()
    {
        var client = api.Client();
        for (var i = 0; i < 10; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", Token)).StatusCode);
    }
}
