using System.Net;
using System.Text;
using System.Text.Json;
using Analytics.Api.Tests.Infrastructure;

namespace Analytics.Api.Tests.Endpoints;

/// <summary>
/// Issue 17 item 1: a name given twice in one JSON object is handled one way on every JSON endpoint, a 400 naming it
/// (before, the last value won on some endpoints and the request was refused on others). RFC 8259 §4 leaves the
/// behaviour to the receiver; I-JSON (RFC 7493 §2.3) forbids duplicates.
/// </summary>
public sealed class DuplicateKeyTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private const string Option = "\"type\":\"call\",\"spot\":100,\"strike\":100,\"tenorYears\":1,\"vol\":0.2,\"rate\":0.05";

    public static TheoryData<string, string, string, string> Bodies => new()
    {
        { "/api/v1/options/price", "application/json", "{" + Option + ",\"spot\":101}", "spot" },
        { "/api/v1/l2/compare", "application/json", "{\"strike\":90," + Option + "}", "strike" },
        { "/api/v1/options/implied-vol", "application/json", """{"type":"call","price":6.9,"price":7.0,"spot":100,"strike":100,"tenorYears":0.5,"rate":0.05}""", "price" },
        { "/api/v1/options/price/batch", "application/json", "{\"options\":[{" + Option + ",\"vol\":0.3}]}", "vol" },
        { "/api/v1/options/price/batch", "application/json", "{\"options\":[{" + Option + "}],\"options\":[]}", "options" },
        { "/api/v1/options/implied-vol/batch", "application/json", """{"options":[{"type":"call","type":"put","price":6.9,"spot":100,"strike":100,"tenorYears":0.5,"rate":0.05}]}""", "type" },
        { "/api/v1/structures/price", "application/json", """{"template":"call-spread","template":"straddle","type":"call","strikes":[90,100],"spot":100,"tenorYears":1,"vol":0.2,"rate":0.05}""", "template" },
        { "/api/v1/risk/stress", "application/json", """{"positions":[{"kind":"perp","underlying":"ETH","quantity":1,"quantity":2,"chain":"arbitrum-one","venue":"gmx","market":"ETH-PERP","entryPrice":3100}],"scenarios":["ftx-2022-11"]}""", "quantity" },
        { "/api/v1/risk/stress", "application/json", """{"positions":[{"kind":"perp","underlying":"ETH","quantity":1,"chain":"arbitrum-one","venue":"gmx","market":"ETH-PERP","entryPrice":3100}],"scenarios":[{"name":"x","moves":{"ETH":{"spot":-0.3},"ETH":{"spot":-0.5}}}]}""", "ETH" },
        { "/api/v1/portfolios", "application/json", """{"name":"a","name":"b","positions":[{"kind":"perp","underlying":"ETH","quantity":1,"chain":"arbitrum-one","venue":"gmx","market":"ETH-PERP","entryPrice":3100}]}""", "name" },
        { "/auth/login", "application/json", """{"key":"x","key":"y"}""", "key" },
        { "/api/v1/prices", "application/json", """[{"underlying":"ETH","source":"dup","timestamp":"2026-01-05T00:00:00Z","close":1,"close":2}]""", "close" },
        { "/api/v1/prices", "application/x-ndjson", """{"underlying":"ETH","source":"dup","source":"other","timestamp":"2026-01-05T00:00:00Z","close":1}""", "source" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task NameGivenTwice_Is400NamingIt(string path, string mediaType, string body, string field)
    {
        var before = await PriceCountAsync();

        var response = await api.Client(TestKeys.Writer).PostAsync(path, new StringContent(body, Encoding.UTF8, mediaType), Token);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.TryGetProperty("errors", out var errors), $"no errors map: {problem}");
        var named = errors.EnumerateObject().FirstOrDefault(e => e.Name == field || e.Name.EndsWith("." + field, StringComparison.Ordinal));
        Assert.True(named.Value.ValueKind == JsonValueKind.Array, $"errors does not name '{field}': {errors}");
        Assert.Contains("more than once", named.Value[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await PriceCountAsync());
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.1", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task SameNameInDifferentObjects_IsNotADuplicate()
    {
        var body = "{\"options\":[{" + Option + "},{" + Option + "}]}";

        var response = await api.Client().PostAsync("/api/v1/options/price/batch", new StringContent(body, Encoding.UTF8, "application/json"), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<int> PriceCountAsync() =>
        JsonDocument.Parse(await api.Client().GetStringAsync("/api/v1/prices?source=dup&limit=100", Token)).RootElement.GetProperty("items").GetArrayLength();
}
