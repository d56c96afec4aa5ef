using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Analytics.Api.Tests.Infrastructure;

namespace Analytics.Api.Tests.Endpoints.L2;

/// <summary>POST /api/v1/structures/price: templates, custom legs, payoff extremes, validation, gas.</summary>
public sealed class StructuresEndpointTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<JsonElement> PriceAsync(object body)
    {
        var response = await api.Client().PostAsJsonAsync("/api/v1/structures/price", body, Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<double> SingleOptionAsync(string type, double strike) =>
        (await (await api.Client().PostAsJsonAsync("/api/v1/options/price",
            new { type, spot = 3000, strike, tenorYears = 0.1, vol = 0.6, rate = 0.04 }, Token)).Content.ReadFromJsonAsync<JsonElement>(Token))
        .GetProperty("price").GetDouble();

    [Fact]
    public async Task IronCondor_Priced_EqualsItsLegsAndHasTheClosedFormExtremes()
    {
        var body = await PriceAsync(new
        {
            template = "iron-condor", strikes = new[] { 2600, 2800, 3200, 3400 }, spot = 3000, tenorYears = 0.1, vol = 0.6, rate = 0.04,
            l2 = new { chain = "arbitrum-one" },
        });

        // API.md: +1 put K1, −1 put K2, −1 call K3, +1 call K4, each priced alone by /options/price.
        var legs = await SingleOptionAsync("put", 2600) - await SingleOptionAsync("put", 2800) - await SingleOptionAsync("call", 3200) + await SingleOptionAsync("call", 3400);
        var premium = body.GetProperty("premium").GetDouble();
        Assert.Equal(legs, premium, 9);
        var credit = -premium;
        // Closed forms: max profit = credit, max loss = wing width − credit, break-evens K2 − credit and K3 + credit.
        Assert.Equal(credit, body.GetProperty("maxProfit").GetDouble(), 9);
        Assert.Equal(200 - credit, body.GetProperty("maxLoss").GetDouble(), 9);
        var breakevens = body.GetProperty("breakevens").EnumerateArray().Select(b => b.GetDouble()).ToArray();
        Assert.Equal(2, breakevens.Length);
        Assert.Equal(2800 - credit, breakevens[0], 6);
        Assert.Equal(3200 + credit, breakevens[1], 6);
        var gas = body.GetProperty("gas");
        Assert.Equal(0.02, gas.GetProperty("singleTxUsd").GetDouble(), 12);   // arbitrum-one gas, paid once
        Assert.Equal(4 * 0.02, gas.GetProperty("perLegTxUsd").GetDouble(), 12);
        Assert.Equal(3 * 0.02, gas.GetProperty("savedUsd").GetDouble(), 12);
    }

    [Fact]
    public async Task Straddle_LongVolatility_HasUnboundedProfitAndPremiumAsMaxLoss()
    {
        var body = await PriceAsync(new { template = "straddle", strikes = new[] { 3000 }, spot = 3000, tenorYears = 0.1, vol = 0.6, rate = 0.04 });

        var premium = body.GetProperty("premium").GetDouble();
        Assert.Equal(JsonValueKind.Null, body.GetProperty("maxProfit").ValueKind);
        Assert.Equal(premium, body.GetProperty("maxLoss").GetDouble(), 9);
        var breakevens = body.GetProperty("breakevens").EnumerateArray().Select(b => b.GetDouble()).ToArray();
        Assert.Equal(2, breakevens.Length);
        Assert.Equal(3000 - premium, breakevens[0], 6);
        Assert.Equal(3000 + premium, breakevens[1], 6);
    }

    [Fact]
    public async Task CustomLegs_CalendarWithAnAmericanLeg_PricesEachLeg()
    {
        var body = await PriceAsync(new
        {
            spot = 3000, rate = 0.04, vol = 0.6,
            legs = new object[]
            {
                new { type = "call", strike = 3000, tenorYears = 0.1, quantity = -1 },
                new { type = "put", strike = 3000, tenorYears = 0.3, quantity = 1, style = "american", vol = 0.55 },
            },
        });

        var legs = body.GetProperty("legs").EnumerateArray().ToList();
        Assert.Equal(2, legs.Count);
        Assert.Equal("bjerksund-stensland", legs[1].GetProperty("engine").GetString()); // API.md's American default
        Assert.Equal(0.55, legs[1].GetProperty("vol").GetDouble());
        Assert.Equal(-legs[0].GetProperty("price").GetDouble() + legs[1].GetProperty("price").GetDouble(), body.GetProperty("premium").GetDouble(), 9);
    }

    [Theory]
    [InlineData("{\"template\":\"butterfly\",\"type\":\"call\",\"strikes\":[110,100,90],\"spot\":100,\"tenorYears\":0.25,\"vol\":0.6,\"rate\":0.05}", "strikes")]
    [InlineData("{\"template\":\"butterfly\",\"type\":\"call\",\"strikes\":[90,100],\"spot\":100,\"tenorYears\":0.25,\"vol\":0.6,\"rate\":0.05}", "strikes")]
    [InlineData("{\"template\":\"seagull\",\"strikes\":[90,100],\"spot\":100,\"tenorYears\":0.25,\"vol\":0.6,\"rate\":0.05}", "template")]
    [InlineData("{\"template\":\"calendar\",\"type\":\"call\",\"strikes\":[100],\"spot\":100,\"tenorYears\":0.25,\"vol\":0.6,\"rate\":0.05}", "farTenorYears")]
    [InlineData("{\"spot\":100,\"rate\":0.05,\"vol\":0.6,\"legs\":[{\"type\":\"call\",\"strike\":100,\"tenorYears\":0.25,\"quantity\":0}]}", "legs[0].quantity")]
    [InlineData("{\"spot\":100,\"rate\":0.05,\"vol\":0.6}", "template")]
    public async Task InvalidStructure_Returns400NamingTheField(string json, string field)
    {
        var response = await api.Client().PostAsync("/api/v1/structures/price", new StringContent(json, System.Text.Encoding.UTF8, "application/json"), Token);

        await ProblemAssert.HasFieldErrorAsync(response, field);
    }
}
