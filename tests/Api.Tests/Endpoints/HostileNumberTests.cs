using System.Net;
using System.Text;
using System.Text.Json;
using Analytics.Api.Tests.Infrastructure;

namespace Analytics.Api.Tests.Endpoints;

/// <summary>
/// Issue 14 items 1 and 3: a subnormal number (5e-324 passes "&gt; 0" but is not a usable strike) or an astronomically
/// large one is a 400 naming the field on every pricing endpoint alike, never a 500; in a batch it is a problem in its
/// own slot and the response stays valid JSON with the good items priced.
/// </summary>
public sealed class HostileNumberTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private Task<HttpResponseMessage> PostAsync(string path, string body) =>
        api.Client().PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"), Token);

    [Theory]
    [InlineData("/api/v1/options/price", """{"type":"call","spot":100,"strike":5e-324,"tenorYears":1,"vol":0.2,"rate":0.05}""", "strike")]
    [InlineData("/api/v1/options/price", """{"type":"call","spot":-4e-320,"strike":100,"tenorYears":1,"vol":0.2,"rate":0.05}""", "spot")]
    [InlineData("/api/v1/l2/compare", """{"type":"call","spot":100,"strike":5e-324,"tenorYears":1,"vol":0.2,"rate":0.05}""", "strike")]
    [InlineData("/api/v1/structures/price", """{"template":"call-spread","type":"call","strikes":[5e-324,100],"spot":100,"tenorYears":1,"vol":0.2,"rate":0.05}""", "strikes[0]")]
    [InlineData("/api/v1/structures/price", """{"template":"call-spread","type":"call","strikes":[90,100],"spot":100,"tenorYears":1e308,"vol":0.2,"rate":0.05}""", "tenorYears")]
    [InlineData("/api/v1/structures/price", """{"legs":[{"type":"call","strike":100,"tenorYears":1e-320,"quantity":1}],"spot":100,"vol":0.2,"rate":0.05}""", "legs[0].tenorYears")]
    [InlineData("/api/v1/structures/price", """{"template":"calendar","type":"call","strikes":[100],"spot":100,"expiry":"2027-01-01","farTenorYears":5e-324,"vol":0.2,"rate":0.05}""", "farTenorYears")]
    [InlineData("/api/v1/structures/price", """{"legs":[{"type":"call","strike":100,"expiry":"2027-01-01","quantity":1,"vol":1e308}],"spot":100,"rate":0.05,"premiumCurrency":"underlying"}""", "legs[0].vol")]
    public async Task SubnormalOrHugeNumbers_Are400NamingTheField(string path, string body, string field) =>
        await ProblemAssert.HasFieldErrorAsync(await PostAsync(path, body), field);

    [Theory]
    [InlineData("contracts=5e-324", "contracts")]
    [InlineData("contracts=1e308", "contracts")]
    [InlineData("takerFeeRate=-4e-320", "takerFeeRate")]
    [InlineData("takerFeeRate=Infinity", "takerFeeRate")]
    [InlineData("rehedgeIntervalHours=1e-320", "rehedgeIntervalHours")]
    [InlineData("rehedgeIntervalHours=1e308", "rehedgeIntervalHours")]
    [InlineData("rehedgeIntervalHours=NaN", "rehedgeIntervalHours")]
    [InlineData("contracts=0x10", "contracts")]
    public async Task OptionChain_SubnormalOrHugeQueryNumbers_Are400NamingTheParameter(string parameter, string field) =>
        await ProblemAssert.HasFieldErrorAsync(await api.Client().GetAsync($"/api/v1/chains/ETH?expiry=2026-03-27&chain=base&{parameter}", Token), field);

    [Fact]
    public async Task Batch_SubnormalStrike_IsAProblemInItsOwnSlotAndTheRestArePriced()
    {
        var good = """{"type":"call","spot":100,"strike":100,"tenorYears":1,"vol":0.2,"rate":0.05}""";
        var items = Enumerable.Repeat(good, 2_000).ToList();
        items.Insert(1_000, """{"type":"call","spot":100,"strike":5e-324,"tenorYears":1,"vol":0.2,"rate":0.05}""");

        var response = await PostAsync("/api/v1/options/price/batch", "{\"options\":[" + string.Join(",", items) + "]}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token)).RootElement.GetProperty("results");
        Assert.Equal(2_001, results.GetArrayLength());
        Assert.True(results[1_000].GetProperty("error").GetProperty("errors").TryGetProperty("strike", out _));
        Assert.Equal(10.450583572185579, results[2_000].GetProperty("price").GetDouble(), 9); // Hull's BSM call, S = K = 100, r = 5 %, σ = 20 %, T = 1
    }
}
