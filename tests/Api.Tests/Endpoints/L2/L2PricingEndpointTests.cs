using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Analytics.Api.Tests.Infrastructure;

namespace Analytics.Api.Tests.Endpoints.L2;

/// <summary>The <c>l2</c> block of POST /api/v1/options/price and POST /api/v1/l2/compare (PRODUCT.md §3.4).</summary>
public sealed class L2PricingEndpointTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<JsonElement> PostAsync(string path, object body)
    {
        var response = await api.Client().PostAsJsonAsync(path, body, Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task Price_FrictionlessL2_EqualsThePlainBlackScholesMertonPriceExactly()
    {
        var plain = await PostAsync("/api/v1/options/price", new { type = "call", spot = 3000, strike = 3200, tenorYears = 0.25, vol = 0.65, rate = 0.04 });
        var l2 = await PostAsync("/api/v1/options/price", new
        {
            type = "call", spot = 3000, strike = 3200, tenorYears = 0.25, vol = 0.65, rate = 0.04,
            l2 = new { chain = "arbitrum-one", carrySource = "rates", settlement = "l2", gasCostUsd = 0.0, takerFeeRate = 0.0 },
        });

        var price = plain.GetProperty("price").GetDouble();
        Assert.Equal(price, l2.GetProperty("price").GetDouble());
        Assert.Equal(price, l2.GetProperty("l2").GetProperty("bid").GetDouble());
        Assert.Equal(price, l2.GetProperty("l2").GetProperty("ask").GetDouble());
        Assert.Equal(0.0, l2.GetProperty("l2").GetProperty("lelandNumber").GetDouble());
    }

    [Fact]
    public async Task Price_L1SettlementOnAnOptimisticRollup_DiscountsOverTheWithdrawalDelay()
    {
        object Request(string settlement) => new
        {
            type = "call", spot = 3000, strike = 3200, tenorYears = 0.25, vol = 0.65, rate = 0.04,
            l2 = new { chain = "arbitrum-one", settlement, gasCostUsd = 0.0 },
        };

        var onL2 = await PostAsync("/api/v1/options/price", Request("l2"));
        var onL1 = await PostAsync("/api/v1/options/price", Request("l1"));

        // PRODUCT.md §3.4 part 2: only the discounting moves, DF = exp(−r·(T + δ)) with δ = 168 h of appsettings.json.
        var delta = 168.0 / 8760.0;
        Assert.Equal(delta, onL1.GetProperty("l2").GetProperty("settlementDelayYears").GetDouble(), 15);
        Assert.Equal(Math.Exp(-0.04 * (0.25 + delta)), onL1.GetProperty("discountFactor").GetDouble(), 14);
        Assert.Equal(onL2.GetProperty("price").GetDouble() * Math.Exp(-0.04 * delta), onL1.GetProperty("price").GetDouble(), 10);
        Assert.Equal(onL2.GetProperty("forward").GetDouble(), onL1.GetProperty("forward").GetDouble());
    }

    [Fact]
    public async Task Compare_SameOption_SpreadsShrinkFromL1ToL2AndOptimisticL1SettlementCostsMoreThanZk()
    {
        var body = await PostAsync("/api/v1/l2/compare", new
        {
            type = "call", spot = 3000, strike = 3200, tenorYears = 0.25, vol = 0.65, rate = 0.04,
            l2 = new { settlement = "l1", contracts = 1, rehedgeIntervalHours = 1, takerFeeRate = 0.0005 },
        });
        var quotes = body.GetProperty("results").EnumerateArray().ToDictionary(r => r.GetProperty("chain").GetString()!);

        Assert.Equal(8, quotes.Count);
        var l1Spread = quotes["ethereum"].GetProperty("spread").GetDouble();
        foreach (var (chain, quote) in quotes.Where(q => q.Key != "ethereum"))
            Assert.True(quote.GetProperty("spread").GetDouble() < l1Spread, $"{chain}'s spread is not tighter than Ethereum L1's");
        Assert.True(quotes["arbitrum-one"].GetProperty("price").GetDouble() < quotes["zksync-era"].GetProperty("price").GetDouble(),
            "settling on L1 from an optimistic rollup (7 days) must cost more than from a ZK rollup (hours)");
        Assert.True(quotes["zksync-era"].GetProperty("price").GetDouble() < quotes["ethereum"].GetProperty("price").GetDouble());
    }

    [Fact]
    public async Task Price_FundingCarry_UsesTheTimeWeightedAnnualisedMeanOfTheIndexedFunding()
    {
        var market = "T" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant() + "-USDT";
        var valuation = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
        // Three 8-hour observations in the 24 h before the valuation time, and one older that must be ignored,
        // ingested as a writer would (POST /api/v1/funding).
        var rows = new[] { (0, 0.0001), (8, 0.0002), (16, 0.0003), (30, 0.01) }.Select(o => new
        {
            venue = "testvenue", market, timestamp = valuation.AddHours(-o.Item1), rate = o.Item2, intervalHours = 8,
        });
        var ingest = await api.Client(TestKeys.Writer).PostAsJsonAsync("/api/v1/funding", rows, Token);
        Assert.True(ingest.IsSuccessStatusCode, await ingest.Content.ReadAsStringAsync(Token));

        var body = await PostAsync("/api/v1/options/price", new
        {
            type = "call", spot = 3000, strike = 3000, vol = 0.6, rate = 0.04, valuationTime = valuation, expiry = valuation.AddDays(30),
            l2 = new { chain = "arbitrum-one", carrySource = "funding", fundingVenue = "testvenue", fundingMarket = market, fundingLookbackHours = 24 },
        });

        // PRODUCT.md §3.4: annualised = ratePerInterval × 8760 / intervalHours, time-weighted: mean 0.0002 per 8 h.
        var expectedCarry = 0.0002 * 8760 / 8;
        Assert.Equal(expectedCarry, body.GetProperty("l2").GetProperty("carryRate").GetDouble(), 12);
        Assert.Equal("funding", body.GetProperty("l2").GetProperty("carrySource").GetString());
        Assert.Equal(3000 * Math.Exp(expectedCarry * 30 / 365.0), body.GetProperty("forward").GetDouble(), 8);
    }

    [Fact]
    public async Task Price_FundingCarryWithoutData_Returns422SayingWhatIsMissing()
    {
        var response = await api.Client().PostAsJsonAsync("/api/v1/options/price", new
        {
            type = "call", spot = 3000, strike = 3000, tenorYears = 0.1, vol = 0.6, rate = 0.04,
            l2 = new { chain = "base", carrySource = "funding", fundingVenue = "nowhere", fundingMarket = "NONE-USDT" },
        }, Token);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("NONE-USDT", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("{\"chain\":\"solana\"}", "l2.chain")]
    [InlineData("{}", "l2.chain")]
    [InlineData("{\"chain\":\"base\",\"contracts\":0}", "l2.contracts")]
    [InlineData("{\"chain\":\"base\",\"contracts\":2.2250738585072014e-308}", "l2.contracts")] // the fuzz suite's 500 (seed 1472026514)
    [InlineData("{\"chain\":\"base\",\"rehedgeIntervalHours\":-1}", "l2.rehedgeIntervalHours")]
    [InlineData("{\"chain\":\"base\",\"carrySource\":\"funding\"}", "l2.fundingMarket")]
    [InlineData("{\"chain\":\"base\",\"carrySource\":\"explicit\"}", "carryRate")]
    [InlineData("{\"chain\":\"base\",\"settlement\":\"l3\"}", "l2.settlement")]
    public async Task Price_InvalidL2Block_Returns400NamingTheField(string l2, string field)
    {
        var json = $"{{\"type\":\"call\",\"spot\":100,\"strike\":100,\"tenorYears\":0.5,\"vol\":0.5,\"rate\":0.03,\"l2\":{l2}}}";

        var response = await api.Client().PostAsync("/api/v1/options/price", new StringContent(json, System.Text.Encoding.UTF8, "application/json"), Token);

        await ProblemAssert.HasFieldErrorAsync(response, field);
    }
}
