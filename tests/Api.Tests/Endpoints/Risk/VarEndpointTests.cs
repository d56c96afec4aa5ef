using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Analytics.Api.Tests.Endpoints.Surfaces;
using Analytics.Api.Tests.Infrastructure;

namespace Analytics.Api.Tests.Endpoints.Risk;

/// <summary>
/// <c>POST /api/v1/risk/var</c> through HTTP on both databases: a stored portfolio (options, a perp, coin collateral) valued
/// by every method over ingested daily prices and a fitted surface, the inputs named, contributions summing to VaR, the
/// picture drawn; inline positions; missing market data and bad settings answered with problems naming them.
/// </summary>
public abstract class VarEndpointTests(ApiFixture api)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;
    private static readonly DateTimeOffset AsOf = SurfaceTestData.AsOf.AddHours(1); // the surface's as-of + 1 h

    /// <summary>400 daily closes of a fresh underlying ending the day before <see cref="AsOf"/> at 3000 (seeded lognormal walk, 3 % a day), and its surface.</summary>
    private async Task<string> SeedAsync()
    {
        var underlying = SurfaceTestData.NewUnderlying();
        var random = new Random(7);
        var closes = new double[400];
        closes[^1] = SurfaceTestData.Forward;
        for (int d = 398; d >= 0; d--) closes[d] = closes[d + 1] * Math.Exp(0.03 * (random.NextDouble() - 0.5) * 3.46);
        var body = new StringBuilder("[");
        for (int d = 0; d < 400; d++)
        {
            var at = AsOf.UtcDateTime.Date.AddDays(d - 400).AddHours(23);
            body.Append(CultureInfo.InvariantCulture, $$"""{"underlying":"{{underlying}}","source":"test","timestamp":"{{at:yyyy-MM-ddTHH:mm:ssZ}}","price":{{closes[d]:R}}}""");
            body.Append(d < 399 ? "," : "]");
        }

        var posted = await api.Client(TestKeys.Writer).PostAsync("/api/v1/prices", new StringContent(body.ToString(), Encoding.UTF8, "application/json"), Token);
        Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync(Token));
        await SurfaceTestData.FitAsync(api, new { underlying, asOf = SurfaceTestData.AsOf, quotes = SurfaceTestData.SyntheticQuotes() });
        return underlying;
    }

    private static object[] Positions(string underlying) =>
    [
        new { kind = "option", underlying, type = "call", style = "european", strike = 3300, expiry = "2026-02-04", quantity = -10, chain = "arbitrum-one", premium = 90 },
        new { kind = "option", underlying, type = "put", style = "american", strike = 2700, expiry = "2026-04-06", quantity = 5, chain = "arbitrum-one", premium = 150 },
        new { kind = "perp", underlying, quantity = 2.5, entryPrice = 2950 },
    ];

    private async Task<JsonElement> PostVarAsync(object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await api.Client().PostAsJsonAsync("/api/v1/risk/var", body, Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    [Fact]
    public async Task StoredPortfolio_EveryMethod_NamesItsInputsAndContributionsSumToVar()
    {
        var underlying = await SeedAsync();
        var created = await api.Client(TestKeys.Writer).PostAsJsonAsync("/api/v1/portfolios",
            new { name = "risk test", collateral = new object[] { new { asset = underlying, amount = 3 }, new { asset = "USDC", amount = 10_000 } }, positions = Positions(underlying) }, Token);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("id").GetInt64();

        foreach (var method in new[] { "historical", "parametric", "delta-gamma", "monte-carlo" })
        {
            var run = await PostVarAsync(new { portfolioId = id, asOf = AsOf, method, confidence = 0.99, horizonDays = 1, paths = 4000, seed = 3 });

            var var = run.GetProperty("var").GetDouble();
            Assert.True(var > 0, $"{method}: VaR {var}");
            Assert.True(run.GetProperty("expectedShortfall").GetDouble() >= var * (method == "parametric" ? 1.0 : 0.999), method);
            var contributions = run.GetProperty("contributions").EnumerateArray().ToArray();
            Assert.Equal(4, contributions.Length); // three positions, then the coin collateral
            Assert.Equal(var, contributions.Sum(c => c.GetProperty("var").GetDouble()), Math.Max(1e-6, var * 1e-6));
            Assert.Equal($"collateral {underlying}", contributions[3].GetProperty("label").GetString());
            var inputs = run.GetProperty("inputs");
            Assert.Equal(id, inputs.GetProperty("portfolioId").GetInt64());
            Assert.Equal(1, inputs.GetProperty("portfolioVersion").GetInt32());
            Assert.Equal(SurfaceTestData.Forward, inputs.GetProperty("prices").GetProperty(underlying).GetProperty("price").GetDouble());
            Assert.Equal("test", inputs.GetProperty("prices").GetProperty(underlying).GetProperty("source").GetString());
            Assert.True(inputs.GetProperty("surfaceIds").TryGetProperty(underlying, out _));
            Assert.Equal(method == "monte-carlo", run.GetProperty("standardError").ValueKind == JsonValueKind.Object);
            Assert.Equal(method is "historical" or "monte-carlo", run.GetProperty("pnlHistogram").GetArrayLength() > 0);

            var svg = await api.Client().GetAsync($"/api/v1/risk/var/{run.GetProperty("id").GetString()}.svg", Token);
            Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
            var text = string.Join("\n", XDocument.Parse(await svg.Content.ReadAsStringAsync(Token)).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value));
            Assert.Contains("VaR", text);
        }
    }

    [Fact]
    public async Task InlinePositions_AreValuedAndUnknownUnderlyingsNamed()
    {
        var underlying = await SeedAsync();

        var run = await PostVarAsync(new { positions = Positions(underlying), collateral = Array.Empty<object>(), asOf = AsOf, method = "historical", horizonDays = 10, horizonScaling = "sqrt-time" });
        var unknown = await PostVarAsync(new { positions = new[] { new { kind = "spot", underlying = "NOPE" + underlying, quantity = 1 } }, asOf = AsOf },
            HttpStatusCode.UnprocessableEntity);

        Assert.Contains("√10", run.GetProperty("horizonScaling").GetString());
        Assert.Equal(JsonValueKind.Null, run.GetProperty("inputs").GetProperty("portfolioId").ValueKind);
        Assert.Contains("positions[0].underlying", unknown.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task MissingMarketData_Is422NamingIt()
    {
        var underlying = await SeedAsync();

        // Before the surface's as-of there is no published surface; a year before the prices start there is no price.
        var noSurface = await PostVarAsync(new { positions = Positions(underlying), asOf = SurfaceTestData.AsOf.AddDays(-1) }, HttpStatusCode.UnprocessableEntity);
        var noPrice = await PostVarAsync(new { positions = Positions(underlying), asOf = SurfaceTestData.AsOf.AddYears(-2) }, HttpStatusCode.UnprocessableEntity);

        Assert.Contains(noSurface.GetProperty("missing").EnumerateArray(), m => m.GetProperty("kind").GetString() == "surface");
        Assert.Contains(noPrice.GetProperty("missing").EnumerateArray(), m => m.GetProperty("kind").GetString() == "price");
    }

    [Theory]
    [InlineData("""{"positions":[],"method":"guess"}""", "method")]
    [InlineData("""{"positions":[],"confidence":1.5}""", "confidence")]
    [InlineData("""{"positions":[],"horizonDays":0}""", "horizonDays")]
    [InlineData("""{"positions":[],"paths":101}""", "paths")]
    [InlineData("""{"positions":[],"volModel":"sideways"}""", "volModel")]
    [InlineData("""{"positions":[],"method":"parametric","volModel":"surface-history"}""", "volModel")]
    [InlineData("""{"positions":[],"method":"monte-carlo","volModel":"surface-history"}""", "volModel")]
    [InlineData("""{"portfolioId":1,"positions":[]}""", "portfolioId")]
    [InlineData("""{}""", "positions")]
    [InlineData("""{"positions":[{"kind":"option","underlying":"ETH","type":"call","strike":5e-324,"expiry":"2026-03-27","quantity":1,"chain":"arbitrum-one"}]}""", "positions[0].strike")]
    public async Task BadRequests_Are400NamingTheField(string body, string field)
    {
        var response = await api.Client().PostAsync("/api/v1/risk/var", new StringContent(body, Encoding.UTF8, "application/json"), Token);

        await ProblemAssert.HasFieldErrorAsync(response, field);
    }

    [Fact]
    public async Task UnknownPortfolioAndRun_Are404()
    {
        await ProblemAssert.IsProblemAsync(await api.Client().PostAsJsonAsync("/api/v1/risk/var", new { portfolioId = 987654321 }, Token), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await api.Client().GetAsync("/api/v1/risk/var/0123456789abcdef.svg", Token), HttpStatusCode.NotFound);
    }
}

public sealed class SqliteVarEndpointTests(SqliteApi api) : VarEndpointTests(api), IClassFixture<SqliteApi>;

public sealed class PostgresVarEndpointTests(PostgresApi api) : VarEndpointTests(api), IClassFixture<PostgresApi>;
