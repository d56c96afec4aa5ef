using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Analytics.Api.Tests.Infrastructure;

namespace Analytics.Api.Tests.Endpoints;

/// <summary>The batch endpoints: order kept, bad items fail only their slot, limits enforced.</summary>
public sealed class BatchEndpointTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<List<JsonElement>> ResultsAsync(string path, string json)
    {
        var response = await api.Client().PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"), Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("results").EnumerateArray().Select(e => e.Clone()).ToList();
    }

    [Fact]
    public async Task PriceBatch_TenThousandOptions_PricesEveryOneInOrder()
    {
        // Strikes 50.00 … 149.99: call prices fall strictly with strike, so order is visible in the results.
        var options = Enumerable.Range(0, 10_000).Select(i => new { type = "call", spot = 100, strike = 50 + i * 0.01, tenorYears = 0.5, vol = 0.4, rate = 0.03 });
        var results = await ResultsAsync("/api/v1/options/price/batch", JsonSerializer.Serialize(new { options }));

        Assert.Equal(10_000, results.Count);
        var prices = results.Select(r => r.GetProperty("price").GetDouble()).ToList();
        Assert.All(prices.Zip(prices.Skip(1)), pair => Assert.True(pair.First > pair.Second));
    }

    [Fact]
    public async Task PriceBatch_SingleItem_EqualsTheSingleEndpoint()
    {
        var item = new { type = "put", spot = 100, strike = 95, tenorYears = 0.5, vol = 0.2, rate = 0.10, dividendYield = 0.05 };
        var single = await (await api.Client().PostAsJsonAsync("/api/v1/options/price", item, Token)).Content.ReadFromJsonAsync<JsonElement>(Token);

        var slot = Assert.Single(await ResultsAsync("/api/v1/options/price/batch", JsonSerializer.Serialize(new { options = new[] { item } })));

        Assert.Equal(single.GetRawText(), slot.GetRawText());
    }

    [Fact]
    public async Task PriceBatch_BadItems_GetAnErrorInTheirSlotOnly()
    {
        const string json = """
            { "options": [
              { "type": "call", "spot": 100, "strike": 100, "tenorYears": 0.5, "vol": 0.2, "rate": 0.05 },
              { "type": "call", "spot": "cheap", "strike": 100, "tenorYears": 0.5, "vol": 0.2, "rate": 0.05 },
              { "type": "swaption", "spot": 100, "strike": 100, "tenorYears": 0.5, "vol": 0.2, "rate": 0.05 },
              { "type": "put", "spot": 100, "strike": 100, "tenorYears": 0.5, "vol": -0.2, "rate": 0.05 },
              null,
              { "type": "put", "spot": 100, "strike": 100, "tenorYears": 0.5, "vol": 0.2, "rate": 0.05 }
            ] }
            """;

        var results = await ResultsAsync("/api/v1/options/price/batch", json);

        Assert.Equal(6, results.Count);
        Assert.True(results[0].TryGetProperty("price", out _));
        Assert.True(results[5].TryGetProperty("price", out _));
        AssertSlotError(results[1], "spot", 400);
        AssertSlotError(results[2], "type", 400);
        AssertSlotError(results[3], "vol", 400);
        AssertSlotError(results[4], "body", 400);
    }

    [Fact]
    public async Task ImpliedVolBatch_MixedItems_SolvesOrExplainsEachSlot()
    {
        const string json = """
            { "options": [
              { "type": "call", "price": 2.1334, "spot": 60, "strike": 65, "tenorYears": 0.25, "rate": 0.08 },
              { "type": "call", "price": 500, "spot": 60, "strike": 65, "tenorYears": 0.25, "rate": 0.08 },
              { "type": "call", "spot": 60, "strike": 65, "tenorYears": 0.25, "rate": 0.08 }
            ] }
            """;

        var results = await ResultsAsync("/api/v1/options/implied-vol/batch", json);

        Assert.Equal(0.30, results[0].GetProperty("impliedVol").GetDouble(), 1e-5); // Haug (2007) §1.1.1
        AssertSlotError(results[1], "price", 422);
        AssertSlotError(results[2], "price", 400);
    }

    [Theory]
    [InlineData("{\"options\":[]}", "options")]
    [InlineData("{}", "options")]
    [InlineData("{\"opts\":[{}]}", "options")]
    [InlineData("{\"options\":[{}],\"extra\":1}", "extra")]
    [InlineData("{\"options\":[", "body")]
    public async Task PriceBatch_UnusableBody_Returns400(string json, string field)
    {
        var response = await api.Client().PostAsync("/api/v1/options/price/batch", new StringContent(json, Encoding.UTF8, "application/json"), Token);

        await ProblemAssert.HasFieldErrorAsync(response, field);
    }

    private static void AssertSlotError(JsonElement slot, string field, int status)
    {
        Assert.True(slot.TryGetProperty("error", out var error), $"slot has no error: {slot}");
        Assert.False(slot.TryGetProperty("price", out _));
        Assert.Equal(status, error.GetProperty("status").GetInt32());
        Assert.True(error.GetProperty("errors").TryGetProperty(field, out var messages), $"error does not name {field}: {error}");
        Assert.NotEmpty(messages.EnumerateArray());
    }
}

