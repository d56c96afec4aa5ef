using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Analytics.Api.Tests.Infrastructure;
using Analytics.Data.Storage;
using Analytics.Jobs;
using Analytics.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Api.Tests.Endpoints.Indexer;

/// <summary>
/// <c>GET /api/v1/indexer/sources</c>, <c>GET /api/v1/l2/chains/{id}/gas</c> and readiness, on an empty database and
/// after the <c>indexer</c> job read a real anvil node.
/// </summary>
public sealed class IndexerEndpointTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Gas_WithoutIndexedTrades_IsAnEmptyDistribution()
    {
        var gas = await api.Client().GetFromJsonAsync<JsonElement>("/api/v1/l2/chains/arbitrum-one/gas?windowHours=24", Token);

        Assert.Equal(("arbitrum-one", 0), (gas.GetProperty("chain").GetString(), gas.GetProperty("count").GetInt32()));
        Assert.Equal(JsonValueKind.Null, gas.GetProperty("medianUsd").ValueKind);
        Assert.Equal(JsonValueKind.Null, gas.GetProperty("p90Usd").ValueKind);
        Assert.True(gas.GetProperty("configuredGasCostUsd").GetDouble() > 0);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1e9")]
    [InlineData("abc")]
    public async Task Gas_BadWindow_Is400NamingWindowHours(string window)
    {
        var response = await api.Client().GetAsync($"/api/v1/l2/chains/arbitrum-one/gas?windowHours={window}", Token);

        await ProblemAssert.HasFieldErrorAsync(response, "windowHours");
    }

    [Fact]
    public async Task Gas_UnknownChain_Is404()
    {
        var response = await api.Client().GetAsync("/api/v1/l2/chains/no-such-chain/gas", Token);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    private static object PriceBody(object l2) =>
        new { type = "call", spot = 3000, strike = 3200, tenorYears = 0.25, vol = 0.65, rate = 0.04, l2 };

    [Fact]
    public async Task Price_ObservedGasWithoutIndexedTrades_Is422()
    {
        var response = await api.Client().PostAsJsonAsync("/api/v1/options/price", PriceBody(new { chain = "arbitrum-one", gas = "observed" }), Token);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("arbitrum-one", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("arbitrum-one", problem.GetProperty("errors").GetProperty("l2.gas")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Price_ObservedGasWithAGasOverride_Is400NamingGas()
    {
        var response = await api.Client().PostAsJsonAsync("/api/v1/options/price",
            PriceBody(new { chain = "arbitrum-one", gas = "observed", gasCostUsd = 0.1 }), Token);

        await ProblemAssert.HasFieldErrorAsync(response, "l2.gas");
    }

    [Fact]
    public async Task Price_ConfiguredGas_SaysSoWithTheProfileFigure()
    {
        var body = await (await api.Client().PostAsJsonAsync("/api/v1/options/price", PriceBody(new { chain = "arbitrum-one" }), Token))
            .Content.ReadFromJsonAsync<JsonElement>(Token);
        var chains = await api.Client().GetFromJsonAsync<JsonElement>("/api/v1/l2/chains", Token);
        var configured = chains.GetProperty("chains").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "arbitrum-one")
            .GetProperty("gasCostUsd").GetDouble();

        Assert.Equal("configured", body.GetProperty("l2").GetProperty("gas").GetString());
        Assert.Equal(configured, body.GetProperty("l2").GetProperty("gasCostUsd").GetDouble());
    }

    [Fact]
    public async Task Sources_WithoutConfiguration_IsAnEmptyList()
    {
        var body = await api.Client().GetFromJsonAsync<JsonElement>("/api/v1/indexer/sources", Token);

        Assert.Empty(body.GetProperty("sources").EnumerateArray());
    }

    [Fact]
    public async Task AfterTheIndexerJob_StatusGasAndReadinessReflectTheChain()
    {
        await using var node = await AnvilNode.StartAsync(Token);
        var exchange = await LocalExchange.DeployAsync(node); // automine: one block per transaction
        var expiry = new DateTime(2027, 3, 26, 8, 0, 0, DateTimeKind.Utc);
        var txs = new List<string>();
        for (var i = 0; i < 5; i++)
            txs.Add(await exchange.TradeOptionAsync("ETH", expiry, 3000m, true, 1m, 100m + i, 0.1m, 3000m + 100 * i));
        await node.MineAsync(2);
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite, Token);
        await using var factory = new ApiFactory(database, new Dictionary<string, string?>
        {
            ["Indexer:Sources:0:id"] = "devnet-exchange", ["Indexer:Sources:0:chain"] = "arbitrum-one", ["Indexer:Sources:0:rpcUrl"] = node.Url,
            ["Indexer:Sources:0:contract"] = exchange.Address, ["Indexer:Sources:0:firstBlock"] = exchange.DeployBlock.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Indexer:Sources:0:confirmations"] = "2", ["Indexer:Sources:0:blockRange"] = "100", ["Indexer:MaxLagBlocks"] = "3",
        });
        factory.Time.SetUtcNow(DateTimeOffset.UtcNow.AddMinutes(1));
        var client = factory.CreateClient();

        using (var scope = factory.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<IndexerJob>().RunAsync(null, Token);
        var head = await node.HeadAsync();
        var source = (await client.GetFromJsonAsync<JsonElement>("/api/v1/indexer/sources", Token)).GetProperty("sources")[0];
        var gas = await client.GetFromJsonAsync<JsonElement>("/api/v1/l2/chains/arbitrum-one/gas", Token);

        Assert.Equal(head, source.GetProperty("headBlock").GetInt64());
        Assert.Equal(head - 2, source.GetProperty("lastIndexedBlock").GetInt64());
        Assert.Equal(2, source.GetProperty("lagBlocks").GetInt64());
        Assert.False(source.GetProperty("lagging").GetBoolean());
        Assert.Equal(0, source.GetProperty("reorgsSeen").GetInt32());
        // Gas per trade from the node's receipts (one fill per transaction), in USD at the fill's ETH index price.
        var expected = new List<double>();
        for (var i = 0; i < txs.Count; i++)
        {
            var receipt = await node.Web3.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(txs[i]);
            expected.Add((double)receipt.GasUsed.Value * (double)receipt.EffectiveGasPrice.Value / 1e18 * (3000 + 100 * i));
        }
        expected.Sort();
        Assert.Equal(5, gas.GetProperty("count").GetInt32());
        Assert.Equal(expected[2], gas.GetProperty("medianUsd").GetDouble(), 1e-9);
        // R-8 90th percentile of 5 sorted values: position (5 + 1/3) × 0.9 + 1/3 = 5.1 → the largest value.
        Assert.Equal(expected[4], gas.GetProperty("p90Usd").GetDouble(), 1e-9);

        // Observed gas in pricing: the median above per transaction, one contract per transaction.
        var priced = await (await client.PostAsJsonAsync("/api/v1/options/price", PriceBody(new { chain = "arbitrum-one", gas = "observed", contracts = 1 }), Token))
            .Content.ReadFromJsonAsync<JsonElement>(Token);
        var l2 = priced.GetProperty("l2");
        Assert.Equal("observed", l2.GetProperty("gas").GetString());
        Assert.Equal(expected[2], l2.GetProperty("gasCostUsd").GetDouble(), 1e-9);
        Assert.Equal(expected[2], l2.GetProperty("gasPerContractUsd").GetDouble(), 1e-9);

        // Five more blocks and a run that saw the new head but could not index (arranged on the checkpoint as such a run
        // leaves it): 7 behind, 5 beyond confirmations > 3 → readiness Degraded (still 200).
        await node.MineAsync(5);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Analytics.Data.AnalyticsDbContext>();
            var checkpoint = db.IndexerCheckpoints.Single();
            checkpoint.HeadBlock = await node.HeadAsync();
            await db.SaveChangesAsync(Token);
        }
        var ready = await client.GetAsync("/health/ready", Token);
        var health = await ready.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Degraded", health.GetProperty("checks").GetProperty("indexer").GetProperty("status").GetString());
    }
}
