using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Analytics.Api.Tests.Infrastructure;

namespace Analytics.Api.Tests.Endpoints.Surfaces;

/// <summary><c>volSource: surface</c> on POST /options/price and the option chain GET /chains/{underlying} (PRODUCT.md §3.3).</summary>
public sealed class SurfacePricingAndChainTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<(string Underlying, long Id)> FitSyntheticAsync()
    {
        var underlying = SurfaceTestData.NewUnderlying();
        var surface = await SurfaceTestData.FitAsync(api, new { underlying, asOf = SurfaceTestData.AsOf, quotes = SurfaceTestData.SyntheticQuotes() });
        return (underlying, surface.GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Price_VolSourceSurface_UsesTheSurfaceVolAndNamesTheSurface()
    {
        var (underlying, id) = await FitSyntheticAsync();
        var t = SurfaceTestData.TenorYears(1);
        var response = await api.Client().PostAsJsonAsync("/api/v1/options/price",
            new { type = "call", forward = SurfaceTestData.Forward, strike = 3300, tenorYears = t, rate = 0.0, volSource = "surface", underlying }, Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var priced = JsonDocument.Parse(text).RootElement;

        var expected = await SurfaceTestData.GetJsonAsync(api, FormattableString.Invariant($"/api/v1/surfaces/{id}/vol?strike=3300&tenorYears={t:R}"));
        Assert.Equal(id, priced.GetProperty("surfaceId").GetInt64());
        Assert.Equal(expected.GetProperty("vol").GetDouble(), priced.GetProperty("vol").GetDouble(), 14);
        var plain = await api.Client().PostAsJsonAsync("/api/v1/options/price",
            new { type = "call", forward = SurfaceTestData.Forward, strike = 3300, tenorYears = t, rate = 0.0, vol = priced.GetProperty("vol").GetDouble() }, Token);
        var plainBody = JsonDocument.Parse(await plain.Content.ReadAsStringAsync(Token)).RootElement;
        Assert.Equal(plainBody.GetProperty("price").GetDouble(), priced.GetProperty("price").GetDouble(), 12);
        Assert.False(plainBody.TryGetProperty("surfaceId", out _), "surfaceId is absent without volSource surface");
    }

    [Fact]
    public async Task PriceBatch_VolSourceSurface_EachItemAsTheSingleEndpointAndAMissingSurfaceOnlyInItsSlot()
    {
        var (underlying, id) = await FitSyntheticAsync();
        var t = SurfaceTestData.TenorYears(1);
        object Item(double strike, string symbol) =>
            new { type = "call", forward = SurfaceTestData.Forward, strike, tenorYears = t, rate = 0.0, volSource = "surface", underlying = symbol };
        var body = new { options = new[] { Item(3300, underlying), Item(2900, underlying), Item(3300, SurfaceTestData.NewUnderlying()) } };

        var response = await api.Client().PostAsJsonAsync("/api/v1/options/price/batch", body, Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var results = JsonDocument.Parse(text).RootElement.GetProperty("results");

        foreach (var (slot, strike) in new[] { (0, 3300.0), (1, 2900.0) })
        {
            var single = await api.Client().PostAsJsonAsync("/api/v1/options/price", ((object[])body.options)[slot], Token);
            var expected = JsonDocument.Parse(await single.Content.ReadAsStringAsync(Token)).RootElement;
            Assert.Equal(id, results[slot].GetProperty("surfaceId").GetInt64());
            Assert.Equal(expected.GetProperty("vol").GetDouble(), results[slot].GetProperty("vol").GetDouble());
            Assert.Equal(expected.GetProperty("price").GetDouble(), results[slot].GetProperty("price").GetDouble());
        }
        var error = results[2].GetProperty("error");
        Assert.Equal(422, error.GetProperty("status").GetInt32());
        Assert.True(error.GetProperty("errors").TryGetProperty("underlying", out _));
    }

    [Fact]
    public async Task Price_VolSourceSurface_Problems()
    {
        var client = api.Client();
        var missing = await client.PostAsJsonAsync("/api/v1/options/price",
            new { type = "call", spot = 3000, strike = 3300, tenorYears = 0.25, rate = 0.0, volSource = "surface", underlying = SurfaceTestData.NewUnderlying() }, Token);
        var body = await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.UnprocessableEntity);
        Assert.True(body.GetProperty("errors").TryGetProperty("underlying", out _));
        await ProblemAssert.HasFieldErrorAsync(await client.PostAsJsonAsync("/api/v1/options/price",
            new { type = "call", spot = 3000, strike = 3300, tenorYears = 0.25, rate = 0.0, volSource = "surface" }, Token), "underlying");
        await ProblemAssert.HasFieldErrorAsync(await client.PostAsJsonAsync("/api/v1/options/price",
            new { type = "call", spot = 3000, strike = 3300, tenorYears = 0.25, rate = 0.0, vol = 0.5, volSource = "surface", underlying = "ETH" }, Token), "vol");
    }

    [Fact]
    public async Task Chain_LatestSurface_PricesEveryStrikeWithForwardDiscountFactorAndEtag()
    {
        var (underlying, id) = await FitSyntheticAsync();
        var url = $"/api/v1/chains/{underlying.ToLowerInvariant()}?expiry={SurfaceTestData.Expiries[1].UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}&chain=arbitrum-one";
        var client = api.Client();
        var response = await client.GetAsync(url, Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.NotNull(response.Headers.ETag);
        Assert.False(response.Headers.ETag!.IsWeak);
        Assert.Contains("max-age", response.Headers.CacheControl!.ToString());

        var chain = JsonDocument.Parse(text).RootElement;
        Assert.Equal(id, chain.GetProperty("surfaceId").GetInt64());
        Assert.Equal(SurfaceTestData.Forward, chain.GetProperty("forward").GetDouble(), 9);
        Assert.Equal(1.0, chain.GetProperty("discountFactor").GetDouble());
        var strikes = chain.GetProperty("strikes").EnumerateArray().ToArray();
        Assert.Equal(21, strikes.Length);
        Assert.Equal("posted-quotes", chain.GetProperty("strikeSource").GetString()); // a fit to posted quotes lists their strikes
        foreach (var row in strikes)
        {
            var strike = row.GetProperty("strike").GetDouble();
            Assert.Equal(SurfaceTestData.SviVol(1, Math.Log(strike / SurfaceTestData.Forward)), row.GetProperty("vol").GetDouble(), 3);
            var (call, put) = (row.GetProperty("call"), row.GetProperty("put"));
            Assert.True(call.GetProperty("bid").GetDouble() < call.GetProperty("mid").GetDouble() && call.GetProperty("mid").GetDouble() < call.GetProperty("ask").GetDouble());
            Assert.Equal(SurfaceTestData.Forward - strike, call.GetProperty("mid").GetDouble() - put.GetProperty("mid").GetDouble(), 8); // parity, DF = 1
            Assert.InRange(call.GetProperty("greeks").GetProperty("delta").GetDouble(), 0, 1);
        }

        using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.IfNoneMatch.Add(response.Headers.ETag);
        var notModified = await client.SendAsync(conditional, Token);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync(Token));
        Assert.Equal(response.Headers.ETag, notModified.Headers.ETag);

        // One ETag per content (issue 14 item 5): the same slice asked by its date, or with other letter case, is the same ETag.
        foreach (var spelling in new[] { $"{SurfaceTestData.Expiries[1].UtcDateTime:yyyy-MM-dd}", $"{SurfaceTestData.Expiries[1].UtcDateTime:yyyy-MM-ddTHH:mm:ss}.000Z" })
        {
            var other = await client.GetAsync($"/api/v1/chains/{underlying.ToUpperInvariant()}?expiry={spelling}&chain=ARBITRUM-ONE", Token);
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
            Assert.Equal(response.Headers.ETag, other.Headers.ETag);
        }

        // A new surface lands: the same query gets a new ETag and a 200.
        await SurfaceTestData.FitAsync(api, new { underlying, asOf = SurfaceTestData.AsOf.AddMinutes(5), quotes = SurfaceTestData.SyntheticQuotes() });
        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(response.Headers.ETag);
        var changed = await client.SendAsync(again, Token);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(response.Headers.ETag, changed.Headers.ETag);
    }

    [Fact]
    public async Task Chain_Problems_UnknownExpiryListsTheAvailableOnes()
    {
        var (underlying, _) = await FitSyntheticAsync();
        var client = api.Client();
        var unknown = await ProblemAssert.IsProblemAsync(await client.GetAsync($"/api/v1/chains/{underlying}?expiry=2026-02-01&chain=arbitrum-one", Token), HttpStatusCode.NotFound);
        Assert.Equal(3, unknown.GetProperty("availableExpiries").GetArrayLength());
        var byDate = await client.GetAsync($"/api/v1/chains/{underlying}?expiry={SurfaceTestData.Expiries[0]:yyyy-MM-dd}&chain=base", Token);
        Assert.Equal(HttpStatusCode.OK, byDate.StatusCode);
        await ProblemAssert.HasFieldErrorAsync(await client.GetAsync($"/api/v1/chains/{underlying}?expiry=2026-02-04&chain=solana", Token), "chain");
        // Without an expiry: the nearest slice, the same content (and ETag) as naming it.
        var nearest = await client.GetAsync($"/api/v1/chains/{underlying}?chain=base", Token);
        Assert.Equal(HttpStatusCode.OK, nearest.StatusCode);
        Assert.Equal(byDate.Headers.ETag, nearest.Headers.ETag);
        await ProblemAssert.IsProblemAsync(await client.GetAsync($"/api/v1/chains/{SurfaceTestData.NewUnderlying()}?expiry=2026-02-04&chain=base", Token), HttpStatusCode.NotFound);
    }
}
