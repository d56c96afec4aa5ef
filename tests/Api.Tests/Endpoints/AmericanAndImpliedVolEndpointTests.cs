using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Analytics.Api.Tests.Infrastructure;

namespace Analytics.Api.Tests.Endpoints;

/// <summary>Engine selection for American exercise, and implied volatility, through HTTP.</summary>
public sealed class AmericanAndImpliedVolEndpointTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<JsonElement> PostAsync(string path, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await api.Client().PostAsJsonAsync(path, body, Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static object HaugAmericanCall(string? engine) => new
    {
        // Haug (2007) Table 3-2, p. 107: X = 100, S = 100, T = 0.1, r = 10 %, b = 0 (q = r), σ = 15 %.
        type = "call", style = "american", engine, spot = 100, strike = 100, tenorYears = 0.1, vol = 0.15, rate = 0.10, dividendYield = 0.10,
    };

    [Fact]
    public async Task Price_AmericanDefaultEngine_IsApiMdsBjerksundStensland_AndQdFpAgreesWithTheLattice()
    {
        var body = await PostAsync("/api/v1/options/price", HaugAmericanCall(engine: null));
        var named = await PostAsync("/api/v1/options/price", HaugAmericanCall(engine: "bjerksund-stensland"));
        var qdFp = await PostAsync("/api/v1/options/price", HaugAmericanCall(engine: "qd-fp"));
        var lattice = await PostAsync("/api/v1/options/price", HaugAmericanCall(engine: "binomial"));

        // API.md: `bjerksund-stensland` (American default). qd-fp, on request, agrees with the lattice, which is within 1e-4
        // of converged on Haug's rows (src/Pricing/American/BinomialAmericanPricer.cs).
        Assert.Equal("bjerksund-stensland", body.GetProperty("engine").GetString());
        Assert.Equal(named.GetProperty("price").GetDouble(), body.GetProperty("price").GetDouble());
        Assert.Equal("boundary-integral", qdFp.GetProperty("greeksMethod").GetString());
        Assert.Equal(lattice.GetProperty("price").GetDouble(), qdFp.GetProperty("price").GetDouble(), 1e-4);
        Assert.True(body.GetProperty("price").GetDouble() >= body.GetProperty("europeanPrice").GetDouble());
    }

    [Fact]
    public async Task Price_BjerksundStensland2002_MatchesHaug()
    {
        var body = await PostAsync("/api/v1/options/price", HaugAmericanCall(engine: "bjerksund-stensland"));

        Assert.Equal("bjerksund-stensland", body.GetProperty("engine").GetString());
        // Haug's Bjerksund-Stensland 2002 column: 1.8757, printed to 4 decimals.
        Assert.Equal(1.8757, body.GetProperty("price").GetDouble(), 0.000051);
        Assert.True(body.GetProperty("price").GetDouble() >= body.GetProperty("europeanPrice").GetDouble());
    }

    [Fact]
    public async Task Price_BaroneAdesiWhaley_MatchesHaugWithinQuantLibTolerance()
    {
        // Haug (1998) p. 24 as used by QuantLib's americanoption.cpp (tolerance 3e-3): 1.8771.
        var body = await PostAsync("/api/v1/options/price", HaugAmericanCall("barone-adesi-whaley"));

        Assert.Equal(1.8771, body.GetProperty("price").GetDouble(), 0.003);
        Assert.Equal("finite-difference", body.GetProperty("greeksMethod").GetString());
    }

    [Fact]
    public async Task Price_AmericanPutEngines_AgreeAndExceedTheEuropeanPrice()
    {
        var prices = new Dictionary<string, double>();
        foreach (var engine in new[] { "bjerksund-stensland", "barone-adesi-whaley", "binomial" })
        {
            var body = await PostAsync("/api/v1/options/price", new
            {
                type = "put", style = "american", engine, spot = 100, strike = 110, tenorYears = 0.5, vol = 0.3, rate = 0.08,
            });
            prices[engine] = body.GetProperty("price").GetDouble();
            Assert.True(prices[engine] > body.GetProperty("europeanPrice").GetDouble(), $"{engine}: an in-the-money American put has an early-exercise premium");
            Assert.True(prices[engine] >= 10.0, $"{engine}: not below intrinsic value");
        }
        // The approximations are within a few cents of the converged lattice on a standard case (Haug 2007 §3.3).
        Assert.Equal(prices["binomial"], prices["bjerksund-stensland"], 0.15);
        Assert.Equal(prices["binomial"], prices["barone-adesi-whaley"], 0.15);
    }

    [Fact]
    public async Task Price_AmericanOnlyEngineForEuropeanStyle_Returns400NamingTheEngine()
    {
        var response = await api.Client().PostAsJsonAsync("/api/v1/options/price",
            new { type = "call", engine = "binomial", spot = 100, strike = 100, tenorYears = 1, vol = 0.2, rate = 0 }, Token);

        Assert.Contains("analytic", Assert.Single(await ProblemAssert.HasFieldErrorAsync(response, "engine")));
    }

    [Fact]
    public async Task ImpliedVol_HaugPublishedPrice_GivesBackThePublishedVol()
    {
        // Haug (2007) §1.1.1: c = 2.1334 at σ = 30 % (S=60, X=65, T=0.25, r=8 %). The price is printed to 4 decimals,
        // which at a vega of about 11.4 moves the vol by at most 5e-5 / 11.4 ≈ 5e-6.
        var body = await PostAsync("/api/v1/options/implied-vol", new { type = "call", price = 2.1334, spot = 60, strike = 65, tenorYears = 0.25, rate = 0.08 });

        Assert.Equal(0.30, body.GetProperty("impliedVol").GetDouble(), 1e-5);
        Assert.InRange(body.GetProperty("iterations").GetInt32(), 0, 3);
    }

    [Fact]
    public async Task ImpliedVol_Black76HaugPrice_GivesBackThePublishedVol()
    {
        // Haug (2007) §1.1.2: F = 19, X = 19, T = 0.75, r = 10 %: c = 1.7011 at σ = 28 %.
        var body = await PostAsync("/api/v1/options/implied-vol", new { type = "call", price = 1.7011, forward = 19, strike = 19, tenorYears = 0.75, rate = 0.10 });

        Assert.Equal(0.28, body.GetProperty("impliedVol").GetDouble(), 1e-4);
    }

    [Theory]
    [InlineData(5.0, "below")]   // intrinsic of the 90-strike call is about 10
    [InlineData(150.0, "upper bound")] // a call is worth less than the spot
    public async Task ImpliedVol_NoVolExists_Returns422SayingWhy(double price, string reason)
    {
        var response = await api.Client().PostAsJsonAsync("/api/v1/options/implied-vol",
            new { type = "call", price, spot = 100, strike = 90, tenorYears = 0.5, rate = 0.0 }, Token);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Contains(reason, problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("{\"type\":\"call\",\"spot\":100,\"strike\":100,\"tenorYears\":1,\"rate\":0}", "price")]
    [InlineData("{\"type\":\"call\",\"price\":-1,\"spot\":100,\"strike\":100,\"tenorYears\":1,\"rate\":0}", "price")]
    [InlineData("{\"type\":\"call\",\"style\":\"american\",\"price\":5,\"spot\":100,\"strike\":100,\"tenorYears\":1,\"rate\":0}", "style")]
    [InlineData("{\"type\":\"call\",\"vol\":0.2,\"price\":5,\"spot\":100,\"strike\":100,\"tenorYears\":1,\"rate\":0}", "vol")]
    public async Task ImpliedVol_InvalidRequest_Returns400NamingTheField(string json, string field)
    {
        var response = await api.Client().PostAsync("/api/v1/options/implied-vol", new StringContent(json, System.Text.Encoding.UTF8, "application/json"), Token);

        await ProblemAssert.HasFieldErrorAsync(response, field);
    }
}
