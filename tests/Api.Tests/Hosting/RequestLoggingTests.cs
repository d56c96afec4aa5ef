using System.Net;
using Analytics.Api.Tests.Infrastructure;
using Analytics.Data.Market;
using Analytics.Data.Storage;
using Analytics.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Analytics.Api.Tests.Hosting;

/// <summary>
/// Issue 17 item 3: the request log shows the status the client got (500 included), every line of a request carries
/// the client's <c>X-Request-Id</c>, a 500 keeps the header, and throttled floods are sampled.
/// </summary>
public sealed class RequestLoggingTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ServerError_IsLoggedAs500WithTheClientsRequestIdAndKeepsTheHeader()
    {
        var logs = new CapturingLoggerProvider();
        await using var database = await TestDatabase.CreateEmptyAsync(StorageProvider.Sqlite, Token);
        await using var factory = new ApiFactory(database, configureServices: services =>
        {
            services.AddSingleton<ILoggerProvider>(logs);
            // A dependency that fails to build: the endpoint that needs it throws, as an unexpected bug would.
            services.AddSingleton<ChainProfiles>(_ => throw new InvalidOperationException("simulated fault"));
        });
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/l2/chains");
        request.Headers.Add("X-Request-Id", "client-req-500");

        var response = await factory.CreateClient().SendAsync(request, Token);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.InternalServerError);
        Assert.Equal("client-req-500", problem.GetProperty("requestId").GetString());
        Assert.Equal("client-req-500", Assert.Single(response.Headers.GetValues("X-Request-Id")));
        var lines = logs.Lines.Where(l => l.Scopes.Contains("RequestId:client-req-500", StringComparison.Ordinal)).ToList();
        Assert.Contains(lines, l => l.Level == LogLevel.Error && l.Exception?.Message == "simulated fault");
        Assert.Contains(lines, l => l.Message.Contains("responded 500", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Message.Contains("/api/v1/l2/chains responded 200", StringComparison.Ordinal));
        Assert.DoesNotContain("simulated fault", await response.Content.ReadAsStringAsync(Token));
    }

    [Fact]
    public async Task ThrottledFlood_LogsOneLinePerClientAndWindow()
    {
        var logs = new CapturingLoggerProvider();
        await using var database = await TestDatabase.CreateEmptyAsync(StorageProvider.Sqlite, Token);
        await using var factory = new ApiFactory(database,
            new Dictionary<string, string?> { ["RateLimits:PermitsPerSecond"] = "1", ["RateLimits:Burst"] = "1", ["RequestLogging:SampleWindowSeconds"] = "3600",
                ["Logging:LogLevel:Analytics.Api.Hosting.RequestLoggingMiddleware"] = "Information" },
            services => services.AddSingleton<ILoggerProvider>(logs));
        var client = factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (int i = 0; i < 40; i++)
            statuses.Add((await client.GetAsync("/api/v1/l2/chains", Token)).StatusCode);

        int throttled = statuses.Count(s => s == HttpStatusCode.TooManyRequests);
        Assert.True(throttled >= 30, $"expected most of 40 requests throttled at 1 per second, got {throttled}");
        var logged429 = logs.Lines.Count(l => l.Message.Contains("responded 429", StringComparison.Ordinal));
        Assert.Equal(1, logged429);
    }

    [Fact]
    public async Task SampledLine_SayingHowManyWereLeftOut_HasEachFieldOnce()
    {
        // The line after a sampled window named {StatusCode} twice, so the JSON-lines log carried "StatusCode" twice in
        // one object (Elasticsearch and OpenSearch reject a document with a duplicate field: the very line counting the
        // left-out requests was lost).
        var logs = new CapturingLoggerProvider();
        await using var database = await TestDatabase.CreateEmptyAsync(StorageProvider.Sqlite, Token);
        await using var factory = new ApiFactory(database,
            new Dictionary<string, string?> { ["RateLimits:PermitsPerSecond"] = "1", ["RateLimits:Burst"] = "1", ["RequestLogging:SampleWindowSeconds"] = "60",
                ["Logging:LogLevel:Analytics.Api.Hosting.RequestLoggingMiddleware"] = "Information" },
            services => services.AddSingleton<ILoggerProvider>(logs));
        var client = factory.CreateClient();

        for (int i = 0; i < 10; i++) await client.GetAsync("/api/v1/l2/chains", Token);
        factory.Time.Advance(TimeSpan.FromSeconds(61));
        for (int i = 0; i < 10; i++) await client.GetAsync("/api/v1/l2/chains", Token);

        var summary = Assert.Single(logs.Lines, l => l.Message.Contains("left out", StringComparison.Ordinal));
        Assert.Contains("StatusCode", summary.StateKeys);
        Assert.Contains("Suppressed", summary.StateKeys);
        Assert.Equal(summary.StateKeys.Count, summary.StateKeys.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public async Task RejectedKeys_LogOneLinePerRequest_SoSamplingTheStatusBoundsTheFlood()
    {
        // At the shipped levels (appsettings.json, Default Information) a wrong key wrote three lines: the request line
        // plus the authentication handler's "was not authenticated" and "was challenged" (and "was forbidden" for a 403),
        // which RequestLogging:SampledStatuses cannot sample, so a 401 flood could not be bounded.
        var logs = new CapturingLoggerProvider();
        await using var database = await TestDatabase.CreateEmptyAsync(StorageProvider.Sqlite, Token);
        await using var factory = new ApiFactory(database,
            new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Information", ["RequestLogging:SampledStatuses:0"] = "401",
                ["RequestLogging:SampledStatuses:1"] = "403", ["RequestLogging:SampleWindowSeconds"] = "3600" },
            services => services.AddSingleton<ILoggerProvider>(logs));
        var client = factory.CreateClient();

        for (var i = 0; i < 20; i++)
        {
            using var wrongKey = new HttpRequestMessage(HttpMethod.Get, "/api/v1/jobs");
            wrongKey.Headers.Add("X-Api-Key", "not-a-configured-key-0123456789");
            wrongKey.Headers.Add("X-Request-Id", $"flood-401-{i}");
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(wrongKey, Token)).StatusCode);
            using var wrongRole = new HttpRequestMessage(HttpMethod.Post, "/api/v1/jobs/heartbeat/trigger");
            wrongRole.Headers.Add("X-Api-Key", TestKeys.Reader);
            wrongRole.Headers.Add("X-Request-Id", $"flood-403-{i}");
            Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(wrongRole, Token)).StatusCode);
        }

        var first401 = logs.Lines.Where(l => l.Scopes.Contains("RequestId:flood-401-0", StringComparison.Ordinal)).ToList();
        Assert.True(first401.Count == 1, "lines of the first 401: " + string.Join(" | ", first401.Select(l => $"{l.Category}: {l.Message}")));
        var first403 = logs.Lines.Where(l => l.Scopes.Contains("RequestId:flood-403-0", StringComparison.Ordinal)).ToList();
        Assert.True(first403.Count == 1, "lines of the first 403: " + string.Join(" | ", first403.Select(l => $"{l.Category}: {l.Message}")));
        Assert.DoesNotContain(logs.Lines, l => l.Scopes.Contains("RequestId:flood-401-1", StringComparison.Ordinal)
            || l.Scopes.Contains("RequestId:flood-403-1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EveryResponse_CarriesSecurityHeaders()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(StorageProvider.Sqlite, Token);
        await using var factory = new ApiFactory(database);

        foreach (var path in new[] { "/api/v1/l2/chains", "/api/v1/nothing-here", "/swagger/index.html" })
        {
            var response = await factory.CreateClient().GetAsync(path, Token);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
            Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
            Assert.Contains("frame-ancestors 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        }
    }
}
