using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Analytics.Api.Tests.Endpoints.Surfaces;
using Analytics.Api.Tests.Infrastructure;

namespace Analytics.Api.Tests.Endpoints;

/// <summary>
/// <c>greekUnits</c> on POST /options/price and its batch (issue 14 item 8): the venues' units are the plain partial
/// derivatives divided by exact factors, and they reproduce Deribit's published ticker Greeks.
/// </summary>
public sealed class GreekUnitsEndpointTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly string[] Names = ["delta", "gamma", "vega", "theta", "rho", "carryRho", "vanna", "volga", "charm"];

    /// <summary>The factor each Greek is divided by in per-vol-point-per-day units (GreekUnitConversion's table).</summary>
    private static readonly Dictionary<string, double> Divisors = new()
    {
        ["delta"] = 1, ["gamma"] = 1, ["vega"] = 100, ["theta"] = 365, ["rho"] = 100, ["carryRho"] = 100,
        ["vanna"] = 100, ["volga"] = 10_000, ["charm"] = 365,
    };

    private async Task<JsonElement> PostAsync(string path, string json)
    {
        var response = await api.Client().PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"), Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static void AssertVenueUnits(JsonElement plain, JsonElement venue)
    {
        Assert.Equal("per-unit", plain.GetProperty("greekUnits").GetString());
        Assert.Equal("per-vol-point-per-day", venue.GetProperty("greekUnits").GetString());
        Assert.Equal(plain.GetProperty("price").GetDouble(), venue.GetProperty("price").GetDouble());
        foreach (var name in Names)
            Assert.Equal(plain.GetProperty("greeks").GetProperty(name).GetDouble() / Divisors[name], venue.GetProperty("greeks").GetProperty(name).GetDouble());
    }

    [Theory]
    [InlineData("""{"type":"call","spot":3000,"strike":3200,"tenorYears":0.25,"vol":0.65,"rate":0.04,"dividendYield":0.01""")]
    [InlineData("""{"type":"put","style":"american","spot":3000,"strike":3200,"tenorYears":2,"vol":0.65,"engine":"bjerksund-stensland","rate":0.04""")]
    [InlineData("""{"type":"put","spot":3000,"strike":3200,"tenorYears":0.25,"vol":0.65,"premiumCurrency":"underlying","rate":0.04""")]
    [InlineData("""{"type":"call","spot":3000,"strike":3200,"tenorYears":0.25,"vol":0.65,"rate":0.04,"l2":{"chain":"arbitrum-one"}""")]
    public async Task Price_PerVolPointPerDay_IsThePlainGreeksDividedByExactFactors(string option)
    {
        var plain = await PostAsync("/api/v1/options/price", option + "}");
        var venue = await PostAsync("/api/v1/options/price", option + ""","greekUnits":"per-vol-point-per-day"}""");

        AssertVenueUnits(plain, venue);
    }

    /// <summary>
    /// Deribit's ticker Greeks in shared data <c>options/deribit_btc_options_20200514.csv</c> (PROVENANCE.md §1; rows 0, 2 and 4):
    /// Deribit prices on the expiry's forward (<c>underlying_price</c>) with <c>interest_rate</c> 0 at <c>mark_iv</c>, T from
    /// the two millisecond timestamps over 365 days. Its vega, theta and rho are our per-vol-point-per-day ones to its
    /// 5-decimal rounding (relative 1e-4: T is measured to the millisecond of the ticker call).
    /// </summary>
    [Theory]
    [InlineData("put", 9352.58, 9250.0, 76.87, 1590134400000, 1589434896486, -0.43897, 5.49167, -26.07217, -0.99385)]
    [InlineData("call", 9359.92, 8000.0, 90.26, 1593158400000, 1589434897494, 0.74578, 10.31091, -10.7973, 6.01933)]
    [InlineData("put", 9435.57, 9000.0, 83.49, 1601020800000, 1589434898502, -0.36452, 21.48727, -6.68887, -18.62897)]
    public async Task Price_PerVolPointPerDay_ReproducesDeribitTickerGreeks(
        string type, double underlyingPrice, double strike, double markIvPercent, long expiryMs, long timestampMs,
        double delta, double vega, double theta, double rho)
    {
        var tenorYears = (expiryMs - timestampMs) / 1000.0 / 86_400 / 365;
        var request = new
        {
            type, spot = underlyingPrice, strike, tenorYears, vol = markIvPercent / 100, rate = 0.0, dividendYield = 0.0,
            greekUnits = "per-vol-point-per-day",
        };
        var response = await api.Client().PostAsJsonAsync("/api/v1/options/price", request, Token);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token)).RootElement;
        var greeks = body.GetProperty("greeks");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(delta, greeks.GetProperty("delta").GetDouble(), 1e-5);
        Assert.Equal(vega, greeks.GetProperty("vega").GetDouble(), 1e-4 * Math.Abs(vega));
        Assert.Equal(theta, greeks.GetProperty("theta").GetDouble(), 1e-4 * Math.Abs(theta));
        Assert.Equal(rho, greeks.GetProperty("rho").GetDouble(), 1e-4 * Math.Abs(rho));
    }

    [Fact]
    public async Task Batch_GreekUnitsPerItem_OnTheFastPathAndTheSerializerPath()
    {
        const string a = """{"type":"call","spot":3000,"strike":3200,"tenorYears":0.25,"vol":0.65,"rate":0.04""";
        const string b = """{"type":"put","style":"american","spot":3000,"strike":2800,"tenorYears":1,"vol":0.5,"rate":0.03""";
        const string units = ""","greekUnits":"per-vol-point-per-day"}""";
        var fast = await PostAsync("/api/v1/options/price/batch", $$"""{"options":[{{a}}},{{a}}{{units}},{{b}}},{{b}}{{units}}]}""");
        // An l2 block is left to the serializer (OptionPriceBatchParser): the same units there.
        var l2 = ""","l2":{"chain":"base"}""";
        var slow = await PostAsync("/api/v1/options/price/batch", $$"""{"options":[{{a}}{{l2}}},{{a}}{{l2}}{{units}}]}""");
        var single = await PostAsync("/api/v1/options/price", a + "}");

        var f = fast.GetProperty("results");
        AssertVenueUnits(f[0], f[1]);
        AssertVenueUnits(f[2], f[3]);
        AssertVenueUnits(slow.GetProperty("results")[0], slow.GetProperty("results")[1]);
        Assert.Equal(single.ToString(), f[0].ToString());
    }

    [Fact]
    public async Task Chain_PerVolPointPerDay_IsThePlainChainGreeksDividedByExactFactorsUnderItsOwnETag()
    {
        var underlying = SurfaceTestData.NewUnderlying();
        await SurfaceTestData.FitAsync(api, new { underlying, asOf = SurfaceTestData.AsOf, quotes = SurfaceTestData.SyntheticQuotes() });
        var url = $"/api/v1/chains/{underlying}?expiry={SurfaceTestData.Expiries[1].UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}&chain=arbitrum-one";

        var plain = await api.Client().GetAsync(url, Token);
        var venue = await api.Client().GetAsync(url + "&greekUnits=per-vol-point-per-day", Token);
        var (p, v) = (JsonDocument.Parse(await plain.Content.ReadAsStringAsync(Token)).RootElement, JsonDocument.Parse(await venue.Content.ReadAsStringAsync(Token)).RootElement);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (plain.StatusCode, venue.StatusCode));
        Assert.NotEqual(plain.Headers.ETag, venue.Headers.ETag);
        Assert.Equal(("per-unit", "per-vol-point-per-day"), (p.GetProperty("greekUnits").GetString(), v.GetProperty("greekUnits").GetString()));
        var (rowsP, rowsV) = (p.GetProperty("strikes").EnumerateArray().ToList(), v.GetProperty("strikes").EnumerateArray().ToList());
        Assert.Equal(rowsP.Count, rowsV.Count);
        for (var i = 0; i < rowsP.Count; i++)
            foreach (var right in new[] { "call", "put" })
                foreach (var name in Names)
                    Assert.Equal(rowsP[i].GetProperty(right).GetProperty("greeks").GetProperty(name).GetDouble() / Divisors[name],
                        rowsV[i].GetProperty(right).GetProperty("greeks").GetProperty(name).GetDouble());
        await ProblemAssert.HasFieldErrorAsync(await api.Client().GetAsync(url + "&greekUnits=per-day", Token), "greekUnits");
    }

    [Fact]
    public async Task Price_UnknownGreekUnits_Is400NamingTheField()
    {
        var response = await api.Client().PostAsync("/api/v1/options/price", new StringContent(
            """{"type":"call","spot":100,"strike":100,"tenorYears":1,"vol":0.2,"rate":0.0,"greekUnits":"per-percent"}""", Encoding.UTF8, "application/json"), Token);

        await ProblemAssert.HasFieldErrorAsync(response, "greekUnits");
    }
}
