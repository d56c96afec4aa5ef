using System.Net;
using System.Text;
using System.Text.Json;
using Analytics.Api.Tests.Infrastructure;

namespace Analytics.Api.Tests.Endpoints.L2;

/// <summary>
/// POST /api/v1/options/price, /price/batch and /l2/compare with an <c>l2</c> block at tenor 0, strike 0, vol 0 and spot 0
/// (issue 14 item 1): the limit value settled over the withdrawal delay, with bid and ask the mid ∓ gas (σ does not move the
/// value there, and at σ = 0 and S = 0 the Leland hedging cost vanishes; PRODUCT.md §3.4).
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

    [Fact]
    public async Task Price_ZeroVolWithL2_IsTheDiscountedIntrinsicOfTheForwardWithGasSpreadAndNoLelandNumber()
    {
        var body = await PostAsync("/api/v1/options/price",
            """{"type":"call","spot":100,"strike":90,"tenorYears":1,"vol":0,"rate":0.05,"l2":{"chain":"base"}}""");

        // σ = 0, b = r: V = S − K·e^{−rT} = 100 − 90·e^{−0.05} = 14.389351794935735 (Merton 1973's bound, the σ → 0 limit of
        // Black-Scholes-Merton); Leland's adjusted variance σ² ± σ·sqrt(2/π)·k/sqrt(Δt) → 0, so bid/ask = V ∓ gas.
        const double mid = 14.389351794935735;
        var l2 = body.GetProperty("l2");
        Assert.Equal(mid, body.GetProperty("price").GetDouble(), 1e-12);
        Assert.Equal(mid - Gas, l2.GetProperty("bid").GetDouble(), 1e-12);
        Assert.Equal(mid + Gas, l2.GetProperty("ask").GetDouble(), 1e-12);
        Assert.Equal(JsonValueKind.Null, l2.GetProperty("lelandNumber").ValueKind);
        Assert.Equal(0.0, l2.GetProperty("volBid").GetDouble());
        Assert.Equal(0.0, l2.GetProperty("volAsk").GetDouble());
        Assert.Equal("zero-volatility", body.GetProperty("limit").GetString());
    }

    [Fact]
    public async Task Price_ZeroSpotWithL2_PutIsTheDiscountedStrike_CallIsWorthless()
    {
        var put = await PostAsync("/api/v1/options/price",
            """{"type":"put","spot":0,"strike":100,"tenorYears":1,"vol":0.2,"rate":0.05,"l2":{"chain":"base"}}""");
        var call = await PostAsync("/api/v1/options/price",
            """{"type":"call","spot":0,"strike":100,"tenorYears":1,"vol":0.2,"rate":0.05,"l2":{"chain":"base"}}""");

        // S = 0 is absorbing: the put pays K for sure, K·e^{−rT} = 100·e^{−0.05} = 95.1229424500714; nothing is hedged.
        Assert.Equal(95.1229424500714, put.GetProperty("price").GetDouble(), 1e-12);
        Assert.Equal(95.1229424500714 - Gas, put.GetProperty("l2").GetProperty("bid").GetDouble(), 1e-12);
        Assert.Equal(95.1229424500714 + Gas, put.GetProperty("l2").GetProperty("ask").GetDouble(), 1e-12);
        Assert.Equal(JsonValueKind.Null, put.GetProperty("l2").GetProperty("lelandNumber").ValueKind);
        Assert.Equal(JsonValueKind.Null, put.GetProperty("l2").GetProperty("roundTripCostRate").ValueKind);
        Assert.Equal("zero-spot", put.GetProperty("limit").GetString());
        Assert.Equal(0.0, call.GetProperty("price").GetDouble());
        Assert.Equal(-Gas, call.GetProperty("l2").GetProperty("bid").GetDouble(), 1e-15);
        Assert.Equal("zero-spot", call.GetProperty("limit").GetString());
    }

    [Fact]
    public async Task PriceBatch_ZeroVolAndZeroSpotWithL2_PricedInTheirSlots()
    {
        var results = (await PostAsync("/api/v1/options/price/batch", """
            {"options":[
              {"type":"call","spot":100,"strike":90,"tenorYears":1,"vol":0,"rate":0.05,"l2":{"chain":"base"}},
              {"type":"put","spot":0,"strike":100,"tenorYears":1,"vol":0.2,"rate":0.05,"l2":{"chain":"base"}}
            ]}
            """)).GetProperty("results").EnumerateArray().ToList();

        Assert.Equal(14.389351794935735, results[0].GetProperty("price").GetDouble(), 1e-12);
        Assert.Equal("zero-volatility", results[0].GetProperty("limit").GetString());
        Assert.Equal(95.1229424500714 + Gas, results[1].GetProperty("l2").GetProperty("ask").GetDouble(), 1e-12);
        Assert.Equal("zero-spot", results[1].GetProperty("limit").GetString());
    }

    /// <summary>The four limits on POST /l2/compare, with the mid each chain must quote (settled on the L2: no delay): T = 0 ITM put,
    /// intrinsic 10; σ = 0 call, 100 − 90·e^{−0.05}; K = 0 call, S·e^{(b−r)T} = 100·e^{−0.01·0.5}; S = 0 put, 100·e^{−0.05}.</summary>
    public static TheoryData<string, double, string> CompareLimits() => new()
    {
        { """{"type":"put","spot":90,"strike":100,"tenorYears":0,"vol":0.2,"rate":0.05}""", 10.0, "expiry" },
        { """{"type":"call","spot":100,"strike":90,"tenorYears":1,"vol":0,"rate":0.05}""", 14.389351794935735, "zero-volatility" },
        { """{"type":"call","spot":100,"strike":0,"tenorYears":0.5,"vol":0.2,"rate":0.05,"dividendYield":0.01}""", 99.50124791926824, "zero-strike" },
        { """{"type":"put","spot":0,"strike":100,"tenorYears":1,"vol":0.2,"rate":0.05}""", 95.1229424500714, "zero-spot" },
    };

    [Theory]
    [MemberData(nameof(CompareLimits))]
    public async Task Compare_AtEachLimit_EveryChainQuotesTheLimitValueWithGasSpread(string json, double mid, string limit)
    {
        var quotes = (await PostAsync("/api/v1/l2/compare", json)).GetProperty("results").EnumerateArray().ToList();

        Assert.NotEmpty(quotes);
        foreach (var quote in quotes)
        {
            var gas = quote.GetProperty("gasPerContractUsd").GetDouble();
            Assert.Equal(mid, quote.GetProperty("price").GetDouble(), 1e-10);
            Assert.Equal(mid - gas, quote.GetProperty("bid").GetDouble(), 1e-10);
            Assert.Equal(mid + gas, quote.GetProperty("ask").GetDouble(), 1e-10);
            Assert.Equal(limit, quote.GetProperty("limit").GetString());
        }
    }

    [Fact]
    public async Task Price_ZeroSpotCallWithL2_WritesNoNegativeZeroGreek()
    {
        // At S = 0 a call's theta is −ω·w·(…) with w = 0 and its charm −ω·w·(b − r)·A: both −0 in IEEE arithmetic, written as 0.
        var response = await api.Client().PostAsync("/api/v1/options/price", new StringContent(
            """{"type":"call","spot":0,"strike":100,"tenorYears":1,"vol":0.2,"rate":0.05,"l2":{"chain":"base"}}""", Encoding.UTF8, "application/json"), Token);
        var text = await response.Content.ReadAsStringAsync(Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var greek in JsonDocument.Parse(text).RootElement.GetProperty("greeks").EnumerateObject())
            Assert.False(double.IsNegative(greek.Value.GetDouble()) && greek.Value.GetDouble() == 0.0, $"{greek.Name} is -0 in {text}");
        Assert.DoesNotContain(":-0,", text);
        Assert.DoesNotContain(":-0}", text);
    }
}
