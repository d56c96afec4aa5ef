using System.Net;
using System.Text;
using System.Text.Json;
using Analytics.Api.Tests.Infrastructure;

namespace Analytics.Api.Tests.Endpoints.L2;

/// <summary>
/// POST /api/v1/options/price and /price/batch with an <c>l2</c> block at tenor 0 and strike 0 (issue 14 item 1): the limit
/// value settled over the withdrawal delay, with bid and ask the mid ∓ gas (σ does not move the value there; PRODUCT.md §3.4).
/// Base's profile (appsettings.json): gas 0.01 USD, withdrawal delay 168 h; settlement defaults to the L2 (no delay).
/// Expected values are computed by hand from those formulas.
/// </summary>
public sealed class L2PricingLimitsEndpointTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;
    private const double Gas = 0.01;

    private async Task<JsonElement> PostAsync(string path, string json)
    {
        var response = await api.Client().PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"), Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task Price_ExpiryInstantAtTheMoneyWithL2_Answers200WithZeroMidAndGasSpread()
    {
        var body = await PostAsync("/api/v1/options/price",
            """{"type":"call","spot":100,"strike":100,"tenorYears":0,"vol":0.2,"rate":0.05,"l2":{"chain":"base"}}""");

        // At the money on the expiry instant: intrinsic 0; delta ½ (the T → 0 limit of Φ(d₁) with S = K).
        Assert.Equal(0.0, body.GetProperty("price").GetDouble());
        Assert.Equal(0.5, body.GetProperty("greeks").GetProperty("delta").GetDouble());
        Assert.Equal(-Gas, body.GetProperty("l2").GetProperty("bid").GetDouble(), 1e-15);
        Assert.Equal(Gas, body.GetProperty("l2").GetProperty("ask").GetDouble(), 1e-15);
        Assert.Equal("expiry", body.GetProperty("limit").GetString());
    }

    [Fact]
    public async Task Price_ExpiryInstantInTheMoneySettledOnL1_IsIntrinsicDiscountedOverTheDelay()
    {
        var body = await PostAsync("/api/v1/options/price",
            """{"type":"call","spot":110,"strike":100,"tenorYears":0,"vol":0.2,"rate":0.05,"l2":{"chain":"base","settlement":"l1"}}""");

        // 10 · e^{−0.05 · 168/8760} = 9.990415554920403.
        const double mid = 9.990415554920403;
        Assert.Equal(mid, body.GetProperty("price").GetDouble(), 1e-12);
        Assert.Equal(mid - Gas, body.GetProperty("l2").GetProperty("bid").GetDouble(), 1e-12);
        Assert.Equal(mid + Gas, body.GetProperty("l2").GetProperty("ask").GetDouble(), 1e-12);
    }

    [Fact]
    public async Task PriceBatch_ZeroStrikeCallAndExpiryInstantWithL2_PricedInTheirSlots()
    {
        var results = (await PostAsync("/api/v1/options/price/batch", """
            {"options":[
              {"type":"call","spot":100,"strike":0,"tenorYears":0.5,"vol":0.2,"rate":0.05,"dividendYield":0.01,"l2":{"chain":"base"}},
              {"type":"put","spot":90,"strike":100,"tenorYears":0,"vol":0.2,"rate":0.05,"l2":{"chain":"base"}}
            ]}
            """)).GetProperty("results").EnumerateArray().ToList();

        // K = 0 call: S·e^{(b−r)T} = 100 · e^{−0.01 · 0.5} = 99.50124791926824; T = 0 put: intrinsic 10.
        Assert.Equal(99.50124791926824, results[0].GetProperty("price").GetDouble(), 1e-10);
        Assert.Equal(99.50124791926824 + Gas, results[0].GetProperty("l2").GetProperty("ask").GetDouble(), 1e-10);
        Assert.Equal(10.0, results[1].GetProperty("price").GetDouble());
        Assert.Equal(10.0 - Gas, results[1].GetProperty("l2").GetProperty("bid").GetDouble(), 1e-12);
    }

    [Theory]
    [InlineData("""{"type":"call","spot":0,"strike":100,"tenorYears":1,"vol":0.2,"rate":0.05,"l2":{"chain":"base"}}""", "spot")]
    [InlineData("""{"type":"call","spot":100,"strike":100,"tenorYears":1,"vol":0,"rate":0.05,"l2":{"chain":"base"}}""", "vol")]
    public async Task Price_ZeroSpotOrVolWithL2_StillReturns400NamingTheField(string json, string field)
    {
        var response = await api.Client().PostAsync("/api/v1/options/price", new StringContent(json, Encoding.UTF8, "application/json"), Token);

        await ProblemAssert.HasFieldErrorAsync(response, field);
    }
}
