using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Analytics.Api.Tests.Infrastructure;

namespace Analytics.Api.Tests.Endpoints.Structures;

/// <summary>
/// POST /structures/price with expiries (issue 14 item 4; PRODUCT.md §5: an expiry with a valuation time, or
/// <c>tenorYears</c>): a template's <c>expiry</c>, a calendar's <c>farExpiry</c>, custom legs' <c>expiry</c>; a date alone is
/// 08:00 UTC; tenors are Act/365F from <c>valuationTime</c>; both forms for one leg is a 400 naming the field.
/// </summary>
public sealed class StructureExpiryTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private const string Valuation = "2026-12-01T08:00:00Z";

    /// <summary>Act/365F from 2026-12-01T08:00Z: 24 days to 2026-12-25T08:00Z, 115 days to 2027-03-26T08:00Z.</summary>
    private const double NearYears = 24.0 / 365.0, FarYears = 115.0 / 365.0;

    private async Task<JsonElement> PriceAsync(object body)
    {
        var response = await api.Client().PostAsJsonAsync("/api/v1/structures/price", body, Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static double Number(JsonElement e, string name) => e.GetProperty(name).GetDouble();

    private static void SamePricing(JsonElement expected, JsonElement actual)
    {
        Assert.Equal(Number(expected, "premium"), Number(actual, "premium"), 1e-12);
        var (a, b) = (expected.GetProperty("legs"), actual.GetProperty("legs"));
        Assert.Equal(a.GetArrayLength(), b.GetArrayLength());
        for (var i = 0; i < a.GetArrayLength(); i++)
        {
            Assert.Equal(Number(a[i], "tenorYears"), Number(b[i], "tenorYears"), 1e-15);
            Assert.Equal(Number(a[i], "price"), Number(b[i], "price"), 1e-12);
        }
        Assert.Equal(Number(expected.GetProperty("l2"), "bid"), Number(actual.GetProperty("l2"), "bid"), 1e-12);
        Assert.Equal(Number(expected.GetProperty("l2"), "ask"), Number(actual.GetProperty("l2"), "ask"), 1e-12);
    }

    [Fact]
    public async Task ServedOpenApiExample_UsesExpiries_AndPricesWithAQuoteThatDoesNotCross()
    {
        var document = JsonNode.Parse(await api.Client().GetStringAsync("/swagger/v1/swagger.json", Token))!;
        var example = document["paths"]!["/api/v1/structures/price"]!["post"]!["requestBody"]!["content"]!["application/json"]!["example"]!;
        Assert.NotNull(example["expiry"]);
        Assert.NotNull(example["farExpiry"]);

        var response = await api.Client().PostAsync("/api/v1/structures/price", new StringContent(example.ToJsonString(), Encoding.UTF8, "application/json"), Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var l2 = JsonDocument.Parse(text).RootElement.GetProperty("l2");
        Assert.True(Number(l2, "bid") <= Number(l2, "mid") && Number(l2, "mid") <= Number(l2, "ask"), text);
    }

    [Fact]
    public async Task Template_ExpiryAndTenorYears_PriceTheSame()
    {
        var byYears = await PriceAsync(new
        {
            template = "butterfly", type = "call", strikes = new[] { 2800, 3000, 3200 }, spot = 3000, tenorYears = FarYears, vol = 0.6, rate = 0.04,
            l2 = new { chain = "arbitrum-one" },
        });
        var byExpiry = await PriceAsync(new
        {
            template = "butterfly", type = "call", strikes = new[] { 2800, 3000, 3200 }, spot = 3000, expiry = "2027-03-26T08:00:00Z",
            valuationTime = Valuation, vol = 0.6, rate = 0.04, l2 = new { chain = "arbitrum-one" },
        });

        SamePricing(byYears, byExpiry);
        Assert.Equal(FarYears, Number(byExpiry.GetProperty("legs")[0], "tenorYears"), 1e-15);
        Assert.Equal(DateTimeOffset.Parse(Valuation, CultureInfo.InvariantCulture), byExpiry.GetProperty("valuationTime").GetDateTimeOffset());
        Assert.All(byExpiry.GetProperty("legs").EnumerateArray(),
            leg => Assert.Equal(new DateTimeOffset(2027, 3, 26, 8, 0, 0, TimeSpan.Zero), leg.GetProperty("expiry").GetDateTimeOffset()));
        Assert.False(byYears.TryGetProperty("valuationTime", out _), "no valuationTime without expiries or a surface");
        Assert.False(byYears.GetProperty("legs")[0].TryGetProperty("expiry", out _), "no leg expiry for a tenor in years");
    }

    [Fact]
    public async Task DateOnlyExpiry_Means0800Utc()
    {
        object Calendar(string near, string far) => new
        {
            template = "calendar", type = "put", strikes = new[] { 3000 }, spot = 3000, expiry = near, farExpiry = far, valuationTime = Valuation,
            vol = 0.6, rate = 0.04, l2 = new { chain = "arbitrum-one" },
        };

        var dates = await PriceAsync(Calendar("2026-12-25", "2027-03-26"));
        var instants = await PriceAsync(Calendar("2026-12-25T08:00:00Z", "2027-03-26T08:00:00Z"));
        var midnight = await PriceAsync(Calendar("2026-12-25T00:00:00Z", "2027-03-26T00:00:00Z"));

        SamePricing(instants, dates);
        Assert.Equal(NearYears, Number(dates.GetProperty("legs")[0], "tenorYears"), 1e-15);
        Assert.Equal(new DateTimeOffset(2026, 12, 25, 8, 0, 0, TimeSpan.Zero), dates.GetProperty("legs")[0].GetProperty("expiry").GetDateTimeOffset());
        Assert.Equal((24.0 - 8.0 / 24.0) / 365.0, Number(midnight.GetProperty("legs")[0], "tenorYears"), 1e-15);
    }

    [Fact]
    public async Task CalendarByFarExpiry_EqualsItsTwoLegsByTenor()
    {
        var calendar = await PriceAsync(new
        {
            template = "calendar", type = "call", strikes = new[] { 3000 }, spot = 3000, expiry = "2026-12-25", farExpiry = "2027-03-26",
            valuationTime = Valuation, vol = 0.6, rate = 0.04, quantity = 2, l2 = new { chain = "arbitrum-one" },
        });
        // API.md: calendar = −1 `type` K at the near expiry, +1 at the far one.
        var legs = await PriceAsync(new
        {
            spot = 3000, vol = 0.6, rate = 0.04, quantity = 2, l2 = new { chain = "arbitrum-one" },
            legs = new object[]
            {
                new { type = "call", strike = 3000, tenorYears = NearYears, quantity = -1 },
                new { type = "call", strike = 3000, tenorYears = FarYears, quantity = 1 },
            },
        });

        SamePricing(legs, calendar);
        Assert.Equal("calendar", calendar.GetProperty("name").GetString());
        var echoed = calendar.GetProperty("legs").EnumerateArray().Select(l => l.GetProperty("expiry").GetDateTimeOffset().UtcDateTime.Date).ToArray();
        Assert.Equal([new DateTime(2026, 12, 25), new DateTime(2027, 3, 26)], echoed);
        Assert.Equal(NearYears, Number(calendar, "firstExpiryYears"), 1e-15);
    }

    [Theory]
    [InlineData("call", 3200, 2800)]
    [InlineData("put", 2800, 3200)]
    public async Task DiagonalByExpiries_IsShortTheNearLegAndLongTheFurtherInTheMoneyFarLeg(string type, double nearStrike, double farStrike)
    {
        var diagonal = await PriceAsync(new
        {
            template = "diagonal", type, strikes = new[] { 2800, 3200 }, spot = 3000, expiry = "2026-12-25", farExpiry = "2027-03-26",
            valuationTime = Valuation, vol = 0.6, rate = 0.04, l2 = new { chain = "arbitrum-one" },
        });
        var legs = await PriceAsync(new
        {
            spot = 3000, vol = 0.6, rate = 0.04, l2 = new { chain = "arbitrum-one" },
            legs = new object[]
            {
                new { type, strike = nearStrike, tenorYears = NearYears, quantity = -1 },
                new { type, strike = farStrike, tenorYears = FarYears, quantity = 1 },
            },
        });

        SamePricing(legs, diagonal);
        Assert.Equal("diagonal", diagonal.GetProperty("name").GetString());
        Assert.Equal(new DateTimeOffset(2027, 3, 26, 8, 0, 0, TimeSpan.Zero), diagonal.GetProperty("legs")[1].GetProperty("expiry").GetDateTimeOffset());
    }

    [Fact]
    public async Task CustomLegs_MixedExpiryAndTenorYears_PriceAsTenorsAlone()
    {
        // A diagonal: −1 call 3000 at the near expiry, +1 call 3200 at the far one, with a leg in years beside them.
        var mixed = await PriceAsync(new
        {
            spot = 3000, vol = 0.6, rate = 0.04, valuationTime = Valuation, l2 = new { chain = "base" },
            legs = new object[]
            {
                new { type = "call", strike = 3000, expiry = "2026-12-25", quantity = -1 },
                new { type = "call", strike = 3200, expiry = "2027-03-26T08:00:00Z", quantity = 1 },
                new { type = "put", strike = 2500, tenorYears = 0.5, quantity = 1 },
            },
        });
        var years = await PriceAsync(new
        {
            spot = 3000, vol = 0.6, rate = 0.04, l2 = new { chain = "base" },
            legs = new object[]
            {
                new { type = "call", strike = 3000, tenorYears = NearYears, quantity = -1 },
                new { type = "call", strike = 3200, tenorYears = FarYears, quantity = 1 },
                new { type = "put", strike = 2500, tenorYears = 0.5, quantity = 1 },
            },
        });

        SamePricing(years, mixed);
        Assert.False(mixed.GetProperty("legs")[2].TryGetProperty("expiry", out _));
    }

    public static TheoryData<string, string> BadCombinations() => new()
    {
        { """{"template":"straddle","strikes":[100],"spot":100,"tenorYears":0.25,"expiry":"2027-01-01","vol":0.6,"rate":0.05}""", "expiry" },
        { """{"template":"calendar","type":"call","strikes":[100],"spot":100,"expiry":"2027-01-01","farTenorYears":0.5,"farExpiry":"2027-06-01","vol":0.6,"rate":0.05}""", "farExpiry" },
        { """{"template":"calendar","type":"call","strikes":[100],"spot":100,"expiry":"2027-01-01","farExpiry":"2026-12-31","valuationTime":"2026-12-01T08:00:00Z","vol":0.6,"rate":0.05}""", "farExpiry" },
        { """{"template":"calendar","type":"call","strikes":[100],"spot":100,"expiry":"2027-01-01","valuationTime":"2026-12-01T08:00:00Z","vol":0.6,"rate":0.05}""", "farTenorYears" },
        { """{"template":"butterfly","type":"call","strikes":[90,100,110],"spot":100,"expiry":"2027-01-01","farExpiry":"2027-06-01","vol":0.6,"rate":0.05}""", "farExpiry" },
        { """{"template":"straddle","strikes":[100],"spot":100,"expiry":"2026-11-30","valuationTime":"2026-12-01T08:00:00Z","vol":0.6,"rate":0.05}""", "expiry" },
        { """{"template":"straddle","strikes":[100],"spot":100,"expiry":"3100-12-01","valuationTime":"2026-12-01T08:00:00Z","vol":0.6,"rate":0.05}""", "expiry" },
        { """{"template":"straddle","strikes":[100],"spot":100,"vol":0.6,"rate":0.05}""", "tenorYears" },
        { """{"template":"straddle","strikes":[100],"spot":100,"tenorYears":0.25,"valuationTime":"2026-12-01T08:00:00Z","vol":0.6,"rate":0.05}""", "valuationTime" },
        { """{"template":"straddle","strikes":[100],"spot":100,"expiry":"next friday","vol":0.6,"rate":0.05}""", "expiry" },
        { """{"spot":100,"vol":0.6,"rate":0.05,"legs":[{"type":"call","strike":100,"tenorYears":0.25,"expiry":"2027-01-01","quantity":1}]}""", "legs[0].expiry" },
        { """{"spot":100,"vol":0.6,"rate":0.05,"legs":[{"type":"call","strike":100,"quantity":1}]}""", "legs[0].tenorYears" },
        // An expiry at the valuation time is T = 0, priced at intrinsic with or without l2 (StructureLimitsEndpointTests); one before it
        // has expired: a 400 with l2 too.
        { """{"spot":100,"vol":0.6,"rate":0.05,"valuationTime":"2026-12-01T08:00:00Z","legs":[{"type":"call","strike":100,"expiry":"2026-11-30","quantity":1}],"l2":{"chain":"arbitrum-one"}}""", "legs[0].expiry" },
        { """{"spot":100,"vol":0.6,"rate":0.05,"expiry":"2027-01-01","legs":[{"type":"call","strike":100,"tenorYears":0.25,"quantity":1}]}""", "expiry" },
        { """{"spot":100,"vol":0.6,"rate":0.05,"legs":[{"type":"call","strike":100,"expiry":"2027-13-01","quantity":1}]}""", "legs[0].expiry" },
        { """{"template":"straddle","strikes":[100],"spot":100,"tenorYears":0.25,"vol":0.6,"rate":0.05,"premiumCurrency":"btc"}""", "premiumCurrency" },
    };

    [Theory]
    [MemberData(nameof(BadCombinations))]
    public async Task BadCombination_Is400NamingTheField(string json, string field)
    {
        var response = await api.Client().PostAsync("/api/v1/structures/price", new StringContent(json, Encoding.UTF8, "application/json"), Token);

        await ProblemAssert.HasFieldErrorAsync(response, field);
    }

    [Fact]
    public async Task PremiumCurrencyUnderlying_IsTheUsdFiguresOverSpot_AndTheGreeksOfThatQuotient()
    {
        var body = new JsonObject
        {
            ["template"] = "iron-condor", ["strikes"] = new JsonArray(2600, 2800, 3200, 3400), ["spot"] = 3000, ["expiry"] = "2027-03-26",
            ["valuationTime"] = Valuation, ["vol"] = 0.6, ["rate"] = 0.04, ["quantity"] = -3, ["l2"] = new JsonObject { ["chain"] = "arbitrum-one" },
        };
        var usd = await PriceAsync(body);
        body["premiumCurrency"] = "underlying";
        var coin = await PriceAsync(body);
        const double s = 3000;

        Assert.Equal("underlying", coin.GetProperty("premiumCurrency").GetString());
        Assert.False(usd.TryGetProperty("premiumCurrency", out _));
        var v = Number(usd, "premium");
        Assert.Equal(v / s, Number(coin, "premium"), 1e-15);
        // U = V/S: ∂U/∂S = (Δ − V/S)/S, ∂²U/∂S² = (Γ − 2·∂U/∂S)/S, vega/S (quotient rule, S the only variable in the divisor).
        var (g, h) = (usd.GetProperty("greeks"), coin.GetProperty("greeks"));
        var delta = (Number(g, "delta") - v / s) / s;
        Assert.Equal(delta, Number(h, "delta"), 1e-15);
        Assert.Equal((Number(g, "gamma") - 2 * delta) / s, Number(h, "gamma"), 1e-15);
        Assert.Equal(Number(g, "vega") / s, Number(h, "vega"), 1e-15);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(Number(usd.GetProperty("legs")[i], "price") / s, Number(coin.GetProperty("legs")[i], "price"), 1e-15);
            Assert.Equal(Number(usd.GetProperty("legs")[i], "positionValue") / s, Number(coin.GetProperty("legs")[i], "positionValue"), 1e-15);
        }
        foreach (var name in new[] { "bid", "ask", "spread", "mid", "askHedgingCost", "bidHedgingCost" })
            Assert.Equal(Number(usd.GetProperty("l2"), name) / s, Number(coin.GetProperty("l2"), name), 1e-15);
        // The payoff, its extremes and gas stay in USD.
        Assert.Equal(Number(usd, "maxLoss"), Number(coin, "maxLoss"));
        Assert.Equal(Number(usd.GetProperty("gas"), "singleTxUsd"), Number(coin.GetProperty("gas"), "singleTxUsd"));
        Assert.Equal(usd.GetProperty("payoff").ToString(), coin.GetProperty("payoff").ToString());
    }
}
