using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.Json;
using Analytics.Api.Tests.Infrastructure;
using Analytics.Data.Storage;
using Analytics.TestSupport;

namespace Analytics.Api.Tests.Hosting;

/// <summary>
/// Issue 14 item 7: with <c>Storage:SeedDemoData</c> (the <c>make run</c> default) the service starts with a published
/// surface per demo underlying, fitted to a labelled synthetic board, so <c>volSource: surface</c> and the option chain
/// work at once; a restart adds none.
/// </summary>
public sealed class DemoSurfacesStartupTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Start_WithDemoData_PublishesASyntheticSurfacePerUnderlyingOnce()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(StorageProvider.Sqlite, Token);
        var settings = new Dictionary<string, string?> { ["Storage:SeedDemoData"] = "true" };
        await using (var factory = new ApiFactory(database, settings))
        {
            var client = factory.CreateClient();
            foreach (var underlying in new[] { "ETH", "BTC" })
            {
                var list = await client.GetFromJsonAsync<JsonElement>($"/api/v1/surfaces?underlying={underlying}", Token);
                var surface = Assert.Single(list.GetProperty("items").EnumerateArray());
                Assert.Equal("synthetic-demo", surface.GetProperty("inputSource").GetString());
                Assert.True(surface.GetProperty("published").GetBoolean());
                Assert.True(surface.GetProperty("arbitrageFree").GetBoolean());
            }

            var priced = await client.PostAsJsonAsync("/api/v1/options/price",
                new { type = "call", spot = 3000, strike = 3200, tenorYears = 0.25, rate = 0, volSource = "surface", underlying = "ETH" }, Token);
            Assert.True(priced.IsSuccessStatusCode, await priced.Content.ReadAsStringAsync(Token));
            Assert.InRange((await priced.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("vol").GetDouble(), 0.3, 1.5);
        }

        await using var restarted = new ApiFactory(database, settings);
        var again = await restarted.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/surfaces?underlying=ETH", Token);
        Assert.Single(again.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task RiskAndPortfolioExamples_OfTheServedOpenApiDocument_SucceedOnTheDemoData()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(StorageProvider.Sqlite, Token);
        await using var factory = new ApiFactory(database, new Dictionary<string, string?> { ["Storage:SeedDemoData"] = "true" });
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", TestKeys.Writer);
        var document = JsonNode.Parse(await client.GetStringAsync("/swagger/v1/swagger.json", Token))!;

        var tried = 0;
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            if (!path.StartsWith("/api/v1/risk", StringComparison.Ordinal) && path != "/api/v1/portfolios") continue;
            if (item!["post"]?["requestBody"]?["content"]?["application/json"]?["example"] is not { } example) continue;
            var response = await client.PostAsync(path, new StringContent(example.ToJsonString(), Encoding.UTF8, "application/json"), Token);
            Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Token)}");
            tried++;
        }

        Assert.Equal(7, tried); // portfolios, risk/backtest, risk/var, risk/stress, risk/margin, risk/margin/compare, risk/margin/backtest
    }
}
