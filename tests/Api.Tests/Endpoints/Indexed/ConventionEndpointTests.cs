using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Analytics.Api.Tests.Infrastructure;
using Analytics.TestSupport;

namespace Analytics.Api.Tests.Endpoints.Indexed;

/// <summary>
/// Issue 14 item 8, "one convention per concept", on the indexed data: identifiers in any case, a date-only expiry at
/// 08:00 UTC in ingested rows, bars from one feed at a time, and the <c>price-csv</c> format back to 2009-01-03.
/// On SQLite and PostgreSQL.
/// </summary>
public abstract class ConventionEndpointTests
{
    private readonly ApiFixture _api;

    protected ConventionEndpointTests(ApiFixture api)
    {
        api.RequireAvailable();
        _api = api;
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpMethod method, string path, string? body = null, string mediaType = "text/csv")
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, mediaType);
        var response = await _api.Client(TestKeys.Writer).SendAsync(request, Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private async Task<JsonElement> OkAsync(HttpMethod method, string path, string? body = null, string mediaType = "text/csv")
    {
        var (status, json) = await SendAsync(method, path, body, mediaType);
        Assert.True(status == HttpStatusCode.OK, $"{method} {path}: {(int)status} {json}");
        return json;
    }

    private static string Mixed(string id) => string.Concat(id.Select((c, i) => i % 2 == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)));

    [Fact]
    public async Task Ingest_MixedCaseIdentifiers_AreStoredCanonicalAndEveryListingFindsThemInAnyCase()
    {
        var data = new IngestTestData();
        var (u, v) = (data.Underlying, data.Venue);
        await OkAsync(HttpMethod.Post, "/api/v1/trades",
            $"{IngestTestData.TradeCsvHeader}\nArbitrum-ONE,{Mixed(v)},0x{u}01,0,1,2026-01-05T10:00:00Z,option,{u.ToLowerInvariant()},2026-03-27T08:00:00Z,3000,call,buy,100,1,0.1,3100\n");
        await OkAsync(HttpMethod.Post, "/api/v1/quotes",
            $"venue,underlying,expiry,strike,type,timestamp,bid,ask\n{v.ToUpperInvariant()},{Mixed(u)},2026-03-27T08:00:00Z,3000,call,2026-01-05T10:00:00Z,99,101\n");
        await OkAsync(HttpMethod.Post, "/api/v1/funding",
            $"venue,market,timestamp,rate,intervalHours\n{Mixed(v)},{u.ToLowerInvariant()}-usdt,2026-01-05T08:00:00Z,0.0001,8\n{Mixed(v)},{u.ToLowerInvariant()}-usdt,2026-01-05T16:00:00Z,0.0001,8\n");
        await OkAsync(HttpMethod.Post, "/api/v1/prices",
            $"underlying,source,timestamp,price\n{u.ToLowerInvariant()},{Mixed(v)}-Feed,2026-01-05T10:00:00Z,3000\n");

        var trades = await OkAsync(HttpMethod.Get, $"/api/v1/trades?chain=ARBITRUM-one&venue={v.ToUpperInvariant()}&underlying={u.ToLowerInvariant()}");
        var quotes = await OkAsync(HttpMethod.Get, $"/api/v1/quotes?venue={Mixed(v)}&underlying={u.ToLowerInvariant()}");
        var funding = await OkAsync(HttpMethod.Get, $"/api/v1/funding?venue={v.ToUpperInvariant()}&market={Mixed(u)}-Usdt");
        var summary = await OkAsync(HttpMethod.Get, $"/api/v1/funding/{u.ToLowerInvariant()}-usdt/summary?venue={v.ToUpperInvariant()}&windowHours=24&to=2026-01-05T20:00:00Z");
        var prices = await OkAsync(HttpMethod.Get, $"/api/v1/prices?underlying={Mixed(u)}&source={v.ToUpperInvariant()}-FEED");
        var bars = await OkAsync(HttpMethod.Get, $"/api/v1/markets/{u.ToLowerInvariant()}/bars?source=prices&priceSource={v.ToUpperInvariant()}-feed&from=2026-01-05T00:00:00Z&to=2026-01-06T00:00:00Z");

        var trade = Assert.Single(trades.GetProperty("items").EnumerateArray());
        Assert.Equal(("arbitrum-one", v, u), (trade.GetProperty("chain").GetString(), trade.GetProperty("venue").GetString(),
            trade.GetProperty("instrument").GetProperty("underlying").GetString()));
        Assert.Equal(v, Assert.Single(quotes.GetProperty("items").EnumerateArray()).GetProperty("venue").GetString());
        Assert.All(funding.GetProperty("items").EnumerateArray(), f => Assert.Equal($"{u}-USDT", f.GetProperty("market").GetString()));
        Assert.Equal(2, funding.GetProperty("items").GetArrayLength());
        Assert.Equal(2, summary.GetProperty("observations").GetInt32());
        Assert.Equal($"{v}-feed", Assert.Single(prices.GetProperty("items").EnumerateArray()).GetProperty("source").GetString());
        Assert.Equal((u, $"{v}-feed"), (bars.GetProperty("underlying").GetString(), bars.GetProperty("priceSource").GetString()));
        Assert.Single(bars.GetProperty("bars").EnumerateArray());
    }

    [Fact]
    public async Task PriceWithFundingCarry_VenueAndMarketInAnyCase_FindTheIndexedSeries()
    {
        var data = new IngestTestData();
        var market = $"{data.Underlying}-USDT";
        var valuation = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var rows = new[] { 0, 8, 16 }.Select(h => new { venue = data.Venue, market, timestamp = valuation.AddHours(-h), rate = 0.0002, intervalHours = 8 });
        var ingest = await _api.Client(TestKeys.Writer).PostAsJsonAsync("/api/v1/funding", rows, Token);
        Assert.True(ingest.IsSuccessStatusCode, await ingest.Content.ReadAsStringAsync(Token));

        async Task<JsonElement> PriceAsync(string chain, string venue, string fundingMarket)
        {
            var response = await _api.Client().PostAsJsonAsync("/api/v1/options/price", new
            {
                type = "call", spot = 3000, strike = 3000, vol = 0.6, rate = 0.04, valuationTime = valuation, expiry = valuation.AddDays(30),
                l2 = new { chain, carrySource = "funding", fundingVenue = venue, fundingMarket, fundingLookbackHours = 24 },
            }, Token);
            var text = await response.Content.ReadAsStringAsync(Token);
            Assert.True(response.StatusCode == HttpStatusCode.OK, text);
            return JsonDocument.Parse(text).RootElement.Clone();
        }

        var canonical = await PriceAsync("arbitrum-one", data.Venue, market);
        var otherCase = await PriceAsync("Arbitrum-One", data.Venue.ToUpperInvariant(), market.ToLowerInvariant());

        // PRODUCT.md §3.4: annualised = ratePerInterval × 8760 / intervalHours.
        Assert.Equal(0.0002 * 8760 / 8, otherCase.GetProperty("l2").GetProperty("carryRate").GetDouble(), 12);
        Assert.Equal(canonical.ToString(), otherCase.ToString());
    }

    [Fact]
    public async Task SurfacesAndStructures_IdentifiersInAnyCase_AreTheCanonicalOnes()
    {
        var underlying = Surfaces.SurfaceTestData.NewUnderlying();
        var fit = await Surfaces.SurfaceTestData.FitAsync(_api, new { underlying = underlying.ToLowerInvariant(), asOf = Surfaces.SurfaceTestData.AsOf, quotes = Surfaces.SurfaceTestData.SyntheticQuotes() });
        var listed = await OkAsync(HttpMethod.Get, $"/api/v1/surfaces?underlying={Mixed(underlying)}");
        var structure = await _api.Client().PostAsJsonAsync("/api/v1/structures/price", new
        {
            template = "call-spread", type = "call", strikes = new[] { 90, 110 }, spot = 100, tenorYears = 0.25, vol = 0.6, rate = 0.0, quantity = 1,
            l2 = new { chain = "Arbitrum-ONE" },
        }, Token);
        var structureBody = JsonDocument.Parse(await structure.Content.ReadAsStringAsync(Token)).RootElement;

        Assert.Equal(underlying, fit.GetProperty("underlying").GetString());
        Assert.Equal(fit.GetProperty("id").GetInt64(), Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt64());
        Assert.True(structure.StatusCode == HttpStatusCode.OK, structureBody.ToString());
        Assert.Equal("arbitrum-one", structureBody.GetProperty("l2").GetProperty("chain").GetString());
    }

    [Fact]
    public async Task IngestedOptionRows_DateOnlyExpiry_Mean0800Utc()
    {
        var data = new IngestTestData();
        await OkAsync(HttpMethod.Post, "/api/v1/trades", data.TradeCsv(1).Replace("2026-03-27T08:00:00Z", "2026-03-27", StringComparison.Ordinal));
        await OkAsync(HttpMethod.Post, "/api/v1/quotes",
            $$"""[{"venue":"{{data.Venue}}","underlying":"{{data.Underlying}}","expiry":"2026-03-27","strike":3000,"type":"put","timestamp":"2026-01-05T10:00:00Z","bid":90,"ask":92}]""",
            "application/json");

        var trade = Assert.Single((await OkAsync(HttpMethod.Get, $"/api/v1/trades?venue={data.Venue}")).GetProperty("items").EnumerateArray());
        var quote = Assert.Single((await OkAsync(HttpMethod.Get, $"/api/v1/quotes?venue={data.Venue}")).GetProperty("items").EnumerateArray());

        Assert.Equal(data.OptionKey, trade.GetProperty("instrument").GetProperty("key").GetString());
        Assert.Equal($"{data.Underlying}-20260327T080000Z-3000-P-european-cash", quote.GetProperty("instrument").GetProperty("key").GetString());
    }

    [Fact]
    public async Task PriceBars_TwoSources_Are422ListingThemUntilOneIsChosen()
    {
        var data = new IngestTestData();
        await OkAsync(HttpMethod.Post, "/api/v1/prices",
            $"underlying,source,timestamp,price\n{data.Underlying},feed-a,2026-01-05T10:00:00Z,100\n{data.Underlying},feed-a,2026-01-05T10:30:00Z,110\n" +
            $"{data.Underlying},feed-b,2026-01-05T10:15:00Z,500\n");
        var range = "&interval=1h&from=2026-01-05T00:00:00Z&to=2026-01-06T00:00:00Z";

        var (status, problem) = await SendAsync(HttpMethod.Get, $"/api/v1/markets/{data.Underlying}/bars?source=prices{range}");
        var a = await OkAsync(HttpMethod.Get, $"/api/v1/markets/{data.Underlying}/bars?source=prices&priceSource=FEED-A{range}");
        var b = await OkAsync(HttpMethod.Get, $"/api/v1/markets/{data.Underlying}/bars?source=prices&priceSource=feed-b{range}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal(["feed-a", "feed-b"], problem.GetProperty("available").EnumerateArray().Select(s => s.GetString()));
        Assert.True(problem.GetProperty("errors").TryGetProperty("priceSource", out _), problem.ToString());
        var barA = Assert.Single(a.GetProperty("bars").EnumerateArray());
        Assert.Equal((100.0, 110.0, 100.0, 110.0, 2), (barA.GetProperty("open").GetDouble(), barA.GetProperty("high").GetDouble(),
            barA.GetProperty("low").GetDouble(), barA.GetProperty("close").GetDouble(), barA.GetProperty("count").GetInt32()));
        Assert.Equal("feed-a", a.GetProperty("priceSource").GetString());
        Assert.Equal(500.0, Assert.Single(b.GetProperty("bars").EnumerateArray()).GetProperty("close").GetDouble());
    }

    [Fact]
    public async Task TradeBars_TwoVenues_Are422ListingThemUntilOneIsChosen_OneVenueIsNamed()
    {
        var data = new IngestTestData();
        var other = new IngestTestData();
        await OkAsync(HttpMethod.Post, "/api/v1/trades", data.PerpTradeCsv(2));
        var range = "&interval=1h&from=2026-01-05T00:00:00Z&to=2026-01-06T00:00:00Z";
        var single = await OkAsync(HttpMethod.Get, $"/api/v1/markets/{data.Underlying}/bars?{range[1..]}");
        // The same perp market traded on a second venue, at other prices.
        await OkAsync(HttpMethod.Post, "/api/v1/trades", data.PerpTradeCsv(1).Replace(data.Venue, other.Venue, StringComparison.Ordinal)
            .Replace("0xperp", "0xother", StringComparison.Ordinal).Replace(",3000,2,", ",2000,2,", StringComparison.Ordinal));

        var (status, problem) = await SendAsync(HttpMethod.Get, $"/api/v1/markets/{data.Underlying}/bars?{range[1..]}");
        var chosen = await OkAsync(HttpMethod.Get, $"/api/v1/markets/{data.Underlying}/bars?venue={other.Venue.ToUpperInvariant()}{range}");

        Assert.Equal(data.Venue, single.GetProperty("venue").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal(new[] { data.Venue, other.Venue }.Order(StringComparer.Ordinal),
            problem.GetProperty("available").EnumerateArray().Select(s => s.GetString()!));
        Assert.Equal(other.Venue, chosen.GetProperty("venue").GetString());
        Assert.Equal(2000.0, Assert.Single(chosen.GetProperty("bars").EnumerateArray()).GetProperty("close").GetDouble());
    }

    [Fact]
    public async Task PriceCsv_DateValueFile_LoadsDailyPricesBack2009AtTheEndOfTheDayInTheTimeZone()
    {
        var data = new IngestTestData();
        var source = data.Venue;
        const string file = "date,value\n2009-01-03,0.0001\n2010-07-18,0.0858\n2014-12-31,320.19\n";

        var utc = await OkAsync(HttpMethod.Post, $"/api/v1/prices?format=price-csv&underlying={data.Underlying.ToLowerInvariant()}&source={source}", file);
        var shifted = await OkAsync(HttpMethod.Post,
            $"/api/v1/prices?format=price-csv&underlying={data.Underlying}&source={source}-plus3&timeZone=%2B03:00", file);
        var listed = await OkAsync(HttpMethod.Get, $"/api/v1/prices?underlying={data.Underlying}&source={source}&from=2009-01-01T00:00:00Z");
        var plus3 = await OkAsync(HttpMethod.Get, $"/api/v1/prices?underlying={data.Underlying}&source={source}-plus3&from=2009-01-01T00:00:00Z");

        Assert.Equal((3, 3), (utc.GetProperty("inserted").GetInt32(), shifted.GetProperty("inserted").GetInt32()));
        var rows = listed.GetProperty("items").EnumerateArray().Select(p => (p.GetProperty("timestamp").GetDateTimeOffset(), p.GetProperty("close").GetDouble())).ToList();
        // A date alone is a daily value, known by the day's end: stamped at 23:59:59.999999 (issue 15; it was 00:00, the day's start).
        Assert.Equal([(At("2009-01-03T23:59:59.999999Z"), 0.0001), (At("2010-07-18T23:59:59.999999Z"), 0.0858), (At("2014-12-31T23:59:59.999999Z"), 320.19)], rows);
        // A naive date in UTC+3 ends three hours before UTC midnight (so 2009-01-03 there ends after the genesis block's day starts).
        Assert.Equal(At("2009-01-03T20:59:59.999999Z"), plus3.GetProperty("items")[0].GetProperty("timestamp").GetDateTimeOffset());
    }

    [Fact]
    public async Task PriceCsv_ColumnParametersAndDateFormat_ReadAnyTwoColumnLayout()
    {
        var data = new IngestTestData();
        var result = await OkAsync(HttpMethod.Post,
            $"/api/v1/prices?format=price-csv&timeColumn=Day&valueColumn=Close&underlyingColumn=Coin&source={data.Venue}&dateFormat=dd/MM/yyyy%20HH:mm&timeZone=Europe/London",
            $"Day,Coin,Close\n15/07/2020 09:30,{data.Underlying.ToLowerInvariant()},9200.5\n15/01/2021 09:30,{data.Underlying},39000\n");
        var listed = await OkAsync(HttpMethod.Get, $"/api/v1/prices?underlying={data.Underlying}&source={data.Venue}&from=2020-01-01T00:00:00Z");

        Assert.Equal(2, result.GetProperty("inserted").GetInt32());
        // London is UTC+1 in July (BST), UTC+0 in January.
        Assert.Equal([At("2020-07-15T08:30:00Z"), At("2021-01-15T09:30:00Z")],
            listed.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("timestamp").GetDateTimeOffset()));
    }

    [Theory]
    [InlineData("&underlying=BTC", "date,value\n2009-01-02,1\n", HttpStatusCode.UnprocessableEntity, "date")] // before the genesis block
    [InlineData("&underlying=BTC", "date,value\n2020-01-01,-5\n", HttpStatusCode.UnprocessableEntity, "value")]
    [InlineData("&underlying=BTC", "date,value\n31/12/2020,5\n", HttpStatusCode.UnprocessableEntity, "date")]
    [InlineData("", "date,value\n2020-01-01,5\n", HttpStatusCode.BadRequest, "underlying")]
    [InlineData("&underlying=BTC&underlyingColumn=coin", "date,value\n2020-01-01,5\n", HttpStatusCode.BadRequest, "underlying")]
    [InlineData("&underlying=BTC&timeZone=Mars/Olympus", "date,value\n2020-01-01,5\n", HttpStatusCode.BadRequest, "timeZone")]
    [InlineData("&underlying=BTC&valueColumn=close", "date,value\n2020-01-01,5\n", HttpStatusCode.BadRequest, "header")]
    public async Task PriceCsv_BadRowOrParameter_IsRejectedNamingIt(string parameters, string file, HttpStatusCode expected, string field)
    {
        var source = new IngestTestData().Venue;
        var (status, problem) = await SendAsync(HttpMethod.Post, $"/api/v1/prices?format=price-csv&source={source}{parameters}", file);

        Assert.Equal(expected, status);
        if (expected == HttpStatusCode.BadRequest)
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        else
            Assert.Equal(field, problem.GetProperty("errors")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task PriceCsv_MissingSource_Is400NamingIt()
    {
        var (status, problem) = await SendAsync(HttpMethod.Post, "/api/v1/prices?format=price-csv&underlying=BTC", "date,value\n2020-01-01,5\n");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(problem.GetProperty("errors").TryGetProperty("source", out _), problem.ToString());
    }

    [Fact]
    public async Task PriceCsv_BinanceDailyFileAsDateAndClose_LoadsEveryDay()
    {
        // Shared data prices/Binance_BTCUSDT_d.csv (PROVENANCE.md §3): 2,769 daily rows, 2017-08-17 to 2025-03-16, newest first.
        var path = Path.Combine(RepositoryPaths.RequireSharedDataDirectory(), "prices/Binance_BTCUSDT_d.csv");
        var source = new IngestTestData().Venue;

        var result = await OkAsync(HttpMethod.Post, $"/api/v1/prices?format=price-csv&timeColumn=Date&valueColumn=Close&underlying=BTC&source={source}",
            await File.ReadAllTextAsync(path, Token));
        var crash = await OkAsync(HttpMethod.Get, $"/api/v1/prices?underlying=BTC&source={source}&from=2020-03-12T00:00:00Z&to=2020-03-13T00:00:00Z");

        Assert.Equal(2769, result.GetProperty("inserted").GetInt32());
        // PROVENANCE.md's stress-day table: BTC closed at 4,800.00 USDT on 2020-03-12.
        var day = Assert.Single(crash.GetProperty("items").EnumerateArray());
        Assert.Equal(4800.00, day.GetProperty("close").GetDouble());
        Assert.Equal(At("2020-03-12T23:59:59.999999Z"), day.GetProperty("timestamp").GetDateTimeOffset()); // the day's close instant
    }

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);
}

public sealed class SqliteConventionEndpointTests(SqliteApi api) : ConventionEndpointTests(api), IClassFixture<SqliteApi>;

public sealed class PostgresConventionEndpointTests(PostgresApi api) : ConventionEndpointTests(api), IClassFixture<PostgresApi>;
