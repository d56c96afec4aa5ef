using System.Net.Http.Json;
using System.Text.Json;
using Analytics.Api.Tests.Endpoints.Surfaces;
using Analytics.Api.Tests.Infrastructure;

namespace Analytics.Api.Tests.Endpoints;

/// <summary>
/// Issue 14 item 8: a date-only expiry means 08:00 UTC everywhere (the crypto venues' expiry time): single price, price
/// batch (its fast parser too) and the surface vol query read "2026-03-27" as 2026-03-27T08:00:00Z.
/// </summary>
public sealed class ExpiryConventionTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static object Option(string expiry) => new { type = "call", spot = 3000, strike = 3100, expiry, valuationTime = "2026-01-05T08:00:00Z", vol = 0.6, rate = 0.0 };

    [Fact]
    public async Task Price_DateOnlyExpiry_IsEightOClockUtc()
    {
        async Task<double> TenorAsync(string expiry) =>
            (await (await api.Client().PostAsJsonAsync("/api/v1/options/price", Option(expiry), Token)).Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("tenorYears").GetDouble();

        var date = await TenorAsync("2026-03-27");
        var instant = await TenorAsync("2026-03-27T08:00:00Z");

        Assert.Equal(instant, date);
        Assert.Equal(81.0 / 365.0, date, 12); // 2026-01-05T08:00Z to 2026-03-27T08:00Z: 81 days, Act/365F
    }

    [Fact]
    public async Task Batch_DateOnlyExpiry_IsEightOClockUtcOnTheFastParserToo()
    {
        var response = await api.Client().PostAsJsonAsync("/api/v1/options/price/batch", new { options = new[] { Option("2026-03-27"), Option("2026-03-27T08:00:00Z") } }, Token);
        var results = (await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("results");

        Assert.Equal(results[1].GetProperty("price").GetDouble(), results[0].GetProperty("price").GetDouble());
        Assert.Equal(81.0 / 365.0, results[0].GetProperty("tenorYears").GetDouble(), 12);
    }

    [Fact]
    public async Task SurfaceVol_DateOnlyExpiry_IsTheSliceExpiringAtEight()
    {
        var id = (await SurfaceTestData.FitAsync(api, new { underlying = SurfaceTestData.NewUnderlying(), asOf = SurfaceTestData.AsOf, quotes = SurfaceTestData.SyntheticQuotes() }))
            .GetProperty("id").GetInt64();
        var expiry = SurfaceTestData.Expiries[1].UtcDateTime; // 08:00 UTC

        var vol = await SurfaceTestData.GetJsonAsync(api, $"/api/v1/surfaces/{id}/vol?strike=3300&expiry={expiry:yyyy-MM-dd}");

        Assert.Equal(8, expiry.Hour);
        Assert.Equal("on-slice", vol.GetProperty("extrapolation").GetProperty("tenor").GetString());
        Assert.Equal(SurfaceTestData.TenorYears(1), vol.GetProperty("tenorYears").GetDouble(), 12);
        await ProblemAssert.HasFieldErrorAsync(await api.Client().GetAsync($"/api/v1/surfaces/{id}/vol?strike=3300&expiry=soon", Token), "expiry");
    }
}
