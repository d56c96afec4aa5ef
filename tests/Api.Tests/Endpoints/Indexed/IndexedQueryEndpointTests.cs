using System.Net;
using System.Text;
using System.Text.Json;
using Analytics.Api.Tests.Infrastructure;
using Analytics.TestSupport;

namespace Analytics.Api.Tests.Endpoints.Indexed;

/// <summary>Listings, bars and funding summaries over ingested rows, on SQLite and PostgreSQL.</summary>
public abstract class IndexedQueryEndpointTests
{
    private readonly ApiFixture _api;

    protected IndexedQueryEndpointTests(ApiFixture api)
    {
        api.RequireAvailable();
        _api = api;
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, string? body = null, string mediaType = "text/csv")
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, mediaType);
        var response = await _api.Client(TestKeys.Writer).SendAsync(request, Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task ListTrades_PagesOfTwoFilteredByUnderlying_ReturnEveryTradeOnceInTimeOrder()
    {
        var data = new IngestTestData();
        await SendAsync(HttpMethod.Post, "/api/v1/trades", data.TradeCsv(5));

        var prices = new List<decimal>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await SendAsync(HttpMethod.Get, $"/api/v1/trades?underlying={data.Underlying}&limit=2" + (cursor is null ? "" : $"&cursor={cursor}"));
            prices.AddRange(page.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("price").GetDecimal()));
            cursor = page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal([100m, 101m, 102m, 103m, 104m], prices);
        Assert.Equal(3, pages);
        var one = await SendAsync(HttpMethod.Get, $"/api/v1/trades?venue={data.Venue}&from=2026-01-05T10:01:00Z&to=2026-01-05T10:02:00Z");
        var trade = Assert.Single(one.GetProperty("items").EnumerateArray());
        var key = trade.GetProperty("instrument").GetProperty("key").GetString();
        Assert.Equal($"{data.Underlying}-20260327T080000Z-3000-C-european-cash", key);
        var byInstrument = await SendAsync(HttpMethod.Get, $"/api/v1/trades?instrument={key}&limit=1000");
        Assert.Equal(5, byInstrument.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Bars_OfOneInstrument_GiveOhlcVolumeAndVwapOfItsTrades()
    {
        var data = new IngestTestData();
        await SendAsync(HttpMethod.Post, "/api/v1/trades", data.TradeCsv(5));
        await SendAsync(HttpMethod.Post, "/api/v1/trades", data.PerpTradeCsv(3));

        var hourly = await SendAsync(HttpMethod.Get, $"/api/v1/markets/{data.Underlying}/bars?instrument={data.OptionKey}&interval=1h&from=2026-01-05T00:00:00Z&to=2026-01-06T00:00:00Z");
        var minutes = await SendAsync(HttpMethod.Get, $"/api/v1/markets/{data.Underlying}/bars?instrument={data.OptionKey}&interval=1m&from=2026-01-05T10:00:00Z&to=2026-01-05T11:00:00Z");

        var bar = Assert.Single(hourly.GetProperty("bars").EnumerateArray());
        Assert.Equal(DateTimeOffset.Parse("2026-01-05T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture), bar.GetProperty("start").GetDateTimeOffset());
        Assert.Equal((100.0, 104.0, 100.0, 104.0), (bar.GetProperty("open").GetDouble(), bar.GetProperty("high").GetDouble(), bar.GetProperty("low").GetDouble(), bar.GetProperty("close").GetDouble()));
        Assert.Equal(15.0, bar.GetProperty("volume").GetDouble());
        Assert.Equal(1540.0 / 15, bar.GetProperty("vwap").GetDouble(), 9); // Σ p·q / Σ q
        Assert.Equal(5, minutes.GetProperty("bars").GetArrayLength());
    }

    [Fact]
    public async Task Bars_OfAnUnderlying_AreOfItsPerpetualsNotItsOptionPremiums()
    {
        var data = new IngestTestData();
        await SendAsync(HttpMethod.Post, "/api/v1/trades", data.TradeCsv(5));
        await SendAsync(HttpMethod.Post, "/api/v1/trades", data.PerpTradeCsv(3));

        var hourly = await SendAsync(HttpMethod.Get, $"/api/v1/markets/{data.Underlying}/bars?interval=1h&from=2026-01-05T00:00:00Z&to=2026-01-06T00:00:00Z");

        var bar = Assert.Single(hourly.GetProperty("bars").EnumerateArray());
        Assert.Equal((3000.0, 3020.0, 3000.0, 3020.0), (bar.GetProperty("open").GetDouble(), bar.GetProperty("high").GetDouble(), bar.GetProperty("low").GetDouble(), bar.GetProperty("close").GetDouble()));
        Assert.Equal((6.0, 3010.0, 3), (bar.GetProperty("volume").GetDouble(), bar.GetProperty("vwap").GetDouble(), bar.GetProperty("count").GetInt32()));
    }

    [Fact]
    public async Task Filters_OnInstrumentKeyAndPriceSource_IgnoreCase()
    {
        var data = new IngestTestData();
        await SendAsync(HttpMethod.Post, "/api/v1/trades", data.TradeCsv(2));
        await SendAsync(HttpMethod.Post, "/api/v1/prices",
            $$"""[{"underlying":"{{data.Underlying}}","source":"Chainlink","timestamp":"2026-01-05T10:00:00Z","price":3000}]""", "application/json");

        var trades = await SendAsync(HttpMethod.Get, $"/api/v1/trades?instrument={data.OptionKey.ToLowerInvariant()}");
        var prices = await SendAsync(HttpMethod.Get, $"/api/v1/prices?underlying={data.Underlying}&source=CHAINLINK");

        Assert.Equal(2, trades.GetProperty("items").GetArrayLength());
        Assert.Equal("chainlink", Assert.Single(prices.GetProperty("items").EnumerateArray()).GetProperty("source").GetString());
    }

    [Fact]
    public async Task FundingSummary_ThreeEightHourRates_GivesTimeWeightedAnnualisedRate()
    {
        var data = new IngestTestData();
        await SendAsync(HttpMethod.Post, "/api/v1/funding",
            data.FundingCsv(("2023-01-01T00:00:00Z", 0.0001, 8), ("2023-01-01T08:00:00Z", 0.0002, 8), ("2023-01-01T16:00:00Z", 0.0003, 8)));

        var summary = await SendAsync(HttpMethod.Get, $"/api/v1/funding/{data.Underlying}-USD/summary?venue={data.Venue}&windowHours=24&to=2023-01-01T16:00:00Z");
        var list = await SendAsync(HttpMethod.Get, $"/api/v1/funding?market={data.Underlying}-USD");

        Assert.Equal(3, summary.GetProperty("observations").GetInt32());
        Assert.Equal(0.0002, summary.GetProperty("meanRatePerInterval").GetDouble(), 12);
        Assert.Equal(0.0002 * 8760 / 8, summary.GetProperty("annualisedRate").GetDouble(), 12);
        Assert.Equal((0.0001, 0.0003), (summary.GetProperty("min").GetDouble(), summary.GetProperty("max").GetDouble()));
        Assert.Equal(3, list.GetProperty("items").GetArrayLength());
        var missing = await _api.Client().GetAsync($"/api/v1/funding/{data.Underlying}-USD/summary?to=2020-01-01T00:00:00Z", Token);
        await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PostQuotes_DeribitSnapshotFile_LoadsEveryRowAndListsUsdPremiums()
    {
        var file = Path.Combine(RepositoryPaths.RequireSharedDataDirectory(), "options/deribit_options_snapshot_20260105T153329Z.csv");
        var data = new IngestTestData();

        var result = await SendAsync(HttpMethod.Post, $"/api/v1/quotes?format=deribit-snapshot&venue={data.Venue}", await File.ReadAllTextAsync(file, Token));
        var page = await SendAsync(HttpMethod.Get, $"/api/v1/quotes?venue={data.Venue}&underlying=BTC&limit=1000");

        Assert.Equal(1288, result.GetProperty("inserted").GetInt32());
        Assert.Equal(628, page.GetProperty("items").GetArrayLength());
        Assert.All(page.GetProperty("items").EnumerateArray().Where(q => q.GetProperty("mark").GetDouble() > 0), q =>
        {
            var bound = Math.Max(q.GetProperty("underlyingPrice").GetDouble(), q.GetProperty("instrument").GetProperty("strike").GetDouble());
            Assert.InRange(q.GetProperty("mark").GetDouble(), 0.0001, bound); // USD and below max(forward, strike); a coin price would be tiny
            Assert.Equal(("usd", "underlying"), (q.GetProperty("premiumCurrency").GetString(), q.GetProperty("venuePremiumCurrency").GetString()));
        });
    }

    [Theory]
    [InlineData("/api/v1/markets/ETH/bars?interval=2h", "interval")]
    [InlineData("/api/v1/markets/ETH/bars?source=quotes", "source")]
    [InlineData("/api/v1/markets/ETH/bars?source=prices&instrument=PERP-ETH-USD", "instrument")]
    [InlineData("/api/v1/markets/ETH/bars?interval=1m&from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", "from")]
    [InlineData("/api/v1/funding/BTC-USD/summary?windowHours=0", "windowHours")]
    [InlineData("/api/v1/trades?limit=0", "limit")]
    [InlineData("/api/v1/quotes?cursor=nope", "cursor")]
    [InlineData("/api/v1/funding?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", "to")]
    // Instants whose window or default range would fall before year 1 (were 500s): the accepted range is [1970, 9000).
    [InlineData("/api/v1/funding/BTC-USD/summary?to=0001-01-01T00:00:00Z", "to")]
    [InlineData("/api/v1/funding/BTC-USD/summary?windowHours=87600&to=0010-01-01T00:00:00Z", "to")]
    [InlineData("/api/v1/markets/BTC/bars?to=0001-01-01T00:30:00Z", "to")]
    [InlineData("/api/v1/markets/BTC/bars?interval=1d&from=1969-12-31T00:00:00Z", "from")]
    [InlineData("/api/v1/trades?from=9999-12-31T00:00:00Z", "from")]
    public async Task Queries_BadParameter_Return400NamingIt(string path, string field)
    {
        await ProblemAssert.HasFieldErrorAsync(await _api.Client().GetAsync(path, Token), field);
    }
}

public sealed class SqliteIndexedQueryEndpointTests(SqliteApi api) : IndexedQueryEndpointTests(api), IClassFixture<SqliteApi>;

public sealed class PostgresIndexedQueryEndpointTests(PostgresApi api) : IndexedQueryEndpointTests(api), IClassFixture<PostgresApi>;
