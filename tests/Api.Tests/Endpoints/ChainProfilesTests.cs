using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Analytics.Api.Tests.Infrastructure;
using Analytics.TestSupport;

namespace Analytics.Api.Tests.Endpoints;

/// <summary><c>GET /api/v1/l2/chains</c> serves the eight profiles of appsettings.json.</summary>
public sealed class ChainProfilesTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly string[] ExpectedIds = ["ethereum", "arbitrum-one", "op-mainnet", "base", "zksync-era", "starknet", "scroll", "linea"];

    [Fact]
    public async Task GetChains_Default_ServesEveryConfiguredChainEthereumFirst()
    {
        var chains = (await api.Client().GetFromJsonAsync<JsonElement>("/api/v1/l2/chains", Token)).GetProperty("chains").EnumerateArray().ToList();

        Assert.Equal(ExpectedIds.Order(), chains.Select(c => c.GetProperty("id").GetString()!).Order());
        Assert.Equal("ethereum", chains[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task GetChains_EachProfile_EqualsTheFigureInAppSettingsWithASource()
    {
        // Read the file independently of the service's configuration binding (it has comments, as the service allows).
        var file = Path.Combine(RepositoryPaths.Root!, "appsettings.json");
        var configured = JsonNode.Parse(await File.ReadAllTextAsync(file, Token), documentOptions: new JsonDocumentOptions
        {
            CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true,
        })!["Chains"]!.AsObject();
        var served = (await api.Client().GetFromJsonAsync<JsonElement>("/api/v1/l2/chains", Token)).GetProperty("chains").EnumerateArray()
            .ToDictionary(c => c.GetProperty("id").GetString()!);

        foreach (var (id, node) in configured)
        {
            var chain = served[id];
            foreach (var field in new[] { "withdrawalDelayHours", "blockTimeSeconds", "gasCostUsd", "liquidationLatencySeconds" })
                Assert.Equal(node![field]!.GetValue<double>(), chain.GetProperty(field).GetDouble());
            Assert.Equal(node!["rollup"]!.GetValue<string>(), chain.GetProperty("rollup").GetString());
            Assert.Matches(@"20\d\d", chain.GetProperty("source").GetString()!);
        }
        Assert.Equal(0, served["ethereum"].GetProperty("withdrawalDelayHours").GetDouble());
        Assert.True(served["arbitrum-one"].GetProperty("withdrawalDelayHours").GetDouble() > served["zksync-era"].GetProperty("withdrawalDelayHours").GetDouble(),
            "an optimistic rollup's withdrawal waits longer than a ZK rollup's");
    }
}
