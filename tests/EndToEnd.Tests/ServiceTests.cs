using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Analytics.EndToEnd.Tests;

/// <summary>The service as a user meets it: a real process, real Kestrel, real SQLite file.</summary>
public sealed class ServiceTests(ServiceProcess service) : IClassFixture<ServiceProcess>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Start_FreshDatabase_MigratesSeedsSyntheticDemoDataAndIsReady()
    {
        using var client = service.Client();

        var ready = await client.GetFromJsonAsync<JsonElement>("/health/ready", Token);
        var prices = await client.GetFromJsonAsync<JsonElement>("/api/v1/prices?underlying=ETH&limit=5", Token);

        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        var items = prices.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(5, items.Count);
        Assert.All(items, p => Assert.Equal("synthetic-demo", p.GetProperty("source").GetString()));
    }

    [Fact]
    public async Task Response_FromRealKestrel_HasNoServerHeaderAndHasSecurityHeaders()
    {
        using var client = service.Client();

        var response = await client.GetAsync("/api/v1/l2/chains", Token);

        Assert.False(response.Headers.Contains("Server"), "Kestrel's Server header is exposed");
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task PriceOption_OverRealHttp_MatchesHaug()
    {
        // Haug (2007) §1.1.1: S=60, X=65, T=0.25, r=8 %, σ=30 %: c = 2.1334.
        using var client = service.Client();

        var response = await client.PostAsJsonAsync("/api/v1/options/price",
            new { type = "call", spot = 60, strike = 65, tenorYears = 0.25, vol = 0.30, rate = 0.08 }, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2.1334, (await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("price").GetDouble(), 4);
    }

    [Fact]
    public async Task Post_BodyOverTheLimit_Returns413Problem()
    {
        using var client = service.Client();
        var padding = new string(' ', ServiceProcess.MaxRequestBodyBytes + 1024);
        var body = new StringContent("{\"type\":\"call\"" + padding + "}", Encoding.UTF8, "application/json");

        var response = await client.PostAsync("/api/v1/options/price", body, Token);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Logs_ARequestWithAnId_AreJsonLinesCarryingThatRequestId()
    {
        using var client = service.Client();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/l2/chains");
        request.Headers.Add("X-Request-Id", "e2e-log-check-7");
        (await client.SendAsync(request, Token)).EnsureSuccessStatusCode();

        // The log line is written as the request completes; wait (bounded) for it to reach stdout.
        string? line = null;
        for (var i = 0; i < 50 && line is null; i++)
        {
            line = service.Output.FirstOrDefault(l => l.Contains("e2e-log-check-7", StringComparison.Ordinal));
            if (line is null) await Task.Delay(100, Token);
        }

        Assert.NotNull(line);
        var json = JsonDocument.Parse(line).RootElement;
        Assert.True(json.TryGetProperty("Timestamp", out _));
        Assert.True(json.TryGetProperty("LogLevel", out _));
        Assert.Contains("e2e-log-check-7", json.GetProperty("Scopes").GetRawText());
        Assert.Equal("/api/v1/l2/chains", json.GetProperty("State").GetProperty("Path").GetString());
        Assert.Equal("200", json.GetProperty("State").GetProperty("StatusCode").ToString());
    }

    [Fact]
    public async Task HangfireDashboard_BootstrapAdminKey_Opens()
    {
        using var client = service.Client();
        client.DefaultRequestHeaders.Add("X-Api-Key", ServiceProcess.AdminKey);

        var response = await client.GetAsync("/hangfire/recurring", Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("heartbeat", await response.Content.ReadAsStringAsync(Token));
    }
}
