using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Analytics.Api.Tests.Infrastructure;
using Analytics.Pricing.QuantLib;
using Analytics.TestSupport;

namespace Analytics.Api.Tests.Endpoints;

/// <summary>Issue 14 item 2 through HTTP: <c>quantlib-baw</c> at r ≤ 0, <c>quantlib-fd</c>'s <c>timeSteps</c>/<c>gridPoints</c>,
/// and <c>quantlib-qd-fp</c>.</summary>
public sealed class QdFpAndQuantLibAmericanEndpointTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static void RequireQuantLib()
    {
        var quantLib = QuantLibVanillaOptionPricer.Default;
        Requirement.Require(quantLib.IsAvailable, "QuantLib", "apt-get install -y libquantlib0-dev swig g++, then rebuild", quantLib.UnavailableReason);
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(object body)
    {
        var response = await api.Client().PostAsJsonAsync("/api/v1/options/price", body, Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    private static object Put(string engine, double rate, int? timeSteps = null, int? gridPoints = null) => new
    {
        type = "put", style = "american", engine, spot = 95, strike = 100, tenorYears = 1.0, vol = 0.3, rate, dividendYield = 0.01,
        timeSteps, gridPoints,
    };

    [Fact]
    public async Task Price_QuantLibBawPutAtZeroRate_IsTheEuropeanValueInsteadOfAnError()
    {
        RequireQuantLib();
        var (status, body) = await PostAsync(Put("quantlib-baw", 0.0));
        var (_, european) = await PostAsync(new { type = "put", engine = "quantlib-analytic", spot = 95, strike = 100, tenorYears = 1.0, vol = 0.3, rate = 0.0, dividendYield = 0.01 });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(european.GetProperty("price").GetDouble(), body.GetProperty("price").GetDouble());
        Assert.Equal(body.GetProperty("price").GetDouble(), body.GetProperty("europeanPrice").GetDouble());
    }

    [Fact]
    public async Task Price_QuantLibFdWithTimeStepsAndGridPoints_UsesThatGrid()
    {
        RequireQuantLib();
        var (coarseStatus, coarse) = await PostAsync(Put("quantlib-fd", 0.05, timeSteps: 20, gridPoints: 20));
        var (status, chosen) = await PostAsync(Put("quantlib-fd", 0.05));

        Assert.Equal(HttpStatusCode.OK, coarseStatus);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotEqual(chosen.GetProperty("price").GetDouble(), coarse.GetProperty("price").GetDouble());
    }

    [Fact]
    public async Task Price_QuantLibFdWithAGridSettingAtTenorZero_IsTheIntrinsicValue()
    {
        // Was a 500: the missing grid dimension was chosen for a tenor of 0, which the grid refuses.
        RequireQuantLib();
        var (status, body) = await PostAsync(new
        {
            type = "put", style = "american", engine = "quantlib-fd", spot = 95, strike = 100, tenorYears = 0.0, vol = 0.3, rate = 0.05, timeSteps = 100,
        });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(5.0, body.GetProperty("price").GetDouble()); // max(K − S, 0) at expiry
    }

    [Theory]
    [InlineData("binomial", 400, null)]
    [InlineData("quantlib-fd", 5, null)]
    [InlineData("quantlib-fd", null, 6000)]
    public async Task Price_InvalidGridSettings_Are400OnTheField(string engine, int? timeSteps, int? gridPoints)
    {
        var (status, problem) = await PostAsync(Put(engine, 0.05, timeSteps, gridPoints));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(timeSteps is null ? "gridPoints" : "timeSteps", out _), errors.ToString());
    }

    [Fact]
    public async Task Price_QuantLibQdFp_AgreesWithQdFp()
    {
        RequireQuantLib();
        var (status, quantLib) = await PostAsync(Put("quantlib-qd-fp", 0.05));
        var (_, ours) = await PostAsync(Put("qd-fp", 0.05));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("quantlib", quantLib.GetProperty("greeksMethod").GetString());
        Assert.Equal(ours.GetProperty("price").GetDouble(), quantLib.GetProperty("price").GetDouble(), 1e-4);
    }
}
