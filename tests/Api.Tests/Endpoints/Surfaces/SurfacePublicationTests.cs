using System.Net;
using System.Text.Json;
using Analytics.Api.Tests.Infrastructure;

namespace Analytics.Api.Tests.Endpoints.Surfaces;

/// <summary>
/// Publication of surfaces (issue 13 item 2): a fit is published only when it passes the quality gate (no butterfly or
/// calendar arbitrage, median slice RMSE within <c>Surfaces:PublishMaxMedianRmseVolPoints</c>) and does not ask
/// <c>publish: false</c>; POST /surfaces/{id}/publish publishes any surface, for writers only.
/// </summary>
public sealed class SurfacePublicationTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<JsonElement> FitAsync(object? quotes = null, bool? publish = null, string? underlying = null) =>
        await SurfaceTestData.FitAsync(api, new
        {
            underlying = underlying ?? SurfaceTestData.NewUnderlying(), asOf = SurfaceTestData.AsOf,
            quotes = quotes ?? SurfaceTestData.SyntheticQuotes(), publish,
        });

    [Fact]
    public async Task Fit_CleanSyntheticSmile_PassesTheGateAndIsPublished()
    {
        var fitted = await FitAsync();

        var gate = fitted.GetProperty("qualityGate");
        Assert.True(gate.GetProperty("passed").GetBoolean(), gate.ToString());
        Assert.Equal(0, gate.GetProperty("reasons").GetArrayLength());
        Assert.Equal("mids", gate.GetProperty("rmseBasis").GetString()); // the posted quotes carry no venue mark
        Assert.Equal(0.5, gate.GetProperty("maxMedianRmseVolPoints").GetDouble());
        Assert.True(fitted.GetProperty("published").GetBoolean());
        Assert.Equal(api.Factory.Time.GetUtcNow(), fitted.GetProperty("publishedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Fit_CalendarArbitrage_StoredUnpublishedWithTheReason()
    {
        // The 30-day slice carries the 182-day total variance and vice versa: w falls with tenor at every k. The calendar
        // repair of raw SVI removes the crossing only by leaving the tight (±0.25 %) quotes, so the slices are reported as
        // failing (issue 13 item 4: "reported as failing, not silently bent") and the fit is not published.
        var quotes = SurfaceTestData.SyntheticQuotes(e => SurfaceTestData.Svi(2 - e));

        var fitted = await FitAsync(quotes);

        Assert.Empty(fitted.GetProperty("arbitrage").GetProperty("calendar").EnumerateArray());
        Assert.NotEmpty(fitted.GetProperty("failingSlices").EnumerateArray());
        Assert.Contains(fitted.GetProperty("slices").EnumerateArray(), s =>
            s.GetProperty("repair").GetProperty("calendar").GetString() == "outside-quote-bound" && s.GetProperty("repair").GetProperty("failing").GetBoolean());
        Assert.False(fitted.GetProperty("published").GetBoolean());
        Assert.Equal(JsonValueKind.Null, fitted.GetProperty("publishedAt").ValueKind);
        var gate = fitted.GetProperty("qualityGate");
        Assert.False(gate.GetProperty("passed").GetBoolean());
        Assert.Contains(gate.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains("fails its arbitrage repair", StringComparison.Ordinal));
        var svg = await api.Client().GetStringAsync($"/api/v1/surfaces/{fitted.GetProperty("id").GetInt64()}/smile.svg", TestContext.Current.CancellationToken);
        Assert.Contains("FAILING: an arbitrage repair had to leave the quotes", svg); // the picture says so too
    }

    [Fact]
    public async Task Fit_SmileNoSviFits_FailsTheRmseBoundAndIsStoredUnpublished()
    {
        // Every other strike 3 vol points above the SVI smile, the others 3 below: no SVI comes within half a vol point.
        var quotes = SurfaceTestData.SyntheticQuotes(SurfaceTestData.Svi, zigZagVol: 0.03);

        var fitted = await FitAsync(quotes);

        var gate = fitted.GetProperty("qualityGate");
        Assert.False(gate.GetProperty("passed").GetBoolean());
        Assert.True(gate.GetProperty("medianRmseVolPoints").GetDouble() > 0.5, gate.ToString());
        Assert.Contains(gate.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains("exceeds the bound of 0.5", StringComparison.Ordinal));
        Assert.False(fitted.GetProperty("published").GetBoolean());
    }

    [Fact]
    public async Task Fit_PublishFalse_PassesTheGateButStaysUnpublishedUntilPublished()
    {
        var fitted = await FitAsync(publish: false);
        var id = fitted.GetProperty("id").GetInt64();
        Assert.True(fitted.GetProperty("qualityGate").GetProperty("passed").GetBoolean());
        Assert.False(fitted.GetProperty("published").GetBoolean());
        Assert.False((await SurfaceTestData.GetJsonAsync(api, $"/api/v1/surfaces/{id}")).GetProperty("published").GetBoolean());

        var publishedAt = api.Factory.Time.GetUtcNow();
        var response = await api.Client(TestKeys.Writer).PostAsync($"/api/v1/surfaces/{id}/publish", null, Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var summary = JsonDocument.Parse(text).RootElement;
        Assert.Equal(id, summary.GetProperty("id").GetInt64());
        Assert.True(summary.GetProperty("published").GetBoolean());
        Assert.Equal(publishedAt, summary.GetProperty("publishedAt").GetDateTimeOffset());
        Assert.True(summary.GetProperty("qualityGate").GetProperty("passed").GetBoolean());

        // Idempotent: a second publish, later, keeps the first instant.
        api.Factory.Time.Advance(TimeSpan.FromMinutes(3));
        var again = JsonDocument.Parse(await (await api.Client(TestKeys.Writer).PostAsync($"/api/v1/surfaces/{id}/publish", null, Token))
            .Content.ReadAsStringAsync(Token)).RootElement;
        Assert.True(again.GetProperty("published").GetBoolean());
        Assert.Equal(publishedAt, again.GetProperty("publishedAt").GetDateTimeOffset());
        var byId = await SurfaceTestData.GetJsonAsync(api, $"/api/v1/surfaces/{id}");
        Assert.True(byId.GetProperty("published").GetBoolean());
        Assert.Equal(publishedAt, byId.GetProperty("publishedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Publish_SurfaceThatFailedTheGate_PublishesItAndKeepsTheVerdictVisible()
    {
        var underlying = SurfaceTestData.NewUnderlying();
        var fitted = await FitAsync(SurfaceTestData.SyntheticQuotes(e => SurfaceTestData.Svi(2 - e)), underlying: underlying);
        var id = fitted.GetProperty("id").GetInt64();
        var latest = await api.Client().GetAsync($"/api/v1/surfaces/latest?underlying={underlying}", Token);
        await ProblemAssert.IsProblemAsync(latest, HttpStatusCode.NotFound); // not published: pricing does not see it

        var summary = JsonDocument.Parse(await (await api.Client(TestKeys.Writer).PostAsync($"/api/v1/surfaces/{id}/publish", null, Token))
            .Content.ReadAsStringAsync(Token)).RootElement;

        Assert.True(summary.GetProperty("published").GetBoolean());
        Assert.False(summary.GetProperty("qualityGate").GetProperty("passed").GetBoolean());
        Assert.NotEqual(0, summary.GetProperty("qualityGate").GetProperty("reasons").GetArrayLength());
        Assert.Equal(id, (await SurfaceTestData.GetJsonAsync(api, $"/api/v1/surfaces/latest?underlying={underlying}")).GetProperty("id").GetInt64());
        var listed = (await SurfaceTestData.GetJsonAsync(api, $"/api/v1/surfaces?underlying={underlying}")).GetProperty("items")[0];
        Assert.True(listed.GetProperty("published").GetBoolean());
        Assert.False(listed.GetProperty("qualityGate").GetProperty("passed").GetBoolean());
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(TestKeys.Reader, HttpStatusCode.Forbidden)]
    [InlineData(TestKeys.Writer, HttpStatusCode.OK)]
    [InlineData(TestKeys.Admin, HttpStatusCode.OK)]
    public async Task Publish_ByRole_WritersMay(string? key, HttpStatusCode expected)
    {
        var id = (await FitAsync(publish: false)).GetProperty("id").GetInt64();

        var response = await api.Client(key).PostAsync($"/api/v1/surfaces/{id}/publish", null, Token);

        if (expected == HttpStatusCode.OK) Assert.Equal(expected, response.StatusCode);
        else await ProblemAssert.IsProblemAsync(response, expected);
        var stored = await SurfaceTestData.GetJsonAsync(api, $"/api/v1/surfaces/{id}");
        Assert.Equal(expected == HttpStatusCode.OK, stored.GetProperty("published").GetBoolean());
    }

    [Theory]
    [InlineData("987654321")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("9223372036854775807")]
    [InlineData("99999999999999999999")]
    [InlineData("abc")]
    [InlineData("1e3")]
    [InlineData("%27%20OR%201%3D1")]
    public async Task Publish_UnknownOrHostileId_Returns404Problem(string id)
    {
        var response = await api.Client(TestKeys.Writer).PostAsync($"/api/v1/surfaces/{id}/publish", null, Token);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Latest_ModelAndAsOf_ChooseAmongPublishedSurfacesAtOrBeforeIt()
    {
        var underlying = SurfaceTestData.NewUnderlying();
        var quotes = SurfaceTestData.SyntheticQuotes();
        var t0 = SurfaceTestData.AsOf;
        var first = await SurfaceTestData.FitAsync(api, new { underlying, asOf = t0, quotes });
        var unpublished = await SurfaceTestData.FitAsync(api, new { underlying, asOf = t0.AddHours(1), quotes, publish = false });
        var ssvi = await SurfaceTestData.FitAsync(api, new { underlying, asOf = t0.AddHours(2), quotes, model = "ssvi" });
        Assert.False(unpublished.GetProperty("published").GetBoolean());

        async Task<long> LatestAsync(string query) =>
            (await SurfaceTestData.GetJsonAsync(api, $"/api/v1/surfaces/latest?underlying={underlying}{query}")).GetProperty("id").GetInt64();
        Assert.Equal(first.GetProperty("id").GetInt64(), await LatestAsync(""));
        Assert.Equal(first.GetProperty("id").GetInt64(), await LatestAsync("&asOf=2026-01-05T09:30:00Z"));
        Assert.Equal(ssvi.GetProperty("id").GetInt64(), await LatestAsync("&model=ssvi"));
        Assert.Equal(ssvi.GetProperty("id").GetInt64(), await LatestAsync("&model=SSVI&asOf=2026-01-05T10:00:00Z"));

        var before = await ProblemAssert.IsProblemAsync(
            await api.Client().GetAsync($"/api/v1/surfaces/latest?underlying={underlying}&model=ssvi&asOf=2026-01-05T09:59:59Z", Token), HttpStatusCode.NotFound);
        Assert.Contains($"the first after it is surface {ssvi.GetProperty("id").GetInt64()}", before.GetProperty("detail").GetString());
        await ProblemAssert.HasFieldErrorAsync(await api.Client().GetAsync($"/api/v1/surfaces/latest?underlying={underlying}&model=heston", Token), "model");
    }
}
