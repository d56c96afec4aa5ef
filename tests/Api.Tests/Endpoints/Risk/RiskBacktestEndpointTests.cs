using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Analytics.Api.Tests.Infrastructure;

namespace Analytics.Api.Tests.Endpoints.Risk;

/// <summary>
/// <c>POST /api/v1/risk/backtest</c> and <c>GET /api/v1/risk/stress/scenarios</c> through HTTP: the published MathWorks
/// varbacktest figures (EquityIndex vs Normal95: 1043 days, 57 failures, N00 = 932, N10 = 53, N01 = 53, N11 = 4;
/// LRatioPOF 0.46147, LRatioCCI 0.25866, LRatioCC 0.72013), Basel's zones, and field-level problems for bad series.
/// </summary>
public sealed class RiskBacktestEndpointTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>VaR of 100 every day and a loss of 150 on the exception days, a gain of 10 on the others.</summary>
    private static object Body(IReadOnlyList<bool> exceptions, double confidence) => new
    {
        var = exceptions.Select(_ => 100.0).ToArray(),
        pnl = exceptions.Select(e => e ? -150.0 : 10.0).ToArray(),
        confidence,
        testLevel = 0.95,
    };

    private async Task<JsonElement> PostAsync(object body)
    {
        var response = await api.Client().PostAsJsonAsync("/api/v1/risk/backtest", body, Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Token);
    }

    [Fact]
    public async Task Backtest_MathWorksEquityIndexSeries_GivesThePublishedStatistics()
    {
        var days = new List<bool> { false };
        for (int run = 0; run < 53; run++)
        {
            days.AddRange(Enumerable.Repeat(true, run < 4 ? 2 : 1));
            days.AddRange(Enumerable.Repeat(false, run < 52 ? 17 : 1043 - days.Count));
        }

        var result = await PostAsync(Body(days, 0.95));

        var kupiec = result.GetProperty("kupiec");
        Assert.Equal(0.46147, kupiec.GetProperty("statistic").GetDouble(), 5e-5);
        Assert.Equal(0.49694, kupiec.GetProperty("pValue").GetDouble(), 5e-5);
        Assert.Equal(57, kupiec.GetProperty("failures").GetInt32());
        Assert.Equal(1043, kupiec.GetProperty("observations").GetInt32());
        Assert.Equal("accept", kupiec.GetProperty("result").GetString());
        var christoffersen = result.GetProperty("christoffersen");
        Assert.Equal(0.25866, christoffersen.GetProperty("statistic").GetDouble(), 5e-5);
        Assert.Equal((932, 53, 53, 4), (christoffersen.GetProperty("n00").GetInt32(), christoffersen.GetProperty("n01").GetInt32(),
            christoffersen.GetProperty("n10").GetInt32(), christoffersen.GetProperty("n11").GetInt32()));
        Assert.Equal(0.72013, result.GetProperty("conditionalCoverage").GetProperty("statistic").GetDouble(), 5e-5);
        Assert.Equal(0.69763, result.GetProperty("conditionalCoverage").GetProperty("pValue").GetDouble(), 5e-5);
        Assert.Equal(57, result.GetProperty("exceptionDays").GetArrayLength());
    }

    [Theory]
    // Basel 1996, Table 2: 99 % VaR over 250 days.
    [InlineData(4, "green", 0.0)]
    [InlineData(7, "yellow", 0.65)]
    [InlineData(10, "red", 1.0)]
    public async Task Backtest_250DaysOf99PercentVar_IsInTheBaselZone(int exceptions, string zone, double plusFactor)
    {
        var days = Enumerable.Range(0, 250).Select(d => d % 25 == 0 && d / 25 < exceptions).ToArray();

        var light = (await PostAsync(Body(days, 0.99))).GetProperty("trafficLight");

        Assert.Equal(zone, light.GetProperty("zone").GetString());
        Assert.Equal(plusFactor, light.GetProperty("plusFactor").GetDouble(), 12);
    }

    [Fact]
    public async Task Backtest_NoExceptionAtAll_IsFiniteAndGreen()
    {
        var result = await PostAsync(Body(new bool[250], 0.99));

        Assert.Equal(-2 * 250 * Math.Log(0.99), result.GetProperty("kupiec").GetProperty("statistic").GetDouble(), 1e-9);
        Assert.Equal(0.0, result.GetProperty("christoffersen").GetProperty("statistic").GetDouble());
        Assert.Equal("green", result.GetProperty("trafficLight").GetProperty("zone").GetString());
    }

    [Theory]
    [InlineData("""{"var":[1,2],"pnl":[1]}""", "pnl")]
    [InlineData("""{"var":[],"pnl":[]}""", "var")]
    [InlineData("""{"var":[-1],"pnl":[0]}""", "var[0]")]
    [InlineData("""{"var":[1],"pnl":[5e-324]}""", "pnl[0]")]
    [InlineData("""{"var":[1],"pnl":[1e300]}""", "pnl[0]")]
    [InlineData("""{"var":[1],"pnl":[0],"confidence":1}""", "confidence")]
    [InlineData("""{"var":[1],"pnl":[0],"testLevel":0.3}""", "testLevel")]
    public async Task Backtest_BadSeries_Are400NamingTheField(string body, string field)
    {
        var response = await api.Client().PostAsync("/api/v1/risk/backtest", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Token);

        await ProblemAssert.HasFieldErrorAsync(response, field);
    }

    [Fact]
    public async Task StressScenarios_ListTheNamedEpisodesWithTheirSources()
    {
        var response = await api.Client().GetAsync("/api/v1/risk/stress/scenarios", Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var scenarios = (await response.Content.ReadFromJsonAsync<JsonElement>(Token)).EnumerateArray().ToArray();

        Assert.Equal(["covid-2020-03-12", "ftx-2022-11", "luna-2022-05", "yen-carry-2024-08-05"], scenarios.Select(s => s.GetProperty("name").GetString()));
        Assert.All(scenarios, s =>
        {
            Assert.True(s.GetProperty("referenceSpotMoves").GetProperty("BTC").GetDouble() < 0);
            Assert.Contains("Binance", s.GetProperty("referenceSource").GetString());
            Assert.Contains("assumption", s.GetProperty("volSource").GetString());
        });
    }
}
