using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Analytics.Api.Tests.Infrastructure;
using Analytics.Pricing.Engines;
using Analytics.Pricing.QuantLib;
using Analytics.TestSupport;

namespace Analytics.Api.Tests.Endpoints;

/// <summary>
/// Issue 14 item 1 through HTTP: an option on its expiry instant, with zero vol, zero strike or zero spot is priced by every
/// engine at its exact closed-form limit (and says which in <c>limit</c>); vol 100, a dividend yield of 10, a 170-year tenor
/// and negative rates are priced with finite Greeks inside the no-arbitrage bounds; only what is not an option, or beyond
/// the documented bounds, is a 400 naming the field.
/// </summary>
public sealed class PricingLimitsEndpointTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private Task<HttpResponseMessage> PostAsync(string path, string body) =>
        // A key: quantlib-fd at 170 years (its 100-year grid, 5,000 × 800 cells) is estimated at 4 s of CPU, over the anonymous budget per request.
        api.Client(TestKeys.Reader).PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"), Token);

    private async Task<JsonElement> PriceAsync(string body)
    {
        var response = await PostAsync("/api/v1/options/price", body);
        var text = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{body} → {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Every engine with each style it prices.</summary>
    public static TheoryData<string, string> EnginesAndStyles()
    {
        var data = new TheoryData<string, string>();
        foreach (var engine in EngineRegistry.All)
            foreach (var style in engine.Styles)
                data.Add(engine.Id, style == OptionExerciseStyle.American ? "american" : "european");
        return data;
    }

    private static void RequireQuantLibFor(string engine)
    {
        if (!engine.StartsWith("quantlib-", StringComparison.Ordinal)) return;
        var quantLib = QuantLibVanillaOptionPricer.Default;
        Requirement.Require(quantLib.IsAvailable, "QuantLib", "apt-get install -y libquantlib0-dev swig g++, then rebuild", quantLib.UnavailableReason);
    }

    private static string Body(string engine, string style, string type, double spot, double strike, double tenorYears, double vol,
        double rate, double dividendYield = 0) =>
        string.Create(CultureInfo.InvariantCulture,
            $$"""{"type":"{{type}}","style":"{{style}}","engine":"{{engine}}","spot":{{spot:R}},"strike":{{strike:R}},"tenorYears":{{tenorYears:R}},"vol":{{vol:R}},"rate":{{rate:R}},"dividendYield":{{dividendYield:R}}}""");

    private static void AllGreeksFinite(JsonElement priced)
    {
        Assert.True(double.IsFinite(priced.GetProperty("price").GetDouble()));
        foreach (var greek in priced.GetProperty("greeks").EnumerateObject())
            Assert.True(double.IsFinite(greek.Value.GetDouble()), $"{greek.Name} = {greek.Value}");
    }

    [Theory]
    [MemberData(nameof(EnginesAndStyles))]
    public async Task Price_OnItsExpiryInstant_IsIntrinsicWithStepDelta(string engine, string style)
    {
        RequireQuantLibFor(engine);

        var call = await PriceAsync(Body(engine, style, "call", 110, 100, 0, 0.8, 0.05));
        var put = await PriceAsync(Body(engine, style, "put", 110, 100, 0, 0.8, 0.05));
        var atTheMoney = await PriceAsync(Body(engine, style, "put", 100, 100, 0, 0.8, 0.05));

        Assert.Equal(10.0, call.GetProperty("price").GetDouble());
        Assert.Equal(1.0, call.GetProperty("greeks").GetProperty("delta").GetDouble());
        Assert.Equal(0.0, put.GetProperty("price").GetDouble());
        Assert.Equal(0.0, put.GetProperty("greeks").GetProperty("delta").GetDouble());
        Assert.Equal(-0.5, atTheMoney.GetProperty("greeks").GetProperty("delta").GetDouble()); // the documented convention at the money
        Assert.Equal(0.0, call.GetProperty("greeks").GetProperty("gamma").GetDouble());
        Assert.Equal("expiry", call.GetProperty("limit").GetString());
        Assert.Equal("closed-form", call.GetProperty("greeksMethod").GetString());
        AllGreeksFinite(call);
    }

    [Theory]
    [MemberData(nameof(EnginesAndStyles))]
    public async Task Price_WithZeroVol_IsTheDiscountedIntrinsicValueOfTheForward_OrTheBestExerciseTime(string engine, string style)
    {
        RequireQuantLibFor(engine);
        // S = 90, K = 100, r = 5 %, T = 1: the forward path S·e^{rt} stays below K, so a European put is worth K·e^{−r} − S =
        // 5.1229424500714…, an American put K − S = 10 (exercise now beats waiting: e^{−rt}(K − S·e^{rt}) = K·e^{−rt} − S falls in t).
        var put = await PriceAsync(Body(engine, style, "put", 90, 100, 1, 0, 0.05));
        // The call: F = 90·e^{0.05·1} − … < K, worthless on the deterministic path.
        var call = await PriceAsync(Body(engine, style, "call", 90, 100, 1, 0, 0.05));

        var expectedPut = style == "american" ? 10.0 : 100 * Math.Exp(-0.05) - 90;
        Assert.Equal(expectedPut, put.GetProperty("price").GetDouble(), 12);
        Assert.Equal(style == "american" ? -1.0 : -1.0, put.GetProperty("greeks").GetProperty("delta").GetDouble(), 12);
        Assert.Equal(0.0, call.GetProperty("price").GetDouble());
        Assert.Equal("zero-volatility", put.GetProperty("limit").GetString());
        AllGreeksFinite(put);
    }

    [Theory]
    [MemberData(nameof(EnginesAndStyles))]
    public async Task Price_WithZeroStrikeOrZeroSpot_IsTheClosedForm(string engine, string style)
    {
        RequireQuantLibFor(engine);
        const double s = 100, k = 100, t = 2, r = 0.05, q = 0.03;

        var zeroStrikeCall = await PriceAsync(Body(engine, style, "call", s, 0, t, 0.6, r, q));
        var zeroStrikePut = await PriceAsync(Body(engine, style, "put", s, 0, t, 0.6, r, q));
        var zeroSpotPut = await PriceAsync(Body(engine, style, "put", 0, k, t, 0.6, r, q));
        var zeroSpotCall = await PriceAsync(Body(engine, style, "call", 0, k, t, 0.6, r, q));

        // K = 0: the call pays S_T, worth S·e^{−qT} held to expiry; exercised now (American, q > 0) it is worth S.
        Assert.Equal(style == "american" ? s : s * Math.Exp(-q * t), zeroStrikeCall.GetProperty("price").GetDouble(), 12);
        Assert.Equal(0.0, zeroStrikePut.GetProperty("price").GetDouble());
        // S = 0: the underlying stays at 0; the put pays K, at expiry (K·e^{−rT}) or now (American, r > 0: K).
        Assert.Equal(style == "american" ? k : k * Math.Exp(-r * t), zeroSpotPut.GetProperty("price").GetDouble(), 12);
        Assert.Equal(0.0, zeroSpotCall.GetProperty("price").GetDouble());
        Assert.Equal("zero-strike", zeroStrikeCall.GetProperty("limit").GetString());
        Assert.Equal("zero-spot", zeroSpotPut.GetProperty("limit").GetString());
        AllGreeksFinite(zeroStrikeCall);
        AllGreeksFinite(zeroSpotPut);
    }

    [Theory]
    [MemberData(nameof(EnginesAndStyles))]
    public async Task Price_ExtremeButFiniteInputs_AreFiniteAndInsideTheNoArbitrageBounds(string engine, string style)
    {
        RequireQuantLibFor(engine);
        (double Vol, double Rate, double Yield, double Tenor)[] extremes = [(100, 0.05, 0, 1), (0.5, 0.05, 10, 1), (0.5, 0.02, 0, 170), (0.6, -0.05, 0, 1), (0.6, -0.05, 0.02, 10)];
        foreach (var (vol, rate, yield, tenor) in extremes)
        foreach (var type in new[] { "call", "put" })
        {
            var priced = await PriceAsync(Body(engine, style, type, 100, 100, tenor, vol, rate, yield));
            AllGreeksFinite(priced);
            var price = priced.GetProperty("price").GetDouble();
            var discount = Math.Exp(-rate * tenor);
            var carryDiscount = Math.Exp(-yield * tenor);
            // Merton (1973): a call is worth at most S·e^{−qT}, a put at most K·e^{−rT}; American: S·max(1, e^{−qT}), K·max(1, e^{−rT}).
            var upper = type == "call"
                ? 100 * (style == "american" ? Math.Max(1, carryDiscount) : carryDiscount)
                : 100 * (style == "american" ? Math.Max(1, discount) : discount);
            Assert.True(price >= 0 && price <= upper * (1 + 1e-6), $"{engine} {style} {type} σ={vol} r={rate} q={yield} T={tenor}: {price} not in [0, {upper}]");
            var delta = priced.GetProperty("greeks").GetProperty("delta").GetDouble();
            Assert.True(type == "call" ? delta is >= -1e-3 and <= 1.001 : delta is <= 1e-3 and >= -1.001, $"{engine} {style} {type} σ={vol} r={rate} q={yield} T={tenor}: delta {delta}");
        }
    }

    [Fact]
    public async Task Price_ExpiryEqualToTheValuationTime_IsTheExpiryLimit_AndAnExpiryBeforeItIs400()
    {
        var onExpiry = await PriceAsync("""{"type":"call","spot":2000,"strike":1900,"expiry":"2026-09-25T08:00:00Z","valuationTime":"2026-09-25T08:00:00Z","vol":0.7,"rate":0.05}""");
        Assert.Equal(100.0, onExpiry.GetProperty("price").GetDouble());
        Assert.Equal("expiry", onExpiry.GetProperty("limit").GetString());

        await ProblemAssert.HasFieldErrorAsync(await PostAsync("/api/v1/options/price",
            """{"type":"call","spot":2000,"strike":1900,"expiry":"2026-09-25T08:00:00Z","valuationTime":"2026-09-25T09:00:00Z","vol":0.7,"rate":0.05}"""), "expiry");
    }

    [Fact]
    public async Task Price_AnOrdinaryOption_HasNoLimitField()
    {
        var priced = await PriceAsync(Body("analytic", "european", "call", 100, 100, 1, 0.2, 0.05));
        Assert.False(priced.TryGetProperty("limit", out _));
        Assert.Equal(10.450583572185579, priced.GetProperty("price").GetDouble(), 9); // Hull's BSM call, S = K = 100, r = 5 %, σ = 20 %, T = 1
    }

    [Theory]
    [InlineData("european")]
    [InlineData("american")]
    public async Task Price_ForwardUnderflowing_IsTheLimit_CallZero_PutTheStrike(string style)
    {
        // S = 1e-300, q·T = 500: F = S·e^{(r−q)T} = 1e-300·e^{−500} is below the smallest double. With r = 0 the put is worth K
        // (exercise never pays early at r = 0, and the European put's value K·e^{−rT} − S·e^{−qT} + C is K to rounding), the call 0.
        foreach (var (type, expected) in new[] { ("put", 100.0), ("call", 0.0) })
        {
            var body = await PriceAsync($$"""{"type":"{{type}}","spot":1e-300,"strike":100,"tenorYears":50,"vol":0.3,"rate":0,"dividendYield":10,"style":"{{style}}"}""");

            Assert.Equal(expected, body.GetProperty("price").GetDouble(), 1e-12);
            foreach (var greek in body.GetProperty("greeks").EnumerateObject())
                Assert.True(double.IsFinite(greek.Value.GetDouble()), $"{type} {greek.Name}");
        }
    }

    [Theory]
    [InlineData("""{"type":"call","spot":100,"strike":-1,"tenorYears":1,"vol":0.2,"rate":0.05}""", "strike")]
    [InlineData("""{"type":"call","spot":-1,"strike":100,"tenorYears":1,"vol":0.2,"rate":0.05}""", "spot")]
    [InlineData("""{"type":"call","spot":100,"strike":100,"tenorYears":1,"vol":-0.2,"rate":0.05}""", "vol")]
    [InlineData("""{"type":"call","spot":100,"strike":100,"tenorYears":1,"vol":100.5,"rate":0.05}""", "vol")]
    [InlineData("""{"type":"call","spot":100,"strike":100,"tenorYears":-1,"vol":0.2,"rate":0.05}""", "tenorYears")]
    [InlineData("""{"type":"call","spot":100,"strike":100,"tenorYears":1001,"vol":0.2,"rate":0.05}""", "tenorYears")]
    [InlineData("""{"type":"call","spot":100,"strike":100,"tenorYears":1,"vol":0.2,"rate":11}""", "rate")]
    [InlineData("""{"type":"call","spot":100,"strike":100,"tenorYears":170,"vol":0.2,"rate":5}""", "rate")]
    [InlineData("""{"type":"call","spot":100,"strike":100,"tenorYears":170,"vol":0.2,"rate":0.05,"dividendYield":10}""", "dividendYield")]
    [InlineData("""{"type":"call","spot":1e13,"strike":100,"tenorYears":1,"vol":0.2,"rate":0.05}""", "spot")]
    [InlineData("""{"type":"call","spot":100,"strike":100,"tenorYears":50,"vol":0.2,"rate":-10,"carryRate":10}""", "carryRate")]
    [InlineData("""{"type":"call","spot":100,"strike":100,"tenorYears":1,"vol":"NaN","rate":0.05}""", "vol")]
    [InlineData("""{"type":"call","spot":100,"strike":100,"tenorYears":5e-324,"vol":0.2,"rate":0.05}""", "tenorYears")]
    [InlineData("""{"type":"call","spot":100,"strike":100,"tenorYears":1,"vol":1e-310,"rate":0.05}""", "vol")]
    public async Task Price_NotAnOptionOrBeyondTheBounds_Is400NamingTheField(string body, string field) =>
        await ProblemAssert.HasFieldErrorAsync(await PostAsync("/api/v1/options/price", body), field);

    [Theory]
    [InlineData("/api/v1/options/implied-vol", """{"type":"call","spot":100,"strike":100,"tenorYears":1001,"price":10,"rate":0.05}""", "tenorYears")]
    [InlineData("/api/v1/options/implied-vol", """{"type":"call","spot":100,"strike":100,"tenorYears":0,"price":10,"rate":0.05}""", "tenorYears")]
    [InlineData("/api/v1/l2/compare", """{"type":"call","spot":100,"strike":100,"tenorYears":1,"vol":0.2,"rate":11}""", "rate")]
    public async Task OtherEndpoints_SameBounds_Are400NamingTheField(string path, string body, string field) =>
        await ProblemAssert.HasFieldErrorAsync(await PostAsync(path, body), field);
}
