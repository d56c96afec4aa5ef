using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Analytics.Api.Tests.Infrastructure;
using Analytics.Pricing.QuantLib;
using Analytics.TestSupport;

namespace Analytics.Api.Tests.Endpoints;

/// <summary>
/// Issue 12: <c>greeksMethod</c> is the same for the same option on every path. A grid of options (European and
/// American, calls and puts, b ≥ r and b &lt; r, negative rates, every engine) is priced through POST /options/price
/// without and with a zero-cost <c>l2</c> block, through POST /options/price/batch, and (for the default engines)
/// as a one-leg custom structure through POST /structures/price; each option must report one method, and the zero-cost
/// <c>l2</c> price must equal the plain one (PRODUCT.md §3.4: zero gas, fees and delays give the plain price).
/// The structure response carries no <c>greeksMethod</c>: there the leg's engine id and price are compared instead.
/// </summary>
public sealed class GreeksMethodConsistencyTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly string[] OurEuropean = ["analytic"];
    private static readonly string[] OurAmerican = ["qd-fp", "bjerksund-stensland", "barone-adesi-whaley", "binomial"];
    private static readonly string[] QuantLibEuropean = ["quantlib-analytic", "quantlib-fd", "quantlib-binomial"];
    private static readonly string[] QuantLibAmerican = ["quantlib-baw", "quantlib-bjerksund-stensland", "quantlib-fd", "quantlib-binomial", "quantlib-qd-fp"];

    /// <summary>(rate, dividendYield): b = r ≥ 0; 0 &lt; b &lt; r; r &lt; 0 &lt; b; b &lt; r &lt; 0.</summary>
    private static readonly (double Rate, double DividendYield)[] Carries = [(0.05, 0.0), (0.05, 0.04), (-0.02, -0.03), (-0.02, 0.01)];

    private static IEnumerable<JsonObject> Grid(string[] european, string[] american)
    {
        foreach (var (style, engines) in new[] { ("european", european), ("american", american) })
        foreach (var engine in engines)
        foreach (var type in new[] { "call", "put" })
        foreach (var strike in new[] { 90.0, 110.0 })
        foreach (var (rate, dividendYield) in Carries)
        {
            yield return new JsonObject
            {
                ["type"] = type, ["style"] = style, ["engine"] = engine, ["spot"] = 100.0, ["strike"] = strike,
                ["tenorYears"] = 0.5, ["vol"] = 0.35, ["rate"] = rate, ["dividendYield"] = dividendYield,
            };
        }
    }

    private static JsonObject WithZeroCostL2(JsonObject option)
    {
        var copy = (JsonObject)option.DeepClone();
        copy["l2"] = new JsonObject
        {
            ["chain"] = "arbitrum-one", ["carrySource"] = "rates", ["settlement"] = "l2", ["gasCostUsd"] = 0.0,
            ["withdrawalDelayHours"] = 0.0, ["takerFeeRate"] = 0.0,
        };
        return copy;
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string path, JsonNode body)
    {
        // A key: the grid's 32 quantlib-fd prices alone (~0.3 s of CPU each) are over the anonymous CPU budget (issue 17 item 2).
        var response = await api.Client(TestKeys.Reader).PostAsync(path, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    private async Task<JsonElement> OkAsync(string path, JsonNode body)
    {
        var (status, json) = await PostAsync(path, body);
        Assert.True(status == HttpStatusCode.OK, $"{path} {body.ToJsonString()}: {json}");
        return json;
    }

    private async Task<List<JsonElement>> BatchAsync(IReadOnlyList<JsonObject> options)
    {
        var body = new JsonObject { ["options"] = new JsonArray(options.Select(o => (JsonNode)o.DeepClone()).ToArray()) };
        var results = (await OkAsync("/api/v1/options/price/batch", body)).GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(options.Count, results.Count);
        return results;
    }

    private static string Method(JsonElement priced) => priced.GetProperty("greeksMethod").GetString()!;

    private static double Price(JsonElement priced) => priced.GetProperty("price").GetDouble();

    [Fact]
    public async Task Price_GridOfOurEnginesOnEveryPath_OneGreeksMethodPerOptionAndZeroCostL2PriceEqualsPlain()
    {
        var grid = Grid(OurEuropean, OurAmerican).ToList();
        var batch = await BatchAsync(grid);

        for (var i = 0; i < grid.Count; i++)
        {
            var option = grid[i];
            var what = option.ToJsonString();
            var plain = await OkAsync("/api/v1/options/price", option);
            var withL2 = await OkAsync("/api/v1/options/price", WithZeroCostL2(option));

            Assert.True(Method(plain) == Method(withL2), $"{what}: {Method(plain)} without l2, {Method(withL2)} with l2");
            Assert.True(Method(plain) == Method(batch[i]), $"{what}: {Method(plain)} single, {Method(batch[i])} in a batch");
            Assert.True(Price(plain) == Price(withL2), $"{what}: {Price(plain):R} without l2, {Price(withL2):R} with zero-cost l2");
            Assert.Equal(Price(plain), Price(batch[i]));
            Assert.Equal(plain.GetProperty("greeks").GetProperty("delta").GetDouble(), withL2.GetProperty("greeks").GetProperty("delta").GetDouble());
        }
    }

    [Fact]
    public async Task Price_IssueExamples_AmericanCallWithCarryAtRateIsClosedFormAndNegativeRatePutIsLatticeOnBothPaths()
    {
        // The two disagreements issue 12 reports. b = r ≥ 0: a call is never exercised early (Merton 1973), so it is
        // the European closed form. q < r < 0: a put has two exercise boundaries, which the default qd-fp (like
        // Bjerksund-Stensland) hands to the lattice (src/Pricing/American/QdFpAmericanPricer.cs).
        var call = new JsonObject
        {
            ["type"] = "call", ["style"] = "american", ["spot"] = 100.0, ["strike"] = 100.0, ["tenorYears"] = 0.5, ["vol"] = 0.3, ["rate"] = 0.05,
        };
        var put = new JsonObject
        {
            ["type"] = "put", ["style"] = "american", ["spot"] = 100.0, ["strike"] = 100.0, ["tenorYears"] = 0.5, ["vol"] = 0.3,
            ["rate"] = -0.01, ["dividendYield"] = -0.02,
        };

        foreach (var (option, expected) in new[] { (call, "closed-form"), (put, "lattice") })
        {
            Assert.Equal(expected, Method(await OkAsync("/api/v1/options/price", option)));
            Assert.Equal(expected, Method(await OkAsync("/api/v1/options/price", WithZeroCostL2(option))));
        }
    }

    [Fact]
    public async Task Price_DefaultEngineGridAsOneLegStructure_SameEngineAndPriceAsTheSingleEndpoint()
    {
        foreach (var option in Grid(OurEuropean, ["bjerksund-stensland"])) // the defaults (API.md)
        {
            var plain = await OkAsync("/api/v1/options/price", option);
            var structure = new JsonObject
            {
                ["spot"] = option["spot"]!.DeepClone(), ["rate"] = option["rate"]!.DeepClone(), ["dividendYield"] = option["dividendYield"]!.DeepClone(),
                ["legs"] = new JsonArray(new JsonObject
                {
                    ["type"] = option["type"]!.DeepClone(), ["style"] = option["style"]!.DeepClone(), ["strike"] = option["strike"]!.DeepClone(),
                    ["tenorYears"] = option["tenorYears"]!.DeepClone(), ["vol"] = option["vol"]!.DeepClone(), ["quantity"] = 1.0,
                }),
            };

            var leg = (await OkAsync("/api/v1/structures/price", structure)).GetProperty("legs")[0];

            Assert.Equal(option["engine"]!.GetValue<string>(), leg.GetProperty("engine").GetString());
            Assert.True(Price(plain) == Price(leg), $"{option.ToJsonString()}: {Price(plain):R} single, {Price(leg):R} as a structure leg");
        }
    }

    [Fact]
    public async Task Price_GridOfQuantLibEngines_OneGreeksMethodSingleAndInABatchAndL2Refused()
    {
        var quantLib = QuantLibVanillaOptionPricer.Default;
        Requirement.Require(quantLib.IsAvailable, "QuantLib", "apt-get install -y libquantlib0-dev swig g++, then rebuild", quantLib.UnavailableReason);
        // One strike and the two positive-rate carries keep the grid engines' (≈15 ms) calls few.
        var grid = Grid(QuantLibEuropean, QuantLibAmerican)
            .Where(o => o["strike"]!.GetValue<double>() == 110.0 && o["rate"]!.GetValue<double>() > 0).ToList();
        var batch = await BatchAsync(grid);

        for (var i = 0; i < grid.Count; i++)
        {
            var plain = await OkAsync("/api/v1/options/price", grid[i]);
            Assert.Equal("quantlib", Method(plain));
            Assert.Equal("quantlib", Method(batch[i]));
            Assert.Equal(Price(plain), Price(batch[i]));
        }

        var (status, problem) = await PostAsync("/api/v1/options/price", WithZeroCostL2(grid[0]));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("analytic, qd-fp, bjerksund-stensland, barone-adesi-whaley, binomial", problem.GetProperty("errors").GetProperty("engine")[0].GetString());
    }
}
