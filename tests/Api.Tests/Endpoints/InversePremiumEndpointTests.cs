using System.Net.Http.Json;
using System.Text.Json;
using Analytics.Api.Tests.Infrastructure;

namespace Analytics.Api.Tests.Endpoints;

/// <summary>
/// <c>premiumCurrency: underlying</c> (inverse, coin-margined options as Deribit quotes them): U = V/S, and the Greeks
/// are the partial derivatives of U, checked here by finite differences of the service's own inverse prices.
/// </summary>
public sealed class InversePremiumEndpointTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<JsonElement> PostAsync(string path, object body)
    {
        var response = await api.Client().PostAsJsonAsync(path, body, Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private Task<JsonElement> PriceAsync(double spot, double vol, double tenorYears, string currency = "underlying") =>
        PostAsync("/api/v1/options/price", new
        {
            type = "call", spot, strike = 65, tenorYears, vol, rate = 0.08, premiumCurrency = currency,
        });

    [Fact]
    public async Task Price_HaugCallInTheUnderlying_IsThePublishedUsdPriceOverSpot()
    {
        // Haug (2007) §1.1.1: S = 60, X = 65, T = 0.25, r = 8 %, σ = 30 %: c = 2.1334 USD (to 4 decimals), so
        // 2.1334 / 60 in the underlying, to within 0.00005 / 60.
        var body = await PriceAsync(60, 0.30, 0.25);

        Assert.Equal(2.1334 / 60, body.GetProperty("price").GetDouble(), 0.00005 / 60);
        Assert.Equal("underlying", body.GetProperty("premiumCurrency").GetString());
        var usd = await PriceAsync(60, 0.30, 0.25, "usd");
        Assert.False(usd.TryGetProperty("premiumCurrency", out _));
    }

    [Fact]
    public async Task Price_GreeksInTheUnderlying_AreTheDerivativesOfTheInversePrice()
    {
        const double spot = 60, vol = 0.30, tenor = 0.25, hS = 1e-2, hV = 1e-4, hT = 1e-5;
        var at = await PriceAsync(spot, vol, tenor);
        double U(JsonElement e) => e.GetProperty("price").GetDouble();
        double G(JsonElement e, string name) => e.GetProperty("greeks").GetProperty(name).GetDouble();
        var up = await PriceAsync(spot + hS, vol, tenor);
        var down = await PriceAsync(spot - hS, vol, tenor);
        var volUp = await PriceAsync(spot, vol + hV, tenor);
        var volDown = await PriceAsync(spot, vol - hV, tenor);
        // Calendar time t moves the other way from the tenor T.
        var later = await PriceAsync(spot, vol, tenor - hT);
        var earlier = await PriceAsync(spot, vol, tenor + hT);

        Assert.Equal((U(up) - U(down)) / (2 * hS), G(at, "delta"), 1e-8);
        Assert.Equal((U(up) - 2 * U(at) + U(down)) / (hS * hS), G(at, "gamma"), 1e-6);
        Assert.Equal((U(volUp) - U(volDown)) / (2 * hV), G(at, "vega"), 1e-7);
        Assert.Equal((U(later) - U(earlier)) / (2 * hT), G(at, "theta"), 1e-6);
        Assert.Equal((G(volUp, "delta") - G(volDown, "delta")) / (2 * hV), G(at, "vanna"), 1e-7);
        Assert.Equal((G(volUp, "vega") - G(volDown, "vega")) / (2 * hV), G(at, "volga"), 1e-6);
        Assert.Equal((G(later, "delta") - G(earlier, "delta")) / (2 * hT), G(at, "charm"), 1e-6);
    }

    [Fact]
    public async Task ImpliedVol_PriceInTheUnderlying_GivesBackTheVol()
    {
        var priced = await PriceAsync(60, 0.30, 0.25);

        var solved = await PostAsync("/api/v1/options/implied-vol", new
        {
            type = "call", spot = 60, strike = 65, tenorYears = 0.25, rate = 0.08,
            price = priced.GetProperty("price").GetDouble(), premiumCurrency = "underlying",
        });

        Assert.Equal(0.30, solved.GetProperty("impliedVol").GetDouble(), 12);
    }

    [Fact]
    public async Task PriceBatch_MixedCurrencies_EachSlotInItsOwnUnit()
    {
        var body = new
        {
            options = new object[]
            {
                new { type = "call", spot = 60, strike = 65, tenorYears = 0.25, vol = 0.30, rate = 0.08 },
                new { type = "call", spot = 60, strike = 65, tenorYears = 0.25, vol = 0.30, rate = 0.08, premiumCurrency = "underlying" },
            },
        };

        var results = (await PostAsync("/api/v1/options/price/batch", body)).GetProperty("results");

        Assert.Equal(2.1334, results[0].GetProperty("price").GetDouble(), 4);
        Assert.Equal(2.1334 / 60, results[1].GetProperty("price").GetDouble(), 0.00005 / 60);
        Assert.Equal("underlying", results[1].GetProperty("premiumCurrency").GetString());
    }
}
