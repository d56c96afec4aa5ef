using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Analytics.Api.Tests.Endpoints.Surfaces;
using Analytics.Api.Tests.Infrastructure;

namespace Analytics.Api.Tests.Endpoints.Risk;

/// <summary>
/// <c>POST /api/v1/risk/stress</c>: a named scenario moves spot by the indexed close-to-close return when both closes are
/// stored (else the catalogue's reference move), a user-defined one by its moves; linear positions lose exactly
/// quantity × spot × move; coin collateral's loss is reported apart; bad scenarios are 400s naming them.
/// </summary>
public sealed class StressEndpointTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;
    private static readonly DateTimeOffset AsOf = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Closes of a fresh underlying on 2022-11-07 (1,568.10) and 2022-11-09 (1,102.73) (the shared Binance ETH closes) from one feed, and a price at 3,000 the day before <see cref="AsOf"/> from another.</summary>
    private async Task<string> SeedAsync(bool withFtxCloses)
    {
        var underlying = SurfaceTestData.NewUnderlying();
        var rows = new List<string> { Row(underlying, new DateTime(2026, 1, 4, 23, 0, 0), 3000, "late-feed") }; // the spot's feed has no 2022 closes
        if (withFtxCloses)
        {
            rows.Add(Row(underlying, new DateTime(2022, 11, 7, 23, 59, 0), 1568.10));
            rows.Add(Row(underlying, new DateTime(2022, 11, 9, 23, 59, 0), 1102.73));
        }

        var response = await api.Client(TestKeys.Writer).PostAsync("/api/v1/prices", new StringContent("[" + string.Join(",", rows) + "]", Encoding.UTF8, "application/json"), Token);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Token));
        return underlying;
    }

    private static string Row(string underlying, DateTime at, double price, string source = "test") =>
        string.Create(CultureInfo.InvariantCulture, $$"""{"underlying":"{{underlying}}","source":"{{source}}","timestamp":"{{at:yyyy-MM-ddTHH:mm:ssZ}}","price":{{price}}}""");

    private async Task<JsonElement> StressAsync(object body)
    {
        var response = await api.Client().PostAsJsonAsync("/api/v1/risk/stress", body, Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement;
    }

    [Fact]
    public async Task NamedScenario_UsesTheIndexedClosesAndLinearLossesAreExact()
    {
        var underlying = await SeedAsync(withFtxCloses: true);

        var result = await StressAsync(new
        {
            positions = new[] { new { kind = "perp", underlying, quantity = 2.0, entryPrice = 2900.0 } },
            collateral = new object[] { new { asset = underlying, amount = 1.5 }, new { asset = "USDC", amount = 5000 } },
            asOf = AsOf,
            scenarios = new object[] { "ftx-2022-11", new { name = "up 10", moves = new Dictionary<string, object> { [underlying] = new { spot = 0.1 } } } },
        });

        var ftx = result.GetProperty("scenarios")[0];
        double move = 1102.73 / 1568.10 - 1;
        Assert.Equal(move, ftx.GetProperty("moves").GetProperty(underlying).GetProperty("spot").GetDouble(), 12);
        Assert.Contains("indexed closes (test)", ftx.GetProperty("moves").GetProperty(underlying).GetProperty("source").GetString());
        Assert.Equal(-2.0 * 3000 * move, ftx.GetProperty("positionLosses")[0].GetDouble(), 1e-6);
        Assert.Equal(-1.5 * 3000 * move, ftx.GetProperty("collateralLoss").GetDouble(), 1e-6);
        Assert.Equal(-3.5 * 3000 * move, ftx.GetProperty("loss").GetDouble(), 1e-6);
        var up = result.GetProperty("scenarios")[1];
        Assert.Equal("up 10", up.GetProperty("name").GetString());
        Assert.Equal(-3.5 * 3000 * 0.1, up.GetProperty("loss").GetDouble(), 1e-6); // a gain
    }

    [Fact]
    public async Task NamedScenario_WithoutIndexedCloses_NeedsAReferenceMove()
    {
        var underlying = await SeedAsync(withFtxCloses: false);

        var response = await api.Client().PostAsJsonAsync("/api/v1/risk/stress", new
        {
            positions = new[] { new { kind = "spot", underlying, quantity = 1.0 } },
            asOf = AsOf,
            scenarios = new[] { "luna-2022-05" },
        }, Token);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Contains(problem.GetProperty("missing").EnumerateArray(), m => m.GetProperty("key").GetString() == underlying && m.GetProperty("kind").GetString() == "history");
    }

    [Theory]
    [InlineData("""{"positions":[],"scenarios":[]}""", "scenarios")]
    [InlineData("""{"positions":[],"scenarios":["lehman-2008"]}""", "scenarios[0]")]
    [InlineData("""{"positions":[],"scenarios":[{"name":"x","moves":{"ETH":{"spot":-1.5}}}]}""", "scenarios[0].moves.ETH.spot")]
    [InlineData("""{"positions":[],"scenarios":[{"moves":{"ETH":{"spot":-0.1}}}]}""", "scenarios[0].name")]
    [InlineData("""{"positions":[],"scenarios":[42]}""", "scenarios[0]")]
    // An escaped lone surrogate has no .NET string: a field error (it was a 500, found by the fuzz suite).
    [InlineData("""{"positions":[],"scenarios":["\ud800"]}""", "scenarios")]
    [InlineData("""{"positions":[],"scenarios":[{"name":"x","moves":{"\udc00":{"spot":-0.1}}}]}""", "scenarios[0]")]
    public async Task BadScenarios_Are400NamingThem(string body, string field)
    {
        var response = await api.Client().PostAsync("/api/v1/risk/stress", new StringContent(body, Encoding.UTF8, "application/json"), Token);

        await ProblemAssert.HasFieldErrorAsync(response, field);
    }
}
