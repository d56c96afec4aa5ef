using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Analytics.Api.Tests.Infrastructure;
using Analytics.Data.Entities;

namespace Analytics.Api.Tests.Endpoints.Portfolios;

/// <summary>
/// Stored, versioned portfolios over HTTP on SQLite and PostgreSQL: round trip, versions, concurrent updates, deletion,
/// listing order, validation (400 naming the field, 422 naming unknown identifiers) and roles.
/// </summary>
public abstract class PortfolioEndpointTests
{
    private const string Path = "/api/v1/portfolios";
    private readonly ApiFixture _api;

    protected PortfolioEndpointTests(ApiFixture api)
    {
        api.RequireAvailable();
        _api = api;
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private HttpClient Writer => _api.Client(TestKeys.Writer);

    /// <summary>A book on ETH and BTC (both given a price row), collateral in USDC and ETH.</summary>
    private static string Book(string name, double shortCalls = -10) => $$"""
        { "name": "{{name}}",
          "collateral": [ { "asset": "usdc", "amount": 25000 }, { "asset": "Eth", "amount": 2.5 } ],
          "positions": [
            { "kind": "option", "underlying": "eth", "type": "call", "style": "european", "strike": 3500, "expiry": "2027-03-26",
              "quantity": {{shortCalls.ToString(System.Globalization.CultureInfo.InvariantCulture)}}, "chain": "Arbitrum-One", "venue": "Derive", "premium": 120.5 },
            { "kind": "option", "underlying": "BTC", "type": "put", "style": "american", "strike": 80000,
              "expiry": "2027-06-25T08:00:00Z", "quantity": 0.5, "chain": "base", "settlement": "physical" },
            { "kind": "perp", "underlying": "ETH", "quantity": 1.5, "entryPrice": 3100, "market": "eth-perp", "venue": "GMX", "chain": "arbitrum-one" },
            { "kind": "spot", "underlying": "btc", "quantity": -0.25 }
          ] }
        """;

    private async Task EnsurePricesAsync(params string[] underlyings)
    {
        await using var db = _api.Factory.NewDbContext();
        foreach (var underlying in underlyings)
            db.PriceObservations.Add(new PriceObservationEntity
            {
                Underlying = underlying, Source = "test-" + Guid.NewGuid().ToString("N")[..8], TimestampUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
                Open = 1, High = 1, Low = 1, Close = 1,
            });
        await db.SaveChangesAsync(Token);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<JsonElement> CreateAsync(string body) =>
        await ReadAsync(await Writer.PostAsync(Path, Json(body), Token), HttpStatusCode.Created);

    private async Task<JsonElement> GetAsync(string path) => await ReadAsync(await _api.Client().GetAsync(path, Token), HttpStatusCode.OK);

    [Fact]
    public async Task Create_ValidBook_Returns201WithLocationAndNormalisedIdentifiers()
    {
        await EnsurePricesAsync("ETH", "BTC");

        var response = await Writer.PostAsync(Path, Json(Book("normalised")), Token);
        var body = await ReadAsync(response, HttpStatusCode.Created);

        var id = body.GetProperty("id").GetInt64();
        Assert.Equal($"{Path}/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(1, body.GetProperty("version").GetInt32());
        Assert.Equal(body.GetProperty("createdAt").GetDateTimeOffset(), body.GetProperty("updatedAt").GetDateTimeOffset());
        var positions = body.GetProperty("positions").EnumerateArray().ToList();
        Assert.Equal(4, positions.Count);
        var call = positions[0];
        Assert.Equal(("option", "ETH", "call", "european", "cash"), (call.GetProperty("kind").GetString(), call.GetProperty("underlying").GetString(),
            call.GetProperty("type").GetString(), call.GetProperty("style").GetString(), call.GetProperty("settlement").GetString()));
        Assert.Equal(new DateTimeOffset(2027, 3, 26, 8, 0, 0, TimeSpan.Zero), call.GetProperty("expiry").GetDateTimeOffset()); // date only = 08:00 UTC
        Assert.Equal(("arbitrum-one", "derive"), (call.GetProperty("chain").GetString(), call.GetProperty("venue").GetString()));
        Assert.Equal((3500.0, -10.0, 120.5), (call.GetProperty("strike").GetDouble(), call.GetProperty("quantity").GetDouble(), call.GetProperty("premium").GetDouble()));
        Assert.Equal(("american", "physical"), (positions[1].GetProperty("style").GetString(), positions[1].GetProperty("settlement").GetString()));
        Assert.Equal(("perp", "ETH-PERP", "gmx", 3100.0), (positions[2].GetProperty("kind").GetString(), positions[2].GetProperty("market").GetString(),
            positions[2].GetProperty("venue").GetString(), positions[2].GetProperty("entryPrice").GetDouble()));
        Assert.Equal(("spot", "BTC", -0.25), (positions[3].GetProperty("kind").GetString(), positions[3].GetProperty("underlying").GetString(),
            positions[3].GetProperty("quantity").GetDouble()));
        Assert.Equal(["USDC:25000", "ETH:2.5"], body.GetProperty("collateral").EnumerateArray()
            .Select(c => $"{c.GetProperty("asset").GetString()}:{c.GetProperty("amount").GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture)}"));
    }

    [Fact]
    public async Task Perp_WithoutMarket_DefaultsToUnderlyingPerp()
    {
        await EnsurePricesAsync("ETH");

        var body = await CreateAsync("""{ "name": "perp", "positions": [ { "kind": "perp", "underlying": "eth", "quantity": -3, "entryPrice": 3000 } ] }""");

        Assert.Equal("ETH-PERP", body.GetProperty("positions")[0].GetProperty("market").GetString());
        Assert.Empty(body.GetProperty("collateral").EnumerateArray());
    }

    [Fact]
    public async Task Get_AfterTwoPuts_CurrentIsVersion3AndVersion1IsUnchanged()
    {
        await EnsurePricesAsync("ETH", "BTC");
        var created = await CreateAsync(Book("versions v1"));
        var id = created.GetProperty("id").GetInt64();

        _api.Factory.Time.Advance(TimeSpan.FromMinutes(1));
        var v2 = await ReadAsync(await Writer.PutAsync($"{Path}/{id}", Json(Book("versions v2", shortCalls: -20)), Token), HttpStatusCode.OK);
        _api.Factory.Time.Advance(TimeSpan.FromMinutes(1));
        var v3 = await ReadAsync(await Writer.PutAsync($"{Path}/{id}", Json(Book("versions v3", shortCalls: -30)), Token), HttpStatusCode.OK);

        Assert.Equal((2, 3), (v2.GetProperty("version").GetInt32(), v3.GetProperty("version").GetInt32()));
        var current = await GetAsync($"{Path}/{id}");
        Assert.Equal((3, 3, "versions v3", -30.0), (current.GetProperty("version").GetInt32(), current.GetProperty("latestVersion").GetInt32(),
            current.GetProperty("name").GetString(), current.GetProperty("positions")[0].GetProperty("quantity").GetDouble()));
        Assert.True(current.GetProperty("updatedAt").GetDateTimeOffset() > current.GetProperty("createdAt").GetDateTimeOffset());

        var v1 = await GetAsync($"{Path}/{id}?version=1");
        Assert.Equal((1, 3), (v1.GetProperty("version").GetInt32(), v1.GetProperty("latestVersion").GetInt32()));
        foreach (var field in new[] { "name", "positions", "collateral", "createdAt", "updatedAt" })
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(created.GetProperty(field).GetRawText()), JsonNode.Parse(v1.GetProperty(field).GetRawText())),
                $"{field} of version 1 changed: {created.GetProperty(field)} → {v1.GetProperty(field)}");
        Assert.Equal(-20.0, (await GetAsync($"{Path}/{id}?version=2")).GetProperty("positions")[0].GetProperty("quantity").GetDouble());
    }

    [Fact]
    public async Task Get_VersionItDoesNotHave_Returns404NamingVersion_AndVersionZeroIs400()
    {
        await EnsurePricesAsync("ETH", "BTC");
        var id = (await CreateAsync(Book("no v9"))).GetProperty("id").GetInt64();

        var missing = await ProblemAssert.IsProblemAsync(await _api.Client().GetAsync($"{Path}/{id}?version=9", Token), HttpStatusCode.NotFound);
        Assert.True(missing.GetProperty("errors").TryGetProperty("version", out _));
        await ProblemAssert.HasFieldErrorAsync(await _api.Client().GetAsync($"{Path}/{id}?version=0", Token), "version");
        await ProblemAssert.IsProblemAsync(await _api.Client().GetAsync($"{Path}/987654321", Token), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Put_ConcurrentUpdates_EachGetsItsOwnVersion()
    {
        await EnsurePricesAsync("ETH", "BTC");
        var id = (await CreateAsync(Book("concurrent"))).GetProperty("id").GetInt64();
        const int Updates = 8;

        var responses = await Task.WhenAll(Enumerable.Range(1, Updates).Select(i =>
            _api.Client(TestKeys.Writer).PutAsync($"{Path}/{id}", Json(Book($"concurrent {i}", shortCalls: -i)), Token)));
        var bodies = new List<JsonElement>();
        foreach (var response in responses) bodies.Add(await ReadAsync(response, HttpStatusCode.OK));

        Assert.Equal(Enumerable.Range(2, Updates), bodies.Select(b => b.GetProperty("version").GetInt32()).Order());
        var current = await GetAsync($"{Path}/{id}");
        Assert.Equal(Updates + 1, current.GetProperty("version").GetInt32());
        foreach (var body in bodies) // every version stored what its own request sent
        {
            var stored = await GetAsync($"{Path}/{id}?version={body.GetProperty("version").GetInt32()}");
            Assert.Equal(body.GetProperty("name").GetString(), stored.GetProperty("name").GetString());
            Assert.Equal(body.GetProperty("positions")[0].GetProperty("quantity").GetDouble(), stored.GetProperty("positions")[0].GetProperty("quantity").GetDouble());
        }
    }

    [Fact]
    public async Task Delete_ThenGetPutDeleteAndList_404AndNotListed()
    {
        await EnsurePricesAsync("ETH", "BTC");
        var id = (await CreateAsync(Book("to delete"))).GetProperty("id").GetInt64();

        var deleted = await Writer.DeleteAsync($"{Path}/{id}", Token);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await ProblemAssert.IsProblemAsync(await _api.Client().GetAsync($"{Path}/{id}", Token), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await _api.Client().GetAsync($"{Path}/{id}?version=1", Token), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await Writer.PutAsync($"{Path}/{id}", Json(Book("again")), Token), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await Writer.DeleteAsync($"{Path}/{id}", Token), HttpStatusCode.NotFound);
        var ids = (await GetAsync($"{Path}?limit=1000")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64());
        Assert.DoesNotContain(id, ids);
    }

    [Fact]
    public async Task List_ThreePortfolios_MostRecentlyUpdatedFirstAcrossPages()
    {
        await EnsurePricesAsync("ETH", "BTC");
        _api.Factory.Time.Advance(TimeSpan.FromHours(1)); // after every portfolio other tests stored
        var a = (await CreateAsync(Book("list a"))).GetProperty("id").GetInt64();
        _api.Factory.Time.Advance(TimeSpan.FromMinutes(1));
        var b = (await CreateAsync(Book("list b"))).GetProperty("id").GetInt64();
        _api.Factory.Time.Advance(TimeSpan.FromMinutes(1));
        var c = (await CreateAsync(Book("list c"))).GetProperty("id").GetInt64();
        _api.Factory.Time.Advance(TimeSpan.FromMinutes(1));
        await ReadAsync(await Writer.PutAsync($"{Path}/{a}", Json(Book("list a v2")), Token), HttpStatusCode.OK);

        var first = await GetAsync($"{Path}?limit=2");
        var second = await GetAsync($"{Path}?limit=1&cursor={first.GetProperty("nextCursor").GetString()}");

        var items = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).ToList();
        Assert.Equal([a, c, b], items.Select(i => i.GetProperty("id").GetInt64()));
        Assert.Equal(("list a v2", 2, 4), (items[0].GetProperty("name").GetString(), items[0].GetProperty("version").GetInt32(),
            items[0].GetProperty("positionCount").GetInt32()));
    }

    [Fact]
    public async Task Create_UnknownUnderlyingChainAndAsset_Returns422NamingEach()
    {
        await EnsurePricesAsync("ETH");
        const string Body = """
            { "name": "unknowns", "collateral": [ { "asset": "USDT", "amount": 1 }, { "asset": "nocoin9", "amount": 5 } ],
              "positions": [
                { "kind": "spot", "underlying": "ETH", "quantity": 1 },
                { "kind": "option", "underlying": "noprice9", "type": "put", "strike": 1, "expiry": "2027-01-01", "quantity": 1, "chain": "arbitrum-one" },
                { "kind": "option", "underlying": "ETH", "type": "put", "strike": 1, "expiry": "2027-01-01", "quantity": 1, "chain": "Moon-Chain" } ] }
            """;

        var body = await ProblemAssert.IsProblemAsync(await Writer.PostAsync(Path, Json(Body), Token), HttpStatusCode.UnprocessableEntity);

        var errors = body.GetProperty("errors");
        Assert.Equal(["collateral[1].asset", "positions[1].underlying", "positions[2].chain"], errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.Contains("NOPRICE9", errors.GetProperty("positions[1].underlying")[0].GetString());
        Assert.Contains("moon-chain", errors.GetProperty("positions[2].chain")[0].GetString());
        Assert.Contains("NOCOIN9", errors.GetProperty("collateral[1].asset")[0].GetString());
        Assert.Equal(["NOPRICE9"], body.GetProperty("unknownUnderlyings").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal(["moon-chain"], body.GetProperty("unknownChains").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal(["NOCOIN9"], body.GetProperty("unknownAssets").EnumerateArray().Select(u => u.GetString()));
    }

    [Fact]
    public async Task Put_UnknownChain_Returns422AndStoresNoVersion()
    {
        await EnsurePricesAsync("ETH", "BTC");
        var id = (await CreateAsync(Book("422 put"))).GetProperty("id").GetInt64();

        var response = await Writer.PutAsync($"{Path}/{id}", Json(Book("422 put").Replace("\"base\"", "\"nowhere\"", StringComparison.Ordinal)), Token);

        var body = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.True(body.GetProperty("errors").TryGetProperty("positions[1].chain", out _));
        Assert.Equal(1, (await GetAsync($"{Path}/{id}")).GetProperty("version").GetInt32());
    }

    public static TheoryData<string, string> HostileBodies => new()
    {
        // Subnormal, huge, infinite-by-overflow and out-of-range numbers.
        { """{ "name": "x", "positions": [ { "kind": "spot", "underlying": "ETH", "quantity": 5e-324 } ] }""", "positions[0].quantity" },
        { """{ "name": "x", "positions": [ { "kind": "option", "underlying": "ETH", "type": "call", "strike": 5e-324, "expiry": "2027-01-01", "quantity": 1, "chain": "base" } ] }""", "positions[0].strike" },
        { """{ "name": "x", "positions": [ { "kind": "option", "underlying": "ETH", "type": "call", "strike": 1e400, "expiry": "2027-01-01", "quantity": 1, "chain": "base" } ] }""", "positions[0].strike" },
        { """{ "name": "x", "positions": [ { "kind": "option", "underlying": "ETH", "type": "call", "strike": 1e300, "expiry": "2027-01-01", "quantity": 1, "chain": "base" } ] }""", "positions[0].strike" },
        { """{ "name": "x", "positions": [ { "kind": "option", "underlying": "ETH", "type": "call", "strike": -5, "expiry": "2027-01-01", "quantity": 1, "chain": "base" } ] }""", "positions[0].strike" },
        { """{ "name": "x", "positions": [ { "kind": "spot", "underlying": "ETH", "quantity": 0 } ] }""", "positions[0].quantity" },
        { """{ "name": "x", "positions": [ { "kind": "spot", "underlying": "ETH", "quantity": "NaN" } ] }""", "positions[0].quantity" },
        { """{ "name": "x", "positions": [ { "kind": "spot", "underlying": "ETH", "quantity": 1 }, { "kind": "perp", "underlying": "ETH", "quantity": 1, "entryPrice": 1e13 } ] }""", "positions[1].entryPrice" },
        { """{ "name": "x", "collateral": [ { "asset": "USDC", "amount": -1 } ] }""", "collateral[0].amount" },
        { """{ "name": "x", "collateral": [ { "asset": "USDC", "amount": 1e-320 } ] }""", "collateral[0].amount" },
        { """{ "name": "x", "collateral": [ { "asset": "US DC", "amount": 1 } ] }""", "collateral[0].asset" },
        { """{ "name": "x", "collateral": [ { "asset": "USDC" } ] }""", "collateral[0].amount" },
        // Missing, misplaced and mistyped fields.
        { """{ "positions": [] }""", "name" },
        { """{ "name": "x", "positions": [ { "underlying": "ETH", "quantity": 1 } ] }""", "positions[0].kind" },
        { """{ "name": "x", "positions": [ { "kind": "future", "underlying": "ETH", "quantity": 1 } ] }""", "positions[0].kind" },
        { """{ "name": "x", "positions": [ { "kind": "option", "underlying": "ETH", "strike": 1, "expiry": "2027-01-01", "quantity": 1, "chain": "base" } ] }""", "positions[0].type" },
        { """{ "name": "x", "positions": [ { "kind": "option", "underlying": "ETH", "type": "call", "strike": 1, "quantity": 1, "chain": "base" } ] }""", "positions[0].expiry" },
        { """{ "name": "x", "positions": [ { "kind": "option", "underlying": "ETH", "type": "call", "strike": 1, "expiry": "next friday", "quantity": 1, "chain": "base" } ] }""", "positions[0].expiry" },
        { """{ "name": "x", "positions": [ { "kind": "option", "underlying": "ETH", "type": "call", "strike": 1, "expiry": "2027-01-01", "quantity": 1 } ] }""", "positions[0].chain" },
        { """{ "name": "x", "positions": [ { "kind": "perp", "underlying": "ETH", "quantity": 1 } ] }""", "positions[0].entryPrice" },
        { """{ "name": "x", "positions": [ { "kind": "spot", "underlying": "ETH", "quantity": 1, "strike": 100 } ] }""", "positions[0].strike" },
        { """{ "name": "x", "positions": [ { "kind": "spot", "underlying": "ETH", "quantity": 1, "colour": "red" } ] }""", "positions[0].colour" },
        { """{ "name": "x", "positions": [ null ] }""", "positions[0]" },
        { """{ "name": "x", "positions": [ { "kind": "spot", "underlying": "ETH/USD", "quantity": 1 } ] }""", "positions[0].underlying" },
    };

    [Theory, MemberData(nameof(HostileBodies))]
    public async Task Create_HostileOrInvalidBody_Returns400NamingTheField(string body, string field)
    {
        var response = await Writer.PostAsync(Path, Json(body), Token);

        Assert.NotEmpty(await ProblemAssert.HasFieldErrorAsync(response, field));
    }

    [Fact]
    public async Task Create_DeeplyNestedJson_Returns400NotA500()
    {
        var deep = "{ \"name\": \"x\", \"positions\": " + new string('[', 5000) + new string(']', 5000) + " }";

        await ProblemAssert.IsProblemAsync(await Writer.PostAsync(Path, Json(deep), Token), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Create_MorePositionsThanTheLimit_Returns400NamingPositions()
    {
        var positions = string.Join(",", Enumerable.Repeat("""{"kind":"spot","underlying":"ETH","quantity":1}""", 10_001));

        var response = await Writer.PostAsync(Path, Json($$"""{ "name": "too many", "positions": [{{positions}}] }"""), Token);

        Assert.Contains("10000", Assert.Single(await ProblemAssert.HasFieldErrorAsync(response, "positions")));
    }

    [Fact]
    public async Task Create_OpenApiExampleBody_IsAccepted()
    {
        await EnsurePricesAsync("ETH");
        var document = JsonNode.Parse(await _api.Client().GetStringAsync("/swagger/v1/swagger.json", Token))!;

        foreach (var (method, expected) in new[] { ("post", HttpStatusCode.Created), ("put", HttpStatusCode.OK) })
        {
            var operationPath = method == "post" ? Path : Path + "/{id}";
            var example = document["paths"]![operationPath]![method]!["requestBody"]!["content"]!["application/json"]!["example"]!.ToJsonString();
            var response = method == "post"
                ? await Writer.PostAsync(Path, Json(example), Token)
                : await Writer.PutAsync($"{Path}/{(await CreateAsync(example)).GetProperty("id").GetInt64()}", Json(example), Token);
            await ReadAsync(response, expected);
        }
    }

    [Fact]
    public async Task Writes_WithoutKeyOrAsReader_401And403_ReadsAnonymous()
    {
        await EnsurePricesAsync("ETH", "BTC");
        var id = (await CreateAsync(Book("roles"))).GetProperty("id").GetInt64();
        var anonymous = _api.Client();
        var reader = _api.Client(TestKeys.Reader);

        await ProblemAssert.IsProblemAsync(await anonymous.PostAsync(Path, Json(Book("anon")), Token), HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(await reader.PostAsync(Path, Json(Book("reader")), Token), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await anonymous.PutAsync($"{Path}/{id}", Json(Book("anon")), Token), HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(await reader.PutAsync($"{Path}/{id}", Json(Book("reader")), Token), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await anonymous.DeleteAsync($"{Path}/{id}", Token), HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(await reader.DeleteAsync($"{Path}/{id}", Token), HttpStatusCode.Forbidden);
        Assert.Equal(1, (await GetAsync($"{Path}/{id}")).GetProperty("version").GetInt32());
        await ReadAsync(await reader.GetAsync(Path, Token), HttpStatusCode.OK);
        await ReadAsync(await _api.Client(TestKeys.Admin).PutAsync($"{Path}/{id}", Json(Book("admin")), Token), HttpStatusCode.OK);
    }
}

public sealed class SqlitePortfolioEndpointTests(SqliteApi api) : PortfolioEndpointTests(api), IClassFixture<SqliteApi>;

public sealed class PostgresPortfolioEndpointTests(PostgresApi api) : PortfolioEndpointTests(api), IClassFixture<PostgresApi>;

/// <summary>Without anonymous reads, reading portfolios needs a key.</summary>
public sealed class PortfolioReadRoleTests(SqliteApiWithoutAnonymousReads api) : IClassFixture<SqliteApiWithoutAnonymousReads>
{
    [Fact]
    public async Task List_WithoutKey_401_WithReaderKey_200()
    {
        var token = TestContext.Current.CancellationToken;

        await ProblemAssert.IsProblemAsync(await api.Client().GetAsync("/api/v1/portfolios", token), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await api.Client(TestKeys.Reader).GetAsync("/api/v1/portfolios", token)).StatusCode);
    }
}
