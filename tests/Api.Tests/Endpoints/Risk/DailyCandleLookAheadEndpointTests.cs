using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Analytics.Api.Tests.Endpoints.Surfaces;
using Analytics.Api.Tests.Infrastructure;
using Analytics.TestSupport;

namespace Analytics.Api.Tests.Endpoints.Risk;

/// <summary>
/// Issue 15 through HTTP on both databases: the shared Binance ETH daily candles (prices/Binance_ETHUSDT_d.csv,
/// 2022-10-01 to 2022-11-10) posted with <c>format=ohlcv-daily</c> for a fresh underlying; a historical VaR and a stress
/// run at noon of 2022-11-10 use the close of 2022-11-09 (1,102.73) as spot and returns ending 2022-11-09, never
/// 2022-11-10's close (1,299.28), which is known only when that day ends.
/// </summary>
public abstract class DailyCandleLookAheadEndpointTests
{
    private readonly ApiFixture _api;

    protected DailyCandleLookAheadEndpointTests(ApiFixture api)
    {
        api.RequireAvailable();
        _api = api;
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    // Closes of PROVENANCE.md §3's ETH file (ETHUSDT): 2022-11-07 1,568.10, 11-08 1,334.77, 11-09 1,102.73, 11-10 1,299.28.
    private const double Close7 = 1568.10, Close8 = 1334.77, Close9 = 1102.73, Close10 = 1299.28;
    private static readonly DateTimeOffset NoonOf10 = new(2022, 11, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset EndOf9 = new DateTimeOffset(2022, 11, 10, 0, 0, 0, TimeSpan.Zero).AddTicks(-10); // 23:59:59.999999
    private static readonly DateTimeOffset EndOf10 = new DateTimeOffset(2022, 11, 11, 0, 0, 0, TimeSpan.Zero).AddTicks(-10);

    private async Task<string> ImportAsync()
    {
        var underlying = SurfaceTestData.NewUnderlying();
        var lines = await File.ReadAllLinesAsync(Path.Combine(RepositoryPaths.RequireSharedDataDirectory(), "prices/Binance_ETHUSDT_d.csv"), Token);
        var days = lines.Skip(1).Where(l => string.CompareOrdinal(l.Split(',')[1], "2022-10-01") >= 0 && string.CompareOrdinal(l.Split(',')[1], "2022-11-10") <= 0);
        var csv = string.Join('\n', days.Prepend(lines[0])) + "\n";
        var response = await _api.Client(TestKeys.Writer).PostAsync($"/api/v1/prices?format=ohlcv-daily&underlying={underlying}",
            new StringContent(csv, Encoding.UTF8, "text/csv"), Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.IsSuccessStatusCode, text);
        Assert.Equal(41, JsonDocument.Parse(text).RootElement.GetProperty("inserted").GetInt32());
        return underlying;
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string path, object body)
    {
        var response = await _api.Client().PostAsJsonAsync(path, body, Token);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token)).RootElement);
    }

    private static (double Price, DateTimeOffset ObservedAt) Spot(JsonElement result, string underlying)
    {
        var price = result.GetProperty("inputs").GetProperty("prices").GetProperty(underlying);
        return (price.GetProperty("price").GetDouble(), price.GetProperty("observedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task HistoricalVar_AtNoon_UsesTheDayBeforesCloseAndReturnsEndingThen()
    {
        var underlying = await ImportAsync();
        object Body(DateTimeOffset asOf) => new
        {
            positions = new[] { new { kind = "spot", underlying, quantity = 1.0 } },
            asOf, method = "historical", confidence = 0.99, horizonDays = 1, lookbackDays = 30,
        };

        var (status, noon) = await PostAsync("/api/v1/risk/var", Body(NoonOf10));
        Assert.True(status == HttpStatusCode.OK, noon.ToString());
        var (_, afterEnd) = await PostAsync("/api/v1/risk/var", Body(EndOf10.AddTicks(10)));

        // Before the fix: 1,299.28 observed 2022-11-10T00:00Z and returns through 2022-11-10.
        Assert.Equal((Close9, EndOf9), Spot(noon, underlying));
        Assert.Equal("2022-11-09", noon.GetProperty("inputs").GetProperty("lastReturnEnd").GetString());
        // The worst day is 11-08 → 11-09, the return revalued at the spot: 1,102.73 × (1,102.73 / 1,334.77 − 1).
        var worst = noon.GetProperty("worstScenarios")[0];
        Assert.Equal("2022-11-09", worst.GetProperty("scenario").GetString());
        Assert.Equal(Close9 * (Close9 / Close8 - 1), worst.GetProperty("pnl").GetDouble(), 6);
        // Once the 10th has ended, its close is the spot and its return the last one.
        Assert.Equal((Close10, EndOf10), Spot(afterEnd, underlying));
        Assert.Equal("2022-11-10", afterEnd.GetProperty("inputs").GetProperty("lastReturnEnd").GetString());
    }

    [Fact]
    public async Task NamedStress_AtNoon_RevaluesAtTheDayBeforesCloseAndReadsNoCloseAfterAsOf()
    {
        var underlying = await ImportAsync();
        object Body(DateTimeOffset asOf) => new
        {
            positions = new[] { new { kind = "perp", underlying, quantity = 2.0, entryPrice = 1500.0 } },
            asOf, scenarios = new[] { "ftx-2022-11" },
        };

        var (status, noon) = await PostAsync("/api/v1/risk/stress", Body(NoonOf10));
        Assert.True(status == HttpStatusCode.OK, noon.ToString());
        var (duringWindow, problem) = await PostAsync("/api/v1/risk/stress", Body(new DateTimeOffset(2022, 11, 9, 12, 0, 0, TimeSpan.Zero)));

        Assert.Equal((Close9, EndOf9), Spot(noon, underlying));
        var ftx = noon.GetProperty("scenarios")[0];
        double move = Close9 / Close7 - 1; // the window's closes, 2022-11-07 to 2022-11-09, both known at noon of the 10th
        Assert.Equal(move, ftx.GetProperty("moves").GetProperty(underlying).GetProperty("spot").GetDouble(), 12);
        Assert.Equal(-2.0 * Close9 * move, ftx.GetProperty("loss").GetDouble(), 6);
        // At noon of the 9th the window's last close is not known yet, and a fresh underlying has no reference move.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, duringWindow);
        Assert.Contains(problem.GetProperty("missing").EnumerateArray(), m => m.GetProperty("key").GetString() == underlying && m.GetProperty("kind").GetString() == "history");
    }
}

public sealed class SqliteDailyCandleLookAheadEndpointTests(SqliteApi api) : DailyCandleLookAheadEndpointTests(api), IClassFixture<SqliteApi>;

public sealed class PostgresDailyCandleLookAheadEndpointTests(PostgresApi api) : DailyCandleLookAheadEndpointTests(api), IClassFixture<PostgresApi>;
