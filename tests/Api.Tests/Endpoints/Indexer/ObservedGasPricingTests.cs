using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Analytics.Api.Tests.Endpoints.Surfaces;
using Analytics.Api.Tests.Infrastructure;
using Analytics.Data.Entities;
using Analytics.Data.Storage;
using Analytics.TestSupport;
using MathNet.Numerics.Distributions;

namespace Analytics.Api.Tests.Endpoints.Indexer;

/// <summary>
/// <c>"gas": "observed"</c> (issue 19 item 5) on every pricing request with an L2 chain and a gas cost besides POST
/// /options/price (<see cref="IndexerEndpointTests"/>, against a real anvil): the price batch (per item), structures,
/// /l2/compare (each chain its own median) and the option chain (<c>gas=observed</c>). The indexer's <c>trade_gas</c> rows
/// are arranged directly: on arbitrum-one 0.10, 0.30 and 0.50 USD in the last 24 h, so the median is 0.30 by counting,
/// plus a 100 USD trade 25 h old and one whose USD price was unknown, which the median must leave out. The reference for
/// an observed price is the same request with that median given as the configured <c>gasCostUsd</c> override (API.md:
/// observed means "use that median instead of the configured gasCostUsd"), or the L2 model by hand.
/// </summary>
public sealed class ObservedGasPricingTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private const double MedianUsd = 0.30;
    private static readonly ConditionalWeakTable<ApiFactory, Task> Seeded = [];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private Task SeedAsync()
    {
        lock (Seeded)
            return Seeded.GetValue(api.Factory, factory => AddGasAsync(factory, "arbitrum-one", [0.50, 0.10, 0.30, 100.0, null], [1, 2, 3, 25, 4]));
    }

    /// <summary>Adds trade_gas rows on <paramref name="chain"/>: one per value (null: no USD price known), each so many hours before now.</summary>
    private static async Task AddGasAsync(ApiFactory factory, string chain, double?[] usd, double[]? hoursAgo = null)
    {
        var now = factory.Time.GetUtcNow().UtcDateTime;
        await using var db = factory.NewDbContext();
        for (var i = 0; i < usd.Length; i++)
            db.TradeGas.Add(new TradeGasEntity
            {
                Chain = chain, TxHash = "0x" + Guid.NewGuid().ToString("N"), LogIndex = 0, SourceId = "test-source", BlockNumber = 1000 + i,
                TimestampUtc = now.AddHours(-(hoursAgo?[i] ?? 1)), GasUsed = 100_000, EffectiveGasPriceWei = 1e9, GasCostNative = 1e-4,
                NativePriceUsd = usd[i] is null ? null : usd[i] / 1e-4, GasCostUsd = usd[i],
            });
        await db.SaveChangesAsync(Token);
    }

    private static object Option(object l2) => new { type = "call", spot = 3000, strike = 3200, tenorYears = 0.25, vol = 0.65, rate = 0.04, l2 };

    private static object Butterfly(object l2) =>
        new { template = "butterfly", type = "call", strikes = new[] { 2800, 3000, 3200 }, spot = 3000, tenorYears = 0.25, vol = 0.6, rate = 0.04, l2 };

    private async Task<JsonElement> OkJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<double> ConfiguredGasUsdAsync(string chain) =>
        (await OkJsonAsync(await api.Client().GetAsync("/api/v1/l2/chains", Token))).GetProperty("chains").EnumerateArray()
        .Single(c => c.GetProperty("id").GetString() == chain).GetProperty("gasCostUsd").GetDouble();

    [Fact]
    public async Task Batch_ObservedGas_PricesEachItemAtItsChainsMedian_AndAnItemOnAChainWithoutOneGets422InItsSlot()
    {
        await SeedAsync();
        var body = await OkJsonAsync(await api.Client().PostAsJsonAsync("/api/v1/options/price/batch", new
        {
            options = new[]
            {
                Option(new { chain = "arbitrum-one", gas = "observed" }),
                Option(new { chain = "arbitrum-one", gasCostUsd = MedianUsd }),
                Option(new { chain = "base", gas = "observed" }),
                Option(new { chain = "arbitrum-one" }),
                Option(new { chain = "arbitrum-one", gas = "observed" }),
            },
        }, Token));
        var results = body.GetProperty("results");

        var observed = results[0].GetProperty("l2");
        var overridden = results[1].GetProperty("l2");
        Assert.Equal("observed", observed.GetProperty("gas").GetString());
        Assert.Equal(MedianUsd, observed.GetProperty("gasCostUsd").GetDouble(), 1e-12);
        Assert.Equal("configured", overridden.GetProperty("gas").GetString());
        foreach (var figure in new[] { "bid", "ask", "gasPerContractUsd", "lelandNumber", "volBid", "volAsk" })
            Assert.Equal(overridden.GetProperty(figure).GetDouble(), observed.GetProperty(figure).GetDouble());
        Assert.Equal(results[0].GetRawText(), results[4].GetRawText());

        var error = results[2].GetProperty("error");
        Assert.Equal(422, error.GetProperty("status").GetInt32());
        Assert.Contains("base", error.GetProperty("errors").GetProperty("l2.gas")[0].GetString(), StringComparison.Ordinal);

        var configured = results[3].GetProperty("l2");
        Assert.Equal("configured", configured.GetProperty("gas").GetString());
        Assert.Equal(await ConfiguredGasUsdAsync("arbitrum-one"), configured.GetProperty("gasCostUsd").GetDouble());
    }

    [Fact]
    public async Task Structure_ObservedGas_IsTheStructureWithTheMedianAsItsGas()
    {
        await SeedAsync();
        var observed = await OkJsonAsync(await api.Client().PostAsJsonAsync("/api/v1/structures/price",
            Butterfly(new { chain = "arbitrum-one", gas = "observed" }), Token));
        var overridden = await OkJsonAsync(await api.Client().PostAsJsonAsync("/api/v1/structures/price",
            Butterfly(new { chain = "arbitrum-one", gasCostUsd = MedianUsd }), Token));

        Assert.Equal("observed", observed.GetProperty("l2").GetProperty("gas").GetString());
        Assert.Equal("configured", overridden.GetProperty("l2").GetProperty("gas").GetString());
        Assert.Equal(MedianUsd, observed.GetProperty("l2").GetProperty("singleTxUsd").GetDouble(), 1e-12);
        // Three legs in one transaction: one transaction per leg would pay the median three times.
        Assert.Equal(3 * MedianUsd, observed.GetProperty("gas").GetProperty("perLegTxUsd").GetDouble(), 1e-12);
        foreach (var figure in new[] { "bid", "ask", "mid", "singleTxUsd" })
            Assert.Equal(overridden.GetProperty("l2").GetProperty(figure).GetDouble(), observed.GetProperty("l2").GetProperty(figure).GetDouble());
    }

    [Fact]
    public async Task Structure_ObservedGasOnAChainWithoutIndexedTrades_Is422NamingL2Gas()
    {
        await SeedAsync();
        var response = await api.Client().PostAsJsonAsync("/api/v1/structures/price", Butterfly(new { chain = "base", gas = "observed" }), Token);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("base", problem.GetProperty("errors").GetProperty("l2.gas")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/structures/price")]
    [InlineData("/api/v1/options/price")]
    [InlineData("/api/v1/l2/compare")]
    public async Task ObservedGasWithAGasOverride_Is400NamingL2Gas(string path)
    {
        object l2 = path.EndsWith("compare", StringComparison.Ordinal)
            ? new { gas = "observed", gasCostUsd = 0.1 }
            : new { chain = "arbitrum-one", gas = "observed", gasCostUsd = 0.1 };
        var body = path.Contains("structures", StringComparison.Ordinal) ? Butterfly(l2) : Option(l2);

        await ProblemAssert.HasFieldErrorAsync(await api.Client().PostAsJsonAsync(path, body, Token), "l2.gas");
    }

    [Theory]
    [InlineData("/api/v1/structures/price")]
    [InlineData("/api/v1/options/price")]
    [InlineData("/api/v1/l2/compare")]
    public async Task UnknownGasSource_Is400(string path)
    {
        var l2 = path.EndsWith("compare", StringComparison.Ordinal)
            ? """{ "gas": "median" }"""
            : """{ "chain": "arbitrum-one", "gas": "median" }""";
        var body = path.Contains("structures", StringComparison.Ordinal)
            ? $$"""{ "template": "straddle", "strikes": [3000], "spot": 3000, "tenorYears": 0.25, "vol": 0.6, "rate": 0.04, "l2": {{l2}} }"""
            : $$"""{ "type": "call", "spot": 3000, "strike": 3200, "tenorYears": 0.25, "vol": 0.65, "rate": 0.04, "l2": {{l2}} }""";

        var response = await api.Client().PostAsync(path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Token);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("gas", problem.GetProperty("errors").EnumerateObject().Single().Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_ObservedGas_Is422NamingEveryChainWithoutIndexedGas()
    {
        await SeedAsync();
        var chains = (await OkJsonAsync(await api.Client().GetAsync("/api/v1/l2/chains", Token))).GetProperty("chains").EnumerateArray()
            .Select(c => c.GetProperty("id").GetString()!).ToList();
        // The chains without indexed gas, as GET /l2/chains/{id}/gas counts them (another test may have given scroll some).
        var without = new List<string>();
        foreach (var id in chains)
            if ((await OkJsonAsync(await api.Client().GetAsync($"/api/v1/l2/chains/{id}/gas", Token))).GetProperty("count").GetInt32() == 0)
                without.Add(id);

        var response = await api.Client().PostAsJsonAsync("/api/v1/l2/compare", Option(new { gas = "observed" }), Token);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        var message = problem.GetProperty("errors").GetProperty("l2.gas")[0].GetString()!;
        var listed = message[(message.IndexOf(" on ", StringComparison.Ordinal) + 4)..message.IndexOf(" (GET", StringComparison.Ordinal)].Split(", ");
        Assert.DoesNotContain("arbitrum-one", listed);
        Assert.Contains("base", listed);
        Assert.Equal(without.Order(), listed.Order());
    }

    [Fact]
    public async Task Compare_ObservedGas_PricesEveryChainAtItsOwnMedian_AsPostOptionsPriceWithThatGas()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite, Token);
        await using var factory = new ApiFactory(database);
        var client = factory.CreateClient();
        var chains = (await OkJsonAsync(await client.GetAsync("/api/v1/l2/chains", Token))).GetProperty("chains").EnumerateArray()
            .Select(c => c.GetProperty("id").GetString()!).ToList();
        // Chain i: 0.01, 0.02 and 0.05 USD times (i + 1), so its median is 0.02·(i + 1).
        for (var i = 0; i < chains.Count; i++)
            await AddGasAsync(factory, chains[i], [0.05 * (i + 1), 0.01 * (i + 1), 0.02 * (i + 1)]);

        var compared = await OkJsonAsync(await client.PostAsJsonAsync("/api/v1/l2/compare", Option(new { gas = "observed", contracts = 2 }), Token));

        var results = compared.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(chains, results.Select(r => r.GetProperty("chain").GetString()));
        for (var i = 0; i < chains.Count; i++)
        {
            var median = 0.02 * (i + 1);
            var result = results[i];
            Assert.Equal("observed", result.GetProperty("gas").GetString());
            Assert.Equal(median, result.GetProperty("gasCostUsd").GetDouble(), 1e-12);
            Assert.Equal(median / 2, result.GetProperty("gasPerContractUsd").GetDouble(), 1e-12);
            var alone = (await OkJsonAsync(await client.PostAsJsonAsync("/api/v1/options/price",
                Option(new { chain = chains[i], gasCostUsd = median, contracts = 2 }), Token))).GetProperty("l2");
            Assert.Equal(alone.GetProperty("bid").GetDouble(), result.GetProperty("bid").GetDouble(), 1e-12 * alone.GetProperty("bid").GetDouble());
            Assert.Equal(alone.GetProperty("ask").GetDouble(), result.GetProperty("ask").GetDouble(), 1e-12 * alone.GetProperty("ask").GetDouble());
        }
    }

    /// <summary>A surface of a fresh underlying fitted from <see cref="SurfaceTestData.SyntheticQuotes()"/> (no shared data needed).</summary>
    private async Task<(string Underlying, long SurfaceId)> SurfaceAsync()
    {
        var underlying = SurfaceTestData.NewUnderlying();
        var fitted = await SurfaceTestData.FitAsync(api, new { underlying, asOf = SurfaceTestData.AsOf, model = "svi", quotes = SurfaceTestData.SyntheticQuotes() });
        return (underlying, fitted.GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task OptionChain_ObservedGas_GivesTheL2BidAndAskOfTheMedian_ByHand()
    {
        const double Contracts = 2;
        await SeedAsync();
        var (underlying, surfaceId) = await SurfaceAsync();

        var chain = await OkJsonAsync(await api.Client().GetAsync(
            $"/api/v1/chains/{underlying}?surfaceId={surfaceId}&chain=arbitrum-one&contracts={Contracts}&gas=observed", Token));
        var configured = await OkJsonAsync(await api.Client().GetAsync(
            $"/api/v1/chains/{underlying}?surfaceId={surfaceId}&chain=arbitrum-one&contracts={Contracts}", Token));

        Assert.Equal("observed", chain.GetProperty("gas").GetString());
        Assert.Equal(MedianUsd, chain.GetProperty("gasCostUsd").GetDouble(), 1e-12);
        Assert.Equal(MedianUsd / Contracts, chain.GetProperty("gasPerContractUsd").GetDouble(), 1e-12);
        Assert.Equal("configured", configured.GetProperty("gas").GetString());
        Assert.Equal(await ConfiguredGasUsdAsync("arbitrum-one"), configured.GetProperty("gasCostUsd").GetDouble());

        // PRODUCT.md §3.4: k = 2·(takerFeeRate + gas / (contracts × F)) with fee 0; Le = sqrt(2/π)·k/(σ·sqrt(Δt)), Δt = 1 h;
        // σ_ask = σ·sqrt(1 + Le), σ_bid = σ·sqrt(max(0, 1 − Le)); ask = Black-76(σ_ask) + gas / contracts, bid = Black-76(σ_bid) − gas / contracts.
        var (f, df, t) = (chain.GetProperty("forward").GetDouble(), chain.GetProperty("discountFactor").GetDouble(), chain.GetProperty("tenorYears").GetDouble());
        var atm = chain.GetProperty("strikes").EnumerateArray().MinBy(r => Math.Abs(r.GetProperty("logMoneyness").GetDouble()));
        var (strike, vol) = (atm.GetProperty("strike").GetDouble(), atm.GetProperty("vol").GetDouble());
        var k = 2 * (MedianUsd / (Contracts * f));
        var le = Math.Sqrt(2 / Math.PI) * k / (vol * Math.Sqrt(1 / 8760.0));
        var expectedAsk = Black76(true, f, strike, t, vol * Math.Sqrt(1 + le), df) + MedianUsd / Contracts;
        var expectedBid = Black76(true, f, strike, t, vol * Math.Sqrt(Math.Max(0, 1 - le)), df) - MedianUsd / Contracts;
        Assert.Equal(k, chain.GetProperty("roundTripCostRate").GetDouble(), 1e-15);
        Assert.Equal(expectedAsk, atm.GetProperty("call").GetProperty("ask").GetDouble(), 1e-8 * expectedAsk);
        Assert.Equal(expectedBid, atm.GetProperty("call").GetProperty("bid").GetDouble(), 1e-8 * expectedAsk);
    }

    [Fact]
    public async Task OptionChain_ObservedGas_ETagDiffersFromConfigured_AndFollowsTheMedianWhenNewGasIsIndexed()
    {
        // A chain of its own (scroll), so that adding gas leaves the other tests' median alone.
        var (underlying, surfaceId) = await SurfaceAsync();
        var path = $"/api/v1/chains/{underlying}?surfaceId={surfaceId}&chain=scroll&gas=observed";
        await AddGasAsync(api.Factory, "scroll", [0.2]);

        var first = await api.Client().GetAsync(path, Token);
        var firstBody = await OkJsonAsync(first);
        var configured = await api.Client().GetAsync($"/api/v1/chains/{underlying}?surfaceId={surfaceId}&chain=scroll", Token);
        Assert.Equal(0.2, firstBody.GetProperty("gasCostUsd").GetDouble(), 1e-12);
        Assert.NotEqual(configured.Headers.ETag!.Tag, first.Headers.ETag!.Tag);

        // Two more trades: 0.2, 0.4, 0.6 → median 0.4. The old ETag no longer matches, and the body is not the cached one.
        await AddGasAsync(api.Factory, "scroll", [0.4, 0.6]);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.IfNoneMatch.Add(first.Headers.ETag);
        var second = await api.Client().SendAsync(request, Token);
        var secondBody = await OkJsonAsync(second);
        Assert.Equal(0.4, secondBody.GetProperty("gasCostUsd").GetDouble(), 1e-12);
        Assert.NotEqual(first.Headers.ETag.Tag, second.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task OptionChain_ObservedGasOnAChainWithoutIndexedTrades_Is422NamingGas()
    {
        await SeedAsync();
        var (underlying, surfaceId) = await SurfaceAsync();

        var response = await api.Client().GetAsync($"/api/v1/chains/{underlying}?surfaceId={surfaceId}&chain=base&gas=observed", Token);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("base", problem.GetProperty("errors").GetProperty("gas")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("chain=arbitrum-one&gas=median")]
    [InlineData("chain=arbitrum-one&gas=%00observed")]
    [InlineData("gas=observed")]
    public async Task OptionChain_BadGas_Is400NamingGas(string query) =>
        await ProblemAssert.HasFieldErrorAsync(await api.Client().GetAsync($"/api/v1/chains/ETH?{query}", Token), "gas");

    /// <summary>Black-76, discounted: DF·(F·N(d1) − K·N(d2)) for a call (Black 1976).</summary>
    private static double Black76(bool call, double forward, double strike, double tenorYears, double vol, double discountFactor)
    {
        var s = vol * Math.Sqrt(tenorYears);
        var d1 = (Math.Log(forward / strike) + 0.5 * s * s) / s;
        var d2 = d1 - s;
        return discountFactor * (call
            ? forward * Normal.CDF(0, 1, d1) - strike * Normal.CDF(0, 1, d2)
            : strike * Normal.CDF(0, 1, -d2) - forward * Normal.CDF(0, 1, -d1));
    }
}
