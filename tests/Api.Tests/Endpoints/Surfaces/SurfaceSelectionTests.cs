using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Analytics.Api.Tests.Infrastructure;

namespace Analytics.Api.Tests.Endpoints.Surfaces;

/// <summary>
/// Which surface pricing uses (issue 13 item 2): the one named by <c>surfaceId</c>, else the newest published surface of
/// the default model (svi) with an as-of at or before the valuation time; on POST /options/price, the batch, structures,
/// L2 compare and the option chain, each saying which surface, model and as-of it used.
/// </summary>
public sealed class SurfaceSelectionTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private static readonly DateTimeOffset T0 = SurfaceTestData.AsOf;
    private static readonly DateTimeOffset OptionExpiry = SurfaceTestData.Expiries[2];
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Surfaces of a new underlying: svi at T0, svi at T0+1d unpublished, ssvi at T0+2d, svi at T0+3d.</summary>
    private async Task<(string Underlying, long Svi0, long Unpublished1, long Ssvi2, long Svi3)> ArrangeAsync()
    {
        var underlying = SurfaceTestData.NewUnderlying();
        var quotes = SurfaceTestData.SyntheticQuotes();
        async Task<long> Fit(int days, string model = "svi", bool publish = true) =>
            (await SurfaceTestData.FitAsync(api, new { underlying, asOf = T0.AddDays(days), model, quotes, publish })).GetProperty("id").GetInt64();
        // Fitted out of as-of order, so that the newest fit is not the newest surface.
        var svi3 = await Fit(3);
        var svi0 = await Fit(0);
        var ssvi2 = await Fit(2, "ssvi");
        var unpublished1 = await Fit(1, publish: false);
        return (underlying, svi0, unpublished1, ssvi2, svi3);
    }

    private static object Option(string? underlying, DateTimeOffset valuationTime, long? surfaceId = null, double strike = 3300) => new
    {
        type = "call", forward = SurfaceTestData.Forward, strike, expiry = OptionExpiry, valuationTime, rate = 0.0, volSource = "surface",
        underlying, surfaceId,
    };

    private async Task<JsonElement> PostAsync(string path, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await api.Client().PostAsJsonAsync(path, body, Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task Price_NoSurfaceId_NewestPublishedSviAtOrBeforeTheValuationTime()
    {
        var (underlying, svi0, _, _, svi3) = await ArrangeAsync();

        foreach (var (at, expected) in new[]
                 {
                     (T0, svi0), (T0.AddDays(1), svi0), (T0.AddDays(2.5), svi0), (T0.AddDays(3).AddTicks(-1), svi0),
                     (T0.AddDays(3), svi3), (T0.AddDays(40), svi3),
                 })
        {
            var priced = await PostAsync("/api/v1/options/price", Option(underlying, at));
            Assert.Equal(expected, priced.GetProperty("surfaceId").GetInt64());
            Assert.Equal("svi", priced.GetProperty("surfaceModel").GetString());
            var surface = await SurfaceTestData.GetJsonAsync(api, $"/api/v1/surfaces/{expected}");
            Assert.Equal(surface.GetProperty("asOf").GetDateTimeOffset(), priced.GetProperty("surfaceAsOf").GetDateTimeOffset());
            var tenor = (OptionExpiry - at).TotalDays / 365;
            var vol = await SurfaceTestData.GetJsonAsync(api, FormattableString.Invariant($"/api/v1/surfaces/{expected}/vol?strike=3300&tenorYears={tenor:R}"));
            Assert.Equal(vol.GetProperty("vol").GetDouble(), priced.GetProperty("vol").GetDouble(), 14);
        }

        var none = await PostAsync("/api/v1/options/price", Option(underlying, T0.AddTicks(-1)), HttpStatusCode.UnprocessableEntity);
        var detail = none.GetProperty("errors").GetProperty("underlying")[0].GetString()!;
        Assert.Contains("No published svi surface", detail);
        Assert.Contains($"the first after it is surface {svi0}", detail);
    }

    [Fact]
    public async Task Price_SurfaceId_UsesThatSurfaceWhateverItsModelOrPublication()
    {
        var (underlying, _, unpublished1, ssvi2, _) = await ArrangeAsync();

        var fromUnpublished = await PostAsync("/api/v1/options/price", Option(underlying, T0.AddDays(5), unpublished1));
        var fromSsvi = await PostAsync("/api/v1/options/price", Option(null, T0.AddDays(5), ssvi2));

        Assert.Equal(unpublished1, fromUnpublished.GetProperty("surfaceId").GetInt64());
        Assert.Equal(ssvi2, fromSsvi.GetProperty("surfaceId").GetInt64());
        Assert.Equal("ssvi", fromSsvi.GetProperty("surfaceModel").GetString());
        Assert.Equal(T0.AddDays(2), fromSsvi.GetProperty("surfaceAsOf").GetDateTimeOffset());
    }

    [Fact]
    public async Task Price_SurfaceIdProblems_422NamingSurfaceId()
    {
        var (underlying, svi0, _, _, svi3) = await ArrangeAsync();

        var other = await PostAsync("/api/v1/options/price", Option(SurfaceTestData.NewUnderlying(), T0.AddDays(5), svi0), HttpStatusCode.UnprocessableEntity);
        Assert.Contains($"of {underlying}", other.GetProperty("errors").GetProperty("surfaceId")[0].GetString());
        var unknown = await PostAsync("/api/v1/options/price", Option(underlying, T0.AddDays(5), 987_654_321), HttpStatusCode.UnprocessableEntity);
        Assert.True(unknown.GetProperty("errors").TryGetProperty("surfaceId", out _));
        var lookAhead = await PostAsync("/api/v1/options/price", Option(underlying, T0.AddDays(1), svi3), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("after the valuation time", lookAhead.GetProperty("errors").GetProperty("surfaceId")[0].GetString());

        await ProblemAssert.HasFieldErrorAsync(await api.Client().PostAsJsonAsync("/api/v1/options/price",
            new { type = "call", spot = 3000, strike = 3300, tenorYears = 0.25, rate = 0.0, vol = 0.5, surfaceId = svi0 }, Token), "surfaceId");
        var text = await (await api.Client().PostAsync("/api/v1/options/price", new StringContent(
            """{"type":"call","spot":3000,"strike":3300,"tenorYears":0.25,"rate":0,"volSource":"surface","surfaceId":"1; DROP TABLE x"}""",
            System.Text.Encoding.UTF8, "application/json"), Token)).Content.ReadAsStringAsync(Token);
        Assert.Contains("surfaceId", text);
    }

    [Fact]
    public async Task PriceBatch_EachItemAtItsValuationTime_AsTheSingleEndpoint()
    {
        var (underlying, svi0, _, ssvi2, svi3) = await ArrangeAsync();
        var items = new[]
        {
            Option(underlying, T0.AddDays(1)), Option(underlying, T0.AddDays(4)), Option(underlying, T0.AddDays(-1)),
            Option(underlying, T0.AddDays(5), ssvi2), Option(SurfaceTestData.NewUnderlying(), T0.AddDays(5), svi0),
        };

        var results = (await PostAsync("/api/v1/options/price/batch", new { options = items })).GetProperty("results");

        Assert.Equal(svi0, results[0].GetProperty("surfaceId").GetInt64());
        Assert.Equal(svi3, results[1].GetProperty("surfaceId").GetInt64());
        Assert.Equal(422, results[2].GetProperty("error").GetProperty("status").GetInt32());
        Assert.True(results[2].GetProperty("error").GetProperty("errors").TryGetProperty("underlying", out _));
        Assert.Equal(ssvi2, results[3].GetProperty("surfaceId").GetInt64());
        Assert.Equal("ssvi", results[3].GetProperty("surfaceModel").GetString());
        Assert.True(results[4].GetProperty("error").GetProperty("errors").TryGetProperty("surfaceId", out _));
        foreach (var i in new[] { 0, 1, 3 })
        {
            var single = await PostAsync("/api/v1/options/price", items[i]);
            foreach (var field in new[] { "surfaceId", "surfaceModel", "surfaceAsOf", "vol", "price" })
                Assert.Equal(single.GetProperty(field).ToString(), results[i].GetProperty(field).ToString());
        }
    }

    [Fact]
    public async Task Structure_VolSourceSurface_EachLegAtItsStrikeFromTheSurfaceOfTheValuationTime()
    {
        var (underlying, svi0, _, _, svi3) = await ArrangeAsync();
        const double tenor = 0.25;
        object Butterfly(DateTimeOffset at, long? surfaceId = null) => new
        {
            template = "butterfly", type = "call", strikes = new[] { 2800.0, 3000, 3200 }, spot = 3000, tenorYears = tenor, rate = 0.0,
            volSource = "surface", underlying, valuationTime = at, surfaceId,
        };

        var early = await PostAsync("/api/v1/structures/price", Butterfly(T0.AddDays(2)));
        var late = await PostAsync("/api/v1/structures/price", Butterfly(T0.AddDays(3)));

        Assert.Equal("butterfly", early.GetProperty("name").GetString());
        Assert.Equal(svi0, early.GetProperty("surfaceId").GetInt64());
        Assert.Equal(svi3, late.GetProperty("surfaceId").GetInt64());
        Assert.Equal("svi", late.GetProperty("surfaceModel").GetString());
        Assert.Equal(T0.AddDays(3), late.GetProperty("surfaceAsOf").GetDateTimeOffset());
        foreach (var leg in early.GetProperty("legs").EnumerateArray())
        {
            var strike = leg.GetProperty("strike").GetDouble();
            var vol = await SurfaceTestData.GetJsonAsync(api, FormattableString.Invariant($"/api/v1/surfaces/{svi0}/vol?strike={strike:R}&tenorYears={tenor:R}"));
            Assert.Equal(vol.GetProperty("vol").GetDouble(), leg.GetProperty("vol").GetDouble(), 14);
        }

        var none = await PostAsync("/api/v1/structures/price", Butterfly(T0.AddDays(-1)), HttpStatusCode.UnprocessableEntity);
        Assert.True(none.GetProperty("errors").TryGetProperty("underlying", out _));
        var lookAhead = await PostAsync("/api/v1/structures/price", Butterfly(T0.AddDays(1), svi3), HttpStatusCode.UnprocessableEntity);
        Assert.True(lookAhead.GetProperty("errors").TryGetProperty("surfaceId", out _));
        await ProblemAssert.HasFieldErrorAsync(await api.Client().PostAsJsonAsync("/api/v1/structures/price",
            new { template = "straddle", strikes = new[] { 3000.0 }, spot = 3000, tenorYears = tenor, rate = 0.0, vol = 0.5, volSource = "surface", underlying }, Token), "vol");
        await ProblemAssert.HasFieldErrorAsync(await api.Client().PostAsJsonAsync("/api/v1/structures/price",
            new { template = "straddle", strikes = new[] { 3000.0 }, spot = 3000, tenorYears = tenor, rate = 0.0, vol = 0.5, surfaceId = svi0 }, Token), "surfaceId");
    }

    [Fact]
    public async Task L2Compare_VolSourceSurface_NamesTheSurface()
    {
        var (underlying, svi0, _, _, _) = await ArrangeAsync();

        var compared = await PostAsync("/api/v1/l2/compare", Option(underlying, T0.AddDays(2)));

        Assert.Equal(svi0, compared.GetProperty("surfaceId").GetInt64());
        Assert.Equal("svi", compared.GetProperty("surfaceModel").GetString());
        Assert.Equal(T0, compared.GetProperty("surfaceAsOf").GetDateTimeOffset());
    }

    [Fact]
    public async Task Chain_AsOfAndSurfaceId_ChooseTheSurfaceAndTheETagFollowsIt()
    {
        var (underlying, svi0, unpublished1, ssvi2, svi3) = await ArrangeAsync();
        var expiry = $"{SurfaceTestData.Expiries[2]:yyyy-MM-dd}";
        async Task<(JsonElement Body, string ETag)> ChainAsync(string query)
        {
            var response = await api.Client().GetAsync($"/api/v1/chains/{underlying}?expiry={expiry}&chain=base{query}", Token);
            var text = await response.Content.ReadAsStringAsync(Token);
            Assert.True(response.StatusCode == HttpStatusCode.OK, text);
            return (JsonDocument.Parse(text).RootElement.Clone(), response.Headers.ETag!.Tag);
        }

        var now = await ChainAsync("");
        var past = await ChainAsync("&asOf=2026-01-07T00:00:00Z");
        var named = await ChainAsync($"&surfaceId={ssvi2}");
        var namedUnpublished = await ChainAsync($"&surfaceId={unpublished1}");

        Assert.Equal((svi3, "svi", T0.AddDays(3)), (now.Body.GetProperty("surfaceId").GetInt64(), now.Body.GetProperty("surfaceModel").GetString(), now.Body.GetProperty("surfaceAsOf").GetDateTimeOffset()));
        Assert.Equal(svi0, past.Body.GetProperty("surfaceId").GetInt64());
        Assert.Equal((ssvi2, "ssvi"), (named.Body.GetProperty("surfaceId").GetInt64(), named.Body.GetProperty("surfaceModel").GetString()));
        Assert.Equal(unpublished1, namedUnpublished.Body.GetProperty("surfaceId").GetInt64());
        Assert.Equal(4, new[] { now.ETag, past.ETag, named.ETag, namedUnpublished.ETag }.Distinct().Count());
        Assert.Equal(now.ETag, (await ChainAsync($"&surfaceId={svi3}")).ETag); // the ETag derives from the surface and the query's expiry and chain

        await ProblemAssert.IsProblemAsync(await api.Client().GetAsync($"/api/v1/chains/{underlying}?expiry={expiry}&chain=base&asOf=2025-01-01T00:00:00Z", Token), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await api.Client().GetAsync($"/api/v1/chains/{underlying}?expiry={expiry}&chain=base&surfaceId=987654321", Token), HttpStatusCode.NotFound);
        var foreign = await ProblemAssert.IsProblemAsync(await api.Client().GetAsync($"/api/v1/chains/{SurfaceTestData.NewUnderlying()}?expiry={expiry}&chain=base&surfaceId={svi0}", Token), HttpStatusCode.UnprocessableEntity);
        Assert.True(foreign.GetProperty("errors").TryGetProperty("surfaceId", out _));
        var lookAhead = await ProblemAssert.IsProblemAsync(await api.Client().GetAsync($"/api/v1/chains/{underlying}?expiry={expiry}&chain=base&surfaceId={svi3}&asOf=2026-01-06T00:00:00Z", Token), HttpStatusCode.UnprocessableEntity);
        Assert.True(lookAhead.GetProperty("errors").TryGetProperty("surfaceId", out _));
        await ProblemAssert.IsProblemAsync(await api.Client().GetAsync($"/api/v1/chains/{underlying}?expiry={expiry}&chain=base&surfaceId=abc", Token), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await api.Client().GetAsync($"/api/v1/chains/{underlying}?expiry={expiry}&chain=base&asOf=yesterday", Token), HttpStatusCode.BadRequest);
    }
}
