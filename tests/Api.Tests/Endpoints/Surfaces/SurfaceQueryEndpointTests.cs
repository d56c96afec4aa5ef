using System.Net;
using System.Xml.Linq;
using Analytics.Api.Tests.Infrastructure;

namespace Analytics.Api.Tests.Endpoints.Surfaces;

/// <summary>Queries of a stored surface: vol at a point, grid, pictures (PRODUCT.md §3.2).</summary>
public sealed class SurfaceQueryEndpointTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<long> FitSyntheticAsync() =>
        (await SurfaceTestData.FitAsync(api, new { underlying = SurfaceTestData.NewUnderlying(), asOf = SurfaceTestData.AsOf, quotes = SurfaceTestData.SyntheticQuotes() }))
        .GetProperty("id").GetInt64();

    [Fact]
    public async Task Vol_ByStrikeAndExpiryOrByLogMoneynessAndTenor_IsTheSliceVolOnASlice()
    {
        var id = await FitSyntheticAsync();
        var expiry = SurfaceTestData.Expiries[1];
        var byStrike = await SurfaceTestData.GetJsonAsync(api, $"/api/v1/surfaces/{id}/vol?strike=3300&expiry={expiry.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}");
        var k = Math.Log(3300 / SurfaceTestData.Forward);
        Assert.Equal(SurfaceTestData.SviVol(1, k), byStrike.GetProperty("vol").GetDouble(), 3);
        Assert.Equal(k, byStrike.GetProperty("logMoneyness").GetDouble(), 9);
        var rule = byStrike.GetProperty("extrapolation");
        Assert.Equal("on-slice", rule.GetProperty("tenor").GetString());
        Assert.Equal("within-quoted-range", rule.GetProperty("strike").GetString());
        Assert.True(rule.GetProperty("interpolated").GetBoolean());
        // The synthetic quotes span strikes 1800–4800 around F = 3000.
        Assert.Equal(Math.Log(1800 / SurfaceTestData.Forward), rule.GetProperty("quotedLogMoneynessFrom").GetDouble(), 9);
        Assert.Equal(Math.Log(4800 / SurfaceTestData.Forward), rule.GetProperty("quotedLogMoneynessTo").GetDouble(), 9);

        var t = SurfaceTestData.TenorYears(1);
        var byK = await SurfaceTestData.GetJsonAsync(api, FormattableString.Invariant($"/api/v1/surfaces/{id}/vol?logMoneyness={k:R}&tenorYears={t:R}"));
        Assert.Equal(byStrike.GetProperty("vol").GetDouble(), byK.GetProperty("vol").GetDouble(), 12);

        var late = await SurfaceTestData.GetJsonAsync(api, $"/api/v1/surfaces/{id}/vol?logMoneyness=0&tenorYears=2");
        var lastAtm = await SurfaceTestData.GetJsonAsync(api, FormattableString.Invariant($"/api/v1/surfaces/{id}/vol?logMoneyness=0&tenorYears={SurfaceTestData.TenorYears(2):R}"));
        Assert.Equal("after-last-slice", late.GetProperty("extrapolation").GetProperty("tenor").GetString());
        Assert.False(late.GetProperty("extrapolation").GetProperty("interpolated").GetBoolean());
        Assert.Equal(lastAtm.GetProperty("vol").GetDouble(), late.GetProperty("vol").GetDouble(), 12); // constant vol at fixed k
    }

    [Fact]
    public async Task Vol_FarOutsideTheQuotes_SaysTheStrikeIsExtrapolated()
    {
        var id = await FitSyntheticAsync();
        var t = SurfaceTestData.TenorYears(1);
        var far = (await SurfaceTestData.GetJsonAsync(api, FormattableString.Invariant($"/api/v1/surfaces/{id}/vol?logMoneyness=10&tenorYears={t:R}"))).GetProperty("extrapolation");
        Assert.Equal("on-slice", far.GetProperty("tenor").GetString());
        Assert.Equal("above-quoted-range", far.GetProperty("strike").GetString());
        Assert.False(far.GetProperty("interpolated").GetBoolean());

        var between = (await SurfaceTestData.GetJsonAsync(api, FormattableString.Invariant($"/api/v1/surfaces/{id}/vol?logMoneyness=-3&tenorYears={0.5 * (SurfaceTestData.TenorYears(0) + t):R}"))).GetProperty("extrapolation");
        Assert.Equal("between-slices", between.GetProperty("tenor").GetString());
        Assert.Equal("below-quoted-range", between.GetProperty("strike").GetString());
    }

    [Fact]
    public async Task Vol_Problems_AreFieldLevel()
    {
        var id = await FitSyntheticAsync();
        await ProblemAssert.HasFieldErrorAsync(await api.Client().GetAsync($"/api/v1/surfaces/{id}/vol?tenorYears=0.5", Token), "strike");
        await ProblemAssert.HasFieldErrorAsync(await api.Client().GetAsync($"/api/v1/surfaces/{id}/vol?strike=3000", Token), "expiry");
        await ProblemAssert.HasFieldErrorAsync(await api.Client().GetAsync($"/api/v1/surfaces/{id}/vol?strike=3000&expiry=2020-01-01T00:00:00Z", Token), "expiry");
        await ProblemAssert.IsProblemAsync(await api.Client().GetAsync($"/api/v1/surfaces/{id}/vol?strike=abc&tenorYears=0.5", Token), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await api.Client().GetAsync("/api/v1/surfaces/987654321/vol?strike=3000&tenorYears=0.5", Token), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Grid_DefaultAndCustom_HasOneRowPerTenorAndOneVolPerLogMoneyness()
    {
        var id = await FitSyntheticAsync();
        var grid = await SurfaceTestData.GetJsonAsync(api, $"/api/v1/surfaces/{id}/grid");
        Assert.Equal(41, grid.GetProperty("logMoneyness").GetArrayLength());
        Assert.Equal(3, grid.GetProperty("tenorsYears").GetArrayLength());
        Assert.All(grid.GetProperty("vols").EnumerateArray(), row => Assert.Equal(41, row.GetArrayLength()));
        Assert.Equal(SurfaceTestData.SviVol(0, 0.0), grid.GetProperty("vols")[0][20].GetDouble(), 3);

        var custom = await SurfaceTestData.GetJsonAsync(api, $"/api/v1/surfaces/{id}/grid?logMoneynessFrom=-0.5&logMoneynessTo=0.5&logMoneynessPoints=5&tenorsYears=0.1,0.25,1");
        Assert.Equal(3, custom.GetProperty("vols").GetArrayLength());
        Assert.Equal(5, custom.GetProperty("vols")[2].GetArrayLength());
        await ProblemAssert.HasFieldErrorAsync(await api.Client().GetAsync($"/api/v1/surfaces/{id}/grid?tenorsYears=0.1,x", Token), "tenorsYears");
        // The shared input bounds (issue 14 item 1): a subnormal tenor is refused, tenors up to 1000 years are answered
        // (vol at fixed k held constant after the last slice, so the 500-year vol is the last slice's at that k).
        await ProblemAssert.HasFieldErrorAsync(await api.Client().GetAsync($"/api/v1/surfaces/{id}/grid?tenorsYears=0.1,5e-324", Token), "tenorsYears");
        await ProblemAssert.HasFieldErrorAsync(await api.Client().GetAsync($"/api/v1/surfaces/{id}/grid?tenorsYears=1000.5", Token), "tenorsYears");
        await ProblemAssert.HasFieldErrorAsync(await api.Client().GetAsync($"/api/v1/surfaces/{id}/vol?logMoneyness=0&tenorYears=1000.5", Token), "tenorYears");
        var far = await SurfaceTestData.GetJsonAsync(api, $"/api/v1/surfaces/{id}/vol?logMoneyness=0&tenorYears=500");
        Assert.Equal(grid.GetProperty("vols")[2][20].GetDouble(), far.GetProperty("vol").GetDouble(), 12);
    }

    [Fact]
    public async Task SmileSvg_IsWellFormedXmlWithLabelledAxes()
    {
        var id = await FitSyntheticAsync();
        var response = await api.Client().GetAsync($"/api/v1/surfaces/{id}/smile.svg", Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        Assert.Equal("svg", svg.Root!.Name.LocalName);
        var text = string.Join("\n", svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()));
        Assert.Contains("log-moneyness k = ln(K / F)", text);
        Assert.Contains("implied vol (%)", text);
        Assert.Contains("tenor (years, Act/365F)", text);
        Assert.Contains("market mid", text);
    }

    [Fact]
    public async Task SmilePng_StartsWithThePngSignature()
    {
        var id = await FitSyntheticAsync();
        var response = await api.Client().GetAsync($"/api/v1/surfaces/{id}/smile.png", Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(Token);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        Assert.True(bytes.Length > 10_000, $"{bytes.Length} bytes is too small for a drawn chart");
        if (Environment.GetEnvironmentVariable("SURFACE_PNG_OUT") is { Length: > 0 } path) await File.WriteAllBytesAsync(path, bytes, Token);
    }

    [Fact]
    public async Task SmileSvg_OneExpiry_DrawsThatSliceAloneWithItsRmseNamed()
    {
        var id = await FitSyntheticAsync();
        var expiry = SurfaceTestData.Expiries[1].UtcDateTime;
        foreach (var query in new[] { $"{expiry:yyyy-MM-dd}", $"{expiry:yyyy-MM-ddTHH:mm:ssZ}" })
        {
            var response = await api.Client().GetAsync($"/api/v1/surfaces/{id}/smile.svg?expiry={query}", Token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var svg = XDocument.Parse(await response.Content.ReadAsStringAsync(Token));
            var text = string.Join("\n", svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()));
            Assert.Contains($"{expiry:yyyy-MM-dd HH:mm}Z", text);
            Assert.DoesNotContain($"{SurfaceTestData.Expiries[0].UtcDateTime:yyyy-MM-dd}", text);
            Assert.DoesNotContain("ATM term structure", text);
            Assert.Contains("RMSE vs mid", text); // the synthetic quotes carry no venue marks: the title says so
            Assert.Contains("no venue marks", text);
        }

        await ProblemAssert.HasFieldErrorAsync(await api.Client().GetAsync($"/api/v1/surfaces/{id}/smile.png?expiry=2031-01-01", Token), "expiry");
        await ProblemAssert.HasFieldErrorAsync(await api.Client().GetAsync($"/api/v1/surfaces/{id}/smile.svg?expiry=soon", Token), "expiry");
    }

    [Fact]
    public async Task SmileSvg_DeribitBoard_PlotsTheVenueMarksAndTitlesTheRmseAgainstThem()
    {
        var (asOf, quotes) = SurfaceTestData.DeribitQuotes("ETH"); // PROVENANCE.md §1: implied_volatility is Deribit's mark IV
        var id = (await SurfaceTestData.FitAsync(api, new { underlying = SurfaceTestData.NewUnderlying(), asOf, quotes })).GetProperty("id").GetInt64();
        var response = await api.Client().GetAsync($"/api/v1/surfaces/{id}/smile.svg", Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        var text = string.Join("\n", svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()));
        Assert.Contains("smile panels: venue mark vol", text);
        Assert.Contains("RMSE vs venue mark", text);
    }
}
