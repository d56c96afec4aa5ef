using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Analytics.Api.Tests.Infrastructure;
using Analytics.Pricing.QuantLib;
using Analytics.TestSupport;

namespace Analytics.Api.Tests.Endpoints;

/// <summary>The quantlib-* engines through HTTP: same request and response shape as ours, and the same numbers.</summary>
public sealed class QuantLibEngineEndpointTests : IClassFixture<SqliteApi>
{
    private readonly SqliteApi _api;

    public QuantLibEngineEndpointTests(SqliteApi api)
    {
        var quantLib = QuantLibVanillaOptionPricer.Default;
        Requirement.Require(quantLib.IsAvailable, "QuantLib", "apt-get install -y libquantlib0-dev swig g++, then rebuild", quantLib.UnavailableReason);
        _api = api;
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<JsonElement> PriceAsync(object body)
    {
        var response = await _api.Client().PostAsJsonAsync("/api/v1/options/price", body, Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task Price_QuantLibAnalytic_EqualsOurAnalyticEngineTo1e10()
    {
        object Request(string engine) => new { type = "put", engine, spot = 3000, strike = 2800, tenorYears = 0.1, vol = 0.65, rate = 0.04, dividendYield = 0.01 };

        var ours = await PriceAsync(Request("analytic"));
        var quantLib = await PriceAsync(Request("quantlib-analytic"));

        var expected = ours.GetProperty("price").GetDouble();
        Assert.True(Math.Abs(quantLib.GetProperty("price").GetDouble() - expected) <= 1e-10 * expected);
        Assert.Equal(ours.GetProperty("greeks").GetProperty("delta").GetDouble(), quantLib.GetProperty("greeks").GetProperty("delta").GetDouble(), 1e-9);
        Assert.Equal("quantlib", quantLib.GetProperty("greeksMethod").GetString());
    }

    [Fact]
    public async Task Price_AmericanPutWithQuantLibFd_AgreesWithOurConvergedLatticeAndSaysWhichGreeksWereBumped()
    {
        object Request(string engine) => new { type = "put", style = "american", engine, spot = 100, strike = 110, tenorYears = 0.5, vol = 0.3, rate = 0.08 };

        var quantLib = await PriceAsync(Request("quantlib-fd"));
        var ours = await PriceAsync(Request("binomial"));

        Assert.Equal(ours.GetProperty("price").GetDouble(), quantLib.GetProperty("price").GetDouble(), 0.01);
        var bumped = quantLib.GetProperty("bumpedGreeks").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("vega", bumped);
        Assert.Contains("rho", bumped);
        Assert.DoesNotContain("delta", bumped); // QuantLib's FD engine returns delta, gamma and theta itself
    }

    [Fact]
    public async Task Price_QuantLibApproximationForEuropeanStyle_Returns400ListingTheEuropeanEngines()
    {
        var response = await _api.Client().PostAsJsonAsync("/api/v1/options/price",
            new { type = "call", engine = "quantlib-baw", spot = 100, strike = 100, tenorYears = 1, vol = 0.2, rate = 0 }, Token);

        Assert.Contains("quantlib-analytic", Assert.Single(await ProblemAssert.HasFieldErrorAsync(response, "engine")));
    }
}

/// <summary>Without the native library the QuantLib engines answer 503 and everything else keeps working.</summary>
public sealed class QuantLibUnavailableTests(SqliteApiWithoutQuantLib api) : IClassFixture<SqliteApiWithoutQuantLib>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Price_QuantLibEngineWithoutTheLibrary_Returns503SayingWhy()
    {
        var response = await api.Client().PostAsJsonAsync("/api/v1/options/price",
            new { type = "call", engine = "quantlib-analytic", spot = 100, strike = 100, tenorYears = 1, vol = 0.2, rate = 0 }, Token);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Contains("libNQuantLibc.so", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task PriceBatch_QuantLibItemWithoutTheLibrary_Gets503InItsSlotOnly()
    {
        var options = new object[]
        {
            new { type = "call", engine = "quantlib-analytic", spot = 100, strike = 100, tenorYears = 1, vol = 0.2, rate = 0 },
            new { type = "call", engine = "analytic", spot = 100, strike = 100, tenorYears = 1, vol = 0.2, rate = 0 },
        };

        var body = await (await api.Client().PostAsJsonAsync("/api/v1/options/price/batch", new { options }, Token)).Content.ReadFromJsonAsync<JsonElement>(Token);
        var results = body.GetProperty("results").EnumerateArray().ToList();

        Assert.Equal(503, results[0].GetProperty("error").GetProperty("status").GetInt32());
        Assert.True(results[1].TryGetProperty("price", out _));
    }

    [Fact]
    public async Task HealthReady_WithoutQuantLib_IsDegradedButServes()
    {
        var response = await api.Client().GetAsync("/health/ready", Token);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Degraded", body.GetProperty("status").GetString());
        Assert.Equal("Degraded", body.GetProperty("checks").GetProperty("quantlib").GetProperty("status").GetString());
    }
}
