using System.Net;
using System.Text;
using System.Text.Json;
using Analytics.Api.Tests.Infrastructure;

namespace Analytics.Api.Tests.Endpoints.Structures;

/// <summary>
/// POST /structures/price at the limits (issue 14 item 1): the same input bounds as POST /options/price (tenor ≤ 1000 years,
/// vol ≤ 100, rates in [−10, 10] with |x·T| ≤ 500), T = 0 priced at the intrinsic value and σ = 0 at the discounted
/// intrinsic value of the forward, K = 0 at the discounted forward (a call) or 0 (a put), each such leg reporting <c>limit</c>,
/// with the L2 model too (bid and ask the limit value ∓ gas). Expected
/// values are the closed forms of the limits (Hull, <i>Options, Futures, and Other Derivatives</i>, 8th ed., ch. 11: a
/// European option with no time or no vol left is worth max(ω(S·e^{(b−r)T} − K·e^{−rT}), 0)).
/// </summary>
public sealed class StructureLimitsEndpointTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<JsonElement> PriceAsync(string json)
    {
        var response = await api.Client().PostAsync("/api/v1/structures/price", new StringContent(json, Encoding.UTF8, "application/json"), Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Theory]
    [InlineData("european")]
    [InlineData("american")]
    public async Task Straddle_AtTenorZero_IsTheIntrinsicValue_AndEveryLegSaysExpiry(string style)
    {
        var body = await PriceAsync($$"""{"template":"straddle","strikes":[100],"spot":112,"tenorYears":0,"vol":0.6,"rate":0.05,"style":"{{style}}"}""");

        Assert.Equal(12.0, body.GetProperty("premium").GetDouble(), 1e-12);
        foreach (var leg in body.GetProperty("legs").EnumerateArray())
        {
            Assert.Equal("expiry", leg.GetProperty("limit").GetString());
            Assert.True(double.IsFinite(leg.GetProperty("greeks").GetProperty("delta").GetDouble()));
        }
    }

    [Fact]
    public async Task CustomLeg_ExpiringAtTheValuationTime_IsPricedAtIntrinsic_NextToALaterLeg()
    {
        var body = await PriceAsync("""
            {"spot":100,"vol":0.5,"rate":0.03,"valuationTime":"2026-12-01T08:00:00Z",
             "legs":[{"type":"put","strike":110,"expiry":"2026-12-01","quantity":-1},{"type":"put","strike":110,"tenorYears":0.5,"quantity":1}]}
            """);
        var legs = body.GetProperty("legs");

        Assert.Equal(0.0, legs[0].GetProperty("tenorYears").GetDouble());
        Assert.Equal(10.0, legs[0].GetProperty("price").GetDouble(), 1e-12);
        Assert.Equal("expiry", legs[0].GetProperty("limit").GetString());
        Assert.False(legs[1].TryGetProperty("limit", out _));
        Assert.True(legs[1].GetProperty("price").GetDouble() > 10.0 * Math.Exp(-0.03 * 0.5));
        Assert.Equal(0.0, body.GetProperty("firstExpiryYears").GetDouble());
    }

    [Fact]
    public async Task CallSpread_AtZeroVol_IsTheDiscountedIntrinsicValueOfTheForward()
    {
        const double s = 100, r = 0.05, q = 0.01, t = 2.0;
        var body = await PriceAsync("""{"template":"call-spread","type":"call","strikes":[90,120],"spot":100,"tenorYears":2,"vol":0,"rate":0.05,"dividendYield":0.01}""");
        double Call(double k) => Math.Max(s * Math.Exp(-q * t) - k * Math.Exp(-r * t), 0.0);

        Assert.Equal(Call(90) - Call(120), body.GetProperty("premium").GetDouble(), 1e-10);
        Assert.All(body.GetProperty("legs").EnumerateArray(), leg => Assert.Equal("zero-volatility", leg.GetProperty("limit").GetString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData(""","l2":{"chain":"arbitrum-one"}""")]
    public async Task ZeroStrikeLegs_CallIsTheDiscountedForward_PutIsWorthless(string l2)
    {
        // K = 0: a call pays S_T, worth S·e^{(b−r)T} = 100·e^{−0.01·0.5} = 99.50124791926824 (Haug 2007 §1.1.6 with K = 0);
        // a put pays max(0 − S_T, 0) = 0. Neither depends on σ, so with the L2 model (settled on the L2, no delay) bid and ask are
        // the premium ∓ the structure's one transaction of gas (Arbitrum One: 0.02 USD, appsettings.json).
        var body = await PriceAsync($$"""
            {"legs":[{"type":"call","strike":0,"tenorYears":0.5,"quantity":1},{"type":"put","strike":0,"tenorYears":0.5,"quantity":1}],
             "spot":100,"vol":0.4,"rate":0.05,"dividendYield":0.01{{l2}}}
            """);
        var legs = body.GetProperty("legs");

        Assert.Equal(99.50124791926824, body.GetProperty("premium").GetDouble(), 1e-10);
        Assert.Equal(99.50124791926824, legs[0].GetProperty("price").GetDouble(), 1e-10);
        Assert.Equal(0.0, legs[1].GetProperty("price").GetDouble());
        Assert.All(legs.EnumerateArray(), leg => Assert.Equal("zero-strike", leg.GetProperty("limit").GetString()));
        if (l2.Length == 0) return;
        var quote = body.GetProperty("l2");
        Assert.Equal(99.50124791926824 - 0.02, quote.GetProperty("bid").GetDouble(), 1e-10);
        Assert.Equal(99.50124791926824 + 0.02, quote.GetProperty("ask").GetDouble(), 1e-10);
    }

    [Fact]
    public async Task Straddle_AtTenorZeroAndAtZeroVol_WithL2_IsTheLimitValueWithGasSpread()
    {
        var expiring = await PriceAsync("""{"template":"straddle","strikes":[100],"spot":112,"tenorYears":0,"vol":0.3,"rate":0.05,"l2":{"chain":"arbitrum-one"}}""");
        var noVol = await PriceAsync("""{"template":"straddle","strikes":[100],"spot":100,"tenorYears":1,"vol":0,"rate":0.05,"l2":{"chain":"arbitrum-one"}}""");

        // T = 0: intrinsic |112 − 100| = 12. σ = 0, b = r: the call is worth S − K·e^{−rT} = 100 − 100·e^{−0.05} = 4.877057549928594,
        // the put 0. Bid and ask: the premium ∓ 0.02 of gas.
        Assert.Equal(12.0, expiring.GetProperty("premium").GetDouble(), 1e-12);
        Assert.Equal(12.0 - 0.02, expiring.GetProperty("l2").GetProperty("bid").GetDouble(), 1e-12);
        Assert.Equal(12.0 + 0.02, expiring.GetProperty("l2").GetProperty("ask").GetDouble(), 1e-12);
        Assert.Equal(4.877057549928594, noVol.GetProperty("premium").GetDouble(), 1e-12);
        Assert.Equal(4.877057549928594 - 0.02, noVol.GetProperty("l2").GetProperty("bid").GetDouble(), 1e-12);
        Assert.Equal(4.877057549928594 + 0.02, noVol.GetProperty("l2").GetProperty("ask").GetDouble(), 1e-12);
        Assert.All(noVol.GetProperty("legs").EnumerateArray(), leg => Assert.Equal("zero-volatility", leg.GetProperty("limit").GetString()));
    }

    [Fact]
    public async Task TenorsBeyond100Years_AndRatesBeyond1_ArePriced_WithinTheSharedBounds()
    {
        var longTenor = await PriceAsync("""{"template":"straddle","strikes":[100],"spot":100,"tenorYears":170,"vol":0.3,"rate":0.01}""");
        var highRate = await PriceAsync("""{"template":"straddle","strikes":[100],"spot":100,"tenorYears":1,"vol":0.3,"rate":2,"dividendYield":3}""");

        // A straddle is worth at least |F − K|·e^{−rT} and at most S·e^{−qT} + K·e^{−rT} (European bounds of each leg).
        Assert.InRange(longTenor.GetProperty("premium").GetDouble(), Math.Abs(100 - 100 * Math.Exp(-0.01 * 170)), 100 + 100 * Math.Exp(-0.01 * 170) + 1e-9);
        Assert.InRange(highRate.GetProperty("premium").GetDouble(), 0.0, 100 * Math.Exp(-3.0) + 100 * Math.Exp(-2.0) + 1e-9);
    }

    public static TheoryData<string, string> OutOfBounds() => new()
    {
        { """{"template":"straddle","strikes":[100],"spot":100,"tenorYears":1000.5,"vol":0.3,"rate":0.01}""", "tenorYears" },
        { """{"legs":[{"type":"call","strike":100,"tenorYears":1001,"quantity":1}],"spot":100,"vol":0.3,"rate":0.01}""", "legs[0].tenorYears" },
        { """{"template":"straddle","strikes":[100],"spot":100,"tenorYears":1,"vol":100.5,"rate":0.01}""", "vol" },
        { """{"template":"straddle","strikes":[100],"spot":100,"tenorYears":1,"vol":0.3,"rate":10.5}""", "rate" },
        { """{"template":"straddle","strikes":[100],"spot":100,"tenorYears":100,"vol":0.3,"rate":6}""", "rate" },
        { """{"template":"straddle","strikes":[100],"spot":100,"tenorYears":100,"vol":0.3,"rate":0,"dividendYield":-6}""", "dividendYield" },
        { """{"template":"straddle","strikes":[100],"spot":100,"tenorYears":-1e-300,"vol":0.3,"rate":0.01}""", "tenorYears" },
        { """{"legs":[{"type":"call","strike":-1,"tenorYears":1,"quantity":1}],"spot":100,"vol":0.3,"rate":0.01}""", "legs[0].strike" },
        { """{"template":"call-spread","type":"call","strikes":[-10,100],"spot":100,"tenorYears":1,"vol":0.3,"rate":0.01}""", "strikes[0]" },
    };

    [Theory]
    [MemberData(nameof(OutOfBounds))]
    public async Task OutsideTheSharedBounds_Is400NamingTheField(string json, string field)
    {
        var response = await api.Client().PostAsync("/api/v1/structures/price", new StringContent(json, Encoding.UTF8, "application/json"), Token);

        await ProblemAssert.HasFieldErrorAsync(response, field);
    }

    /// <summary>
    /// Found by 300 random structures (legs with strike 0, vols to 50, tenors to 30 years, American and European, with l2):
    /// 54 answered 500. A strike-0 leg beside a later leg broke the payoff analysis (it valued the later leg at the first
    /// expiry through the engines' inputs, which refuse K = 0), and an American leg whose lattice would need more than its
    /// steps broke the L2 model, which called the engine without the fallback the single price has. The strike-0 call of the
    /// later leg is worth S·e^{(b−r)τ} at the first expiry (Merton 1973: a call on K = 0 is the asset less its payouts).
    /// </summary>
    [Fact]
    public async Task StrikeZeroLegBesideAnEarlierLeg_IsPriced_WithTheBreakEvensOfItsLimit()
    {
        var body = await PriceAsync("""
            {"spot":100,"vol":3,"rate":0.05,"dividendYield":0.02,
             "legs":[{"type":"call","strike":0.001,"tenorYears":1,"quantity":1},{"type":"call","strike":0,"tenorYears":10,"quantity":-1}],
             "l2":{"chain":"arbitrum-one"}}
            """);

        var legs = body.GetProperty("legs");
        Assert.Equal("zero-strike", legs[1].GetProperty("limit").GetString());
        Assert.Equal(100.0 * Math.Exp(-0.02 * 10.0), legs[1].GetProperty("price").GetDouble(), 1e-9);
        Assert.True(double.IsFinite(body.GetProperty("premium").GetDouble()));
    }

    [Fact]
    public async Task AmericanLegBeyondTheLatticeSteps_WithL2_IsPricedAtTheFallback_NotA500()
    {
        var response = await api.Client().PostAsync("/api/v1/structures/price", new StringContent(
            """{"spot":1000000,"rate":-0.5,"dividendYield":0,"legs":[{"type":"call","strike":150,"tenorYears":10,"quantity":-2,"vol":50,"style":"american"}],"l2":{"chain":"arbitrum-one"}}""",
            Encoding.UTF8, "application/json"), Token);
        var text = await response.Content.ReadAsStringAsync(Token);

        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var body = JsonDocument.Parse(text).RootElement;
        var leg = body.GetProperty("legs")[0];
        Assert.Equal("extreme-inputs", leg.GetProperty("limit").GetString());
        // Merton's bounds of an American call: at least S − K, at most S·max(1, e^{(b−r)T}) = S here (b = r, q = 0).
        double price = leg.GetProperty("price").GetDouble();
        Assert.InRange(price, 1_000_000.0 - 150.0, 1_000_000.0 * (1 + 1e-12));
        var l2 = body.GetProperty("l2");
        Assert.True(l2.GetProperty("bid").GetDouble() <= l2.GetProperty("ask").GetDouble(), l2.ToString());
    }
}