public sealed class BatchLimitTests(SqliteApiWithSmallBatchLimit api) : IClassFixture<SqliteApiWithSmallBatchLimit>
{
    [Fact]
    public async Task PriceBatch_OverTheConfiguredLimit_Returns400SayingTheLimit()
    {
        var options = Enumerable.Repeat(new { type = "call", spot = 100, strike = 100, tenorYears = 1, vol = 0.2, rate = 0 }, SqliteApiWithSmallBatchLimit.MaxBatchItems + 1);

        var response = await api.Client().PostAsJsonAsync("/api/v1/options/price/batch", new { options }, TestContext.Current.CancellationToken);

        var message = Assert.Single(await ProblemAssert.HasFieldErrorAsync(response, "options"));
        Assert.Contains(SqliteApiWithSmallBatchLimit.MaxBatchItems.ToString(System.Globalization.CultureInfo.InvariantCulture), message);
    }

    [Theory]
    [InlineData("/api/v1/options/price/batch", "0")]
    [InlineData("/api/v1/options/implied-vol/batch", "1e308")]
    [InlineData("/api/v1/options/price/batch", "{\"type\":1}")]
    public async Task Batch_OverTheLimitWithBrokenItems_Returns400SayingTheLimitBeforeReadingItems(string path, string item)
    {
        // The fuzz suite sent 200,000 bare numbers (400 KB): each was read, and refused with a thrown exception, before the
        // count was compared with the limit: seconds of CPU for a request that could only be refused.
        var body = "{\"options\":[" + string.Join(',', Enumerable.Repeat(item, SqliteApiWithSmallBatchLimit.MaxBatchItems + 1)) + "]}";

        var response = await api.Client().PostAsync(path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        var message = Assert.Single(await ProblemAssert.HasFieldErrorAsync(response, "options"));
        Assert.Contains(SqliteApiWithSmallBatchLimit.MaxBatchItems.ToString(System.Globalization.CultureInfo.InvariantCulture), message);
    }

    [Fact]
    public async Task PriceBatch_ItemThatIsNotAnObject_IsAProblemInItsOwnSlot()
    {
        var body = """{"options":[0,{"type":"call","spot":100,"strike":100,"tenorYears":1,"vol":0.2,"rate":0.05},"x"]}""";

        var response = await api.Client().PostAsync("/api/v1/options/price/batch", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var results = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("results");
        Assert.Contains("not an object", results[0].GetProperty("error").GetProperty("errors").GetProperty("body")[0].GetString());
        Assert.Equal(10.450583572185579, results[1].GetProperty("price").GetDouble(), 9); // Hull's BSM call, S = K = 100, r = 5 %, σ = 20 %, T = 1
        Assert.True(results[2].TryGetProperty("error", out _));
    }
}
