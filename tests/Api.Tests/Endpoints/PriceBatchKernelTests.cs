using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Analytics.Api.Tests.Endpoints.Surfaces;
using Analytics.Api.Tests.Infrastructure;

namespace Analytics.Api.Tests.Endpoints;

/// <summary>
/// POST /options/price/batch values its European items together with the SIMD batch kernel: every slot must still be,
/// byte for byte, the body POST /options/price answers for that item alone (which prices with the scalar pricer).
/// </summary>
public sealed class PriceBatchKernelTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PriceBatch_MixedItemsOverTheParallelThreshold_EachSlotIsTheSingleEndpointsBytes()
    {
        var surface = SurfaceTestData.NewUnderlying();
        await SurfaceTestData.FitAsync(api, new { underlying = surface, asOf = SurfaceTestData.AsOf, quotes = SurfaceTestData.SyntheticQuotes() });
        var items = MixedItems(surface);

        var response = await api.Client().PostAsync("/api/v1/options/price/batch",
            new StringContent(JsonSerializer.Serialize(new { options = items }), Encoding.UTF8, "application/json"), Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var slots = JsonDocument.Parse(text).RootElement.GetProperty("results").EnumerateArray().ToList();

        Assert.Equal(items.Count, slots.Count);
        int compared = 0, errors = 0;
        for (var i = 0; i < items.Count; i++)
        {
            var single = await api.Client().PostAsJsonAsync("/api/v1/options/price", items[i], Token);
            var singleText = await single.Content.ReadAsStringAsync(Token);
            if (single.StatusCode == HttpStatusCode.OK)
            {
                Assert.True(singleText == slots[i].GetRawText(), $"item {i}: {JsonSerializer.Serialize(items[i])}\nsingle {singleText}\nbatch  {slots[i].GetRawText()}");
                compared++;
            }
            else
            {
                var problem = JsonDocument.Parse(singleText).RootElement;
                Assert.True(slots[i].TryGetProperty("error", out var error),
                    $"item {i}: {JsonSerializer.Serialize(items[i])}\nsingle {(int)single.StatusCode} {singleText}\nbatch  {slots[i].GetRawText()}");
                Assert.Equal(problem.GetProperty("status").GetInt32(), error.GetProperty("status").GetInt32());
                Assert.Equal(problem.GetProperty("errors").GetRawText(), error.GetProperty("errors").GetRawText());
                errors++;
            }
        }

        Assert.True(compared > 2_000, $"{compared} priced slots compared");
        Assert.True(errors >= 3, $"{errors} error slots compared");
    }

    /// <summary>
    /// 2,100 random European items (spot with dividend yield or carry rate, forward, expiry instants, deep wings where the
    /// kernel's scalar series lanes apply, the analytic engine named or not, premiums in the underlying), with American,
    /// L2, volSource-surface and invalid items among them.
    /// </summary>
    private static List<object> MixedItems(string surface)
    {
        var random = new Random(12);
        var items = new List<object>();
        for (var i = 0; i < 2_100; i++)
        {
            var type = random.Next(2) == 0 ? "call" : "put";
            var spot = 100 * Math.Exp(random.NextDouble() - 0.5);
            var wing = random.Next(5) == 0;
            var strike = Math.Round(spot * Math.Exp(wing ? (random.Next(2) == 0 ? -1 : 1) * (1 + 4 * random.NextDouble()) : random.NextDouble() - 0.5), 2);
            var tenorYears = Math.Exp(Math.Log(1 / 365.0) + random.NextDouble() * Math.Log(20 * 365.0));
            var vol = wing ? 0.02 + 0.2 * random.NextDouble() : 0.05 + 1.5 * random.NextDouble();
            var rate = -0.01 + 0.08 * random.NextDouble();
            var currency = random.Next(6) == 0 ? "underlying" : null;
            items.Add((i % 7) switch
            {
                0 => new { type, forward = spot, strike, tenorYears, vol, rate, premiumCurrency = currency },
                1 => new { type, spot, strike, tenorYears, vol, rate, carryRate = rate - 0.05 * random.NextDouble(), engine = "analytic" },
                2 => new
                {
                    type, spot, strike, vol, rate, premiumCurrency = currency,
                    expiry = new DateTimeOffset(2027, 6, 25, 8, 0, 0, TimeSpan.Zero).AddHours(random.Next(0, 20_000)),
                    valuationTime = new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero),
                },
                _ => (object)new { type, spot, strike, tenorYears, vol, rate, dividendYield = 0.04 * random.NextDouble(), premiumCurrency = currency },
            });
        }

        items.Insert(3, new { type = "put", style = "american", spot = 100, strike = 110, tenorYears = 0.5, vol = 0.3, rate = 0.05 });
        items.Insert(10, new { type = "put", style = "american", engine = "binomial", spot = 100, strike = 95, tenorYears = 1.0, vol = 0.25, rate = 0.03 });
        items.Insert(20, new { type = "call", style = "american", spot = 100, strike = 95, tenorYears = 1.0, vol = 0.25, rate = 0.03, dividendYield = 0.06, premiumCurrency = "underlying" });
        items.Insert(30, new { type = "call", spot = 100, strike = 105, tenorYears = 0.25, vol = 0.6, rate = 0.04, l2 = new { chain = "arbitrum-one", settlement = "l1" } });
        items.Insert(40, new { type = "put", spot = 100, strike = 95, tenorYears = 0.25, vol = 0.6, rate = 0.04, l2 = new { chain = "arbitrum-one", gasCostUsd = 0.5 } });
        items.Insert(50, new { type = "put", spot = 100, strike = 100, tenorYears = 0.5, vol = -0.2, rate = 0.05 });
        items.Insert(60, new { type = "call", spot = 100, tenorYears = 0.5, vol = 0.2, rate = 0.05 });
        items.Insert(70, new { type = "call", forward = 100, strike = 100, tenorYears = 0.5, vol = 0.2, rate = 0.05, dividendYield = 0.02 });
        var t = SurfaceTestData.TenorYears(1);
        items.Insert(80, new { type = "call", forward = SurfaceTestData.Forward, strike = 3300, tenorYears = t, rate = 0.0, volSource = "surface", underlying = surface });
        items.Insert(90, new { type = "put", forward = SurfaceTestData.Forward, strike = 2900, tenorYears = t, rate = 0.0, volSource = "surface", underlying = surface, premiumCurrency = "underlying" });
        return items;
    }
}
