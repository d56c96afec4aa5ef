using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Analytics.Api.Tests.Infrastructure;

namespace Analytics.Api.Tests.Endpoints;

/// <summary><c>POST /api/v1/options/price</c>: published values through the whole stack, and every kind of bad input.</summary>
public sealed class PricingEndpointTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private const string Path = "/api/v1/options/price";
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<JsonElement> PriceAsync(object body)
    {
        var response = await api.Client().PostAsJsonAsync(Path, body, Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task Price_HaugBlackScholesCall_MatchesPublishedValue()
    {
        // Haug, The Complete Guide to Option Pricing Formulas (2nd ed., 2007), §1.1.1 example: S=60, X=65, T=0.25,
        // r=8 %, σ=30 %, no dividend: c = 2.1334.
        var body = await PriceAsync(new { type = "call", spot = 60, strike = 65, tenorYears = 0.25, vol = 0.30, rate = 0.08 });

        Assert.Equal(2.1334, body.GetProperty("price").GetDouble(), 4);
        Assert.Equal("analytic", body.GetProperty("engine").GetString());
        Assert.Equal(60 * Math.Exp(0.08 * 0.25), body.GetProperty("forward").GetDouble(), 12);
        Assert.Equal(Math.Exp(-0.08 * 0.25), body.GetProperty("discountFactor").GetDouble(), 15);
    }

    [Fact]
    public async Task Price_HaugMertonPutGivenByExpiryInstant_MatchesPublishedValue()
    {
        // Haug (2007) §1.1.4, Merton (1973) example: S=100, X=95, T=0.5, r=10 %, q=5 %, σ=20 %: p = 2.4648.
        // T = 0.5 years Act/365F = 182.5 days after the valuation instant.
        var valuation = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var body = await PriceAsync(new
        {
            type = "put", spot = 100, strike = 95, vol = 0.20, rate = 0.10, dividendYield = 0.05,
            valuationTime = valuation, expiry = valuation.AddDays(182.5),
        });

        Assert.Equal(2.4648, body.GetProperty("price").GetDouble(), 4);
        Assert.Equal(0.5, body.GetProperty("tenorYears").GetDouble(), 12);
        Assert.Equal(0.05, body.GetProperty("carryRate").GetDouble(), 15);
    }

    [Fact]
    public async Task Price_HaugBlack76OnForward_MatchesPublishedValueForCallAndPut()
    {
        // Haug (2007) §1.1.2, Black (1976) example: F=19, X=19, T=0.75, r=10 %, σ=28 %: c = p = 1.7011.
        foreach (var type in new[] { "call", "put" })
        {
            var body = await PriceAsync(new { type, forward = 19, strike = 19, tenorYears = 0.75, vol = 0.28, rate = 0.10 });

            Assert.Equal(1.7011, body.GetProperty("price").GetDouble(), 4);
            Assert.Equal(19, body.GetProperty("forward").GetDouble(), 12);
        }
    }

    [Fact]
    public async Task Price_HaugDeltaExample_ReturnsPublishedDeltaAndConsistentGreeks()
    {
        // Haug (2007) §2.1.1 delta example: S=105, X=100, T=0.5, r=10 %, b=0, σ=36 %: call delta 0.5946.
        var body = await PriceAsync(new { type = "call", spot = 105, strike = 100, tenorYears = 0.5, vol = 0.36, rate = 0.10, carryRate = 0.0 });
        var greeks = body.GetProperty("greeks");

        Assert.Equal(0.5946, greeks.GetProperty("delta").GetDouble(), 4);
        // With b held fixed, rho only discounts: ∂V/∂r = −T·V.
        Assert.Equal(-0.5 * body.GetProperty("price").GetDouble(), greeks.GetProperty("rho").GetDouble(), 10);
        foreach (var name in new[] { "gamma", "vega", "theta", "rho", "carryRho", "vanna", "volga", "charm" })
            Assert.True(greeks.TryGetProperty(name, out _), $"greeks.{name} is missing");
    }

    [Theory]
    [InlineData("{\"type\":\"call\",\"spot\":100", "spot")] // cut off
    [InlineData("{\"type\":\"call\",\"spot\":\"100\",\"strike\":100,\"tenorYears\":1,\"vol\":0.2,\"rate\":0}", "spot")] // number in quotes
    [InlineData("{\"type\":\"call\",\"spot\":NaN,\"strike\":100,\"tenorYears\":1,\"vol\":0.2,\"rate\":0}", "spot")]
    [InlineData("{\"type\":\"call\",\"spot\":\"Infinity\",\"strike\":100,\"tenorYears\":1,\"vol\":0.2,\"rate\":0}", "spot")]
    [InlineData("{\"type\":\"call\",\"spot\":1e999,\"strike\":100,\"tenorYears\":1,\"vol\":0.2,\"rate\":0}", "spot")] // overflows to ∞
    [InlineData("{\"type\":\"straddle\",\"spot\":100,\"strike\":100,\"tenorYears\":1,\"vol\":0.2,\"rate\":0}", "type")]
    [InlineData("{\"type\":1,\"spot\":100,\"strike\":100,\"tenorYears\":1,\"vol\":0.2,\"rate\":0}", "type")] // enum as number
    [InlineData("{\"type\":\"call\",\"engine\":\"monte-carlo\",\"spot\":100,\"strike\":100,\"tenorYears\":1,\"vol\":0.2,\"rate\":0}", "engine")]
    [InlineData("{\"type\":\"call\",\"expiry\":\"next friday\",\"spot\":100,\"strike\":100,\"vol\":0.2,\"rate\":0}", "expiry")]
    [InlineData("{\"type\":\"call\",\"strke\":100,\"spot\":100,\"tenorYears\":1,\"vol\":0.2,\"rate\":0}", "strke")] // unknown field
    [InlineData("[1,2,3]", "body")]
    [InlineData("", "body")]
    public async Task Price_UnreadableBody_Returns400NamingTheField(string json, string field)
    {
        var response = await api.Client().PostAsync(Path, new StringContent(json, Encoding.UTF8, "application/json"), Token);

        var messages = await ProblemAssert.HasFieldErrorAsync(response, field);
        Assert.All(messages, m => Assert.False(string.IsNullOrWhiteSpace(m)));
    }

    [Fact]
    public async Task Price_UnknownEnumValue_ListsTheAcceptedValues()
    {
        var response = await api.Client().PostAsync(Path, new StringContent("{\"type\":\"straddle\"}", Encoding.UTF8, "application/json"), Token);

        var message = Assert.Single(await ProblemAssert.HasFieldErrorAsync(response, "type"));
        Assert.Contains("\"call\"", message);
        Assert.Contains("\"put\"", message);
    }

    [Fact]
    public async Task Price_EmptyObject_ReportsEveryMissingFieldAtOnce()
    {
        var response = await api.Client().PostAsJsonAsync(Path, new { }, Token);

        var body = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = body.GetProperty("errors");
        foreach (var field in new[] { "type", "spot", "strike", "vol", "rate", "tenorYears" })
            Assert.True(errors.TryGetProperty(field, out _), $"errors does not name {field}: {errors}");
    }

    public static TheoryData<object, string> InvalidValues => new()
    {
        { new { type = "call", spot = -1.0, strike = 100, tenorYears = 1, vol = 0.2, rate = 0 }, "spot" },
        { new { type = "call", spot = 2e12, strike = 100, tenorYears = 1, vol = 0.2, rate = 0 }, "spot" },
        { new { type = "call", spot = 100, strike = -0.5, tenorYears = 1, vol = 0.2, rate = 0 }, "strike" },
        { new { type = "call", spot = 100, strike = 100, tenorYears = 1, vol = -0.2, rate = 0 }, "vol" },
        { new { type = "call", spot = 100, strike = 100, tenorYears = 1, vol = 155.0, rate = 0 }, "vol" },
        { new { type = "call", spot = 100, strike = 100, tenorYears = -0.1, vol = 0.2, rate = 0 }, "tenorYears" },
        { new { type = "call", spot = 100, strike = 100, tenorYears = 5000.0, vol = 0.2, rate = 0 }, "tenorYears" },
        { new { type = "call", spot = 100, strike = 100, tenorYears = 1, vol = 0.2, rate = 13.0 }, "rate" },
        { new { type = "call", spot = 100, forward = 100, strike = 100, tenorYears = 1, vol = 0.2, rate = 0 }, "forward" },
        { new { type = "call", forward = 100, strike = 100, tenorYears = 1, vol = 0.2, rate = 0, carryRate = 0.1 }, "carryRate" },
        { new { type = "call", spot = 100, strike = 100, tenorYears = 1, expiry = "2030-01-01T00:00:00Z", vol = 0.2, rate = 0 }, "expiry" },
        { new { type = "call", spot = 100, strike = 100, expiry = "2020-01-01T00:00:00Z", vol = 0.2, rate = 0 }, "expiry" },
        { new { type = "call", spot = 100, strike = 100, tenorYears = 1, valuationTime = "2026-01-01T00:00:00Z", vol = 0.2, rate = 0 }, "valuationTime" },
        { new { type = "call", style = "american", spot = 100, strike = 100, tenorYears = 1, vol = 0.2, rate = 0, engine = "analytic" }, "engine" },
    };

    [Theory, MemberData(nameof(InvalidValues))]
    public async Task Price_InvalidValue_Returns400SayingWhichFieldAndWhy(object request, string field)
    {
        var response = await api.Client().PostAsJsonAsync(Path, request, Token);

        var message = Assert.Single(await ProblemAssert.HasFieldErrorAsync(response, field));
        Assert.True(message.Length > 10, $"'{message}' does not say why");
    }

    [Fact]
    public async Task Price_ExpiredOption_SaysItHasExpiredRelativeToNow()
    {
        var expiry = api.Factory.Time.GetUtcNow().AddMinutes(-1);
        var response = await api.Client().PostAsJsonAsync(Path, new { type = "call", spot = 100, strike = 100, expiry, vol = 0.2, rate = 0 }, Token);

        Assert.Contains("expired", Assert.Single(await ProblemAssert.HasFieldErrorAsync(response, "expiry")));
    }

    [Fact]
    public async Task Price_WrongContentType_Returns415Problem()
    {
        var response = await api.Client().PostAsync(Path, new StringContent("type=call", Encoding.UTF8, "text/plain"), Token);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }
}
