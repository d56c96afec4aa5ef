using System.Net;
using System.Text;
using Analytics.Api.Tests.Infrastructure;

namespace Analytics.Api.Tests.Endpoints.Risk;

/// <summary>
/// The standing checks for the risk endpoints (API.md roles table: POSTs that only compute are `reader`, or anonymous when
/// `Auth:AllowAnonymousReads`): 401 problem without a key when anonymous reads are off, a reader key is enough, and
/// hostile bodies (not JSON, wrong types, unknown fields, deep nesting) are 400 problems, never 500s.
/// </summary>
public sealed class RiskEndpointStandingTests(SqliteApiWithoutAnonymousReads api) : IClassFixture<SqliteApiWithoutAnonymousReads>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private const string Backtest = """{"var":[1,1],"pnl":[0,-2]}""";

    public static TheoryData<string, string> Posts() => new()
    {
        { "/api/v1/risk/backtest", Backtest },
        { "/api/v1/risk/backtest", """{"portfolioId":987654321,"from":"2026-01-01","to":"2026-01-31"}""" },
        { "/api/v1/risk/var", """{"positions":[],"carry":{"ETH":{"source":"rates","rate":0.03}}}""" },
        { "/api/v1/risk/var", """{"positions":[]}""" },
        { "/api/v1/risk/stress", """{"positions":[],"scenarios":["ftx-2022-11"]}""" },
        { "/api/v1/risk/margin", """{"positions":[],"model":"deribit-standard"}""" },
        { "/api/v1/risk/margin/compare", """{"positions":[]}""" },
        { "/api/v1/risk/margin/backtest", """{"positions":[]}""" },
    };

    private Task<HttpResponseMessage> PostAsync(string path, string body, string? key = null) =>
        api.Client(key).PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"), Token);

    [Theory]
    [MemberData(nameof(Posts))]
    public async Task WithoutAKey_Is401Problem_AndAReaderKeyIsEnough(string path, string body)
    {
        await ProblemAssert.IsProblemAsync(await PostAsync(path, body), HttpStatusCode.Unauthorized);

        var asReader = await PostAsync(path, body, TestKeys.Reader);
        Assert.NotEqual(HttpStatusCode.Unauthorized, asReader.StatusCode);
        Assert.NotEqual(HttpStatusCode.Forbidden, asReader.StatusCode);
        Assert.True((int)asReader.StatusCode < 500, await asReader.Content.ReadAsStringAsync(Token));
    }

    [Fact]
    public async Task Gets_WithoutAKey_Are401Problems()
    {
        await ProblemAssert.IsProblemAsync(await api.Client().GetAsync("/api/v1/risk/stress/scenarios", Token), HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(await api.Client().GetAsync("/api/v1/risk/var/0123456789abcdef.svg", Token), HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(await api.Client().GetAsync("/api/v1/risk/margin/models", Token), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await api.Client(TestKeys.Reader).GetAsync("/api/v1/risk/margin/models", Token)).StatusCode);
        await ProblemAssert.IsProblemAsync(await api.Client().GetAsync("/api/v1/risk/var/0123456789abcdef", Token), HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(await api.Client(TestKeys.Reader).GetAsync("/api/v1/risk/var/0123456789abcdef", Token), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await api.Client(TestKeys.Reader).GetAsync("/api/v1/risk/var/" + new string('a', 5000), Token), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await api.Client(TestKeys.Reader).GetAsync("/api/v1/risk/stress/scenarios", Token)).StatusCode);
    }

    [Theory]
    [InlineData("GET", "/api/v1/reports")]
    [InlineData("GET", "/api/v1/reports/987654321")]
    [InlineData("GET", "/api/v1/reports/987654321.csv")]
    [InlineData("GET", "/api/v1/reports/987654321.html")]
    [InlineData("POST", "/api/v1/reports/987654321/reproduce")]
    public async Task Reports_WithoutAKey_Are401Problems_AndAReaderKeyIsEnough(string method, string path)
    {
        await ProblemAssert.IsProblemAsync(await api.Client().SendAsync(new HttpRequestMessage(new HttpMethod(method), path), Token), HttpStatusCode.Unauthorized);
        var asReader = await api.Client(TestKeys.Reader).SendAsync(new HttpRequestMessage(new HttpMethod(method), path), Token);
        Assert.Equal(path.EndsWith("/reports", StringComparison.Ordinal) ? HttpStatusCode.OK : HttpStatusCode.NotFound, asReader.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/reports?portfolioId=1e400", "portfolioId")]
    [InlineData("/api/v1/reports?portfolioId=-5", "portfolioId")]
    [InlineData("/api/v1/reports?from=not-a-date", "from")]
    [InlineData("/api/v1/reports?limit=99999999999", "limit")]
    [InlineData("/api/v1/reports/1e400", "id")]
    [InlineData("/api/v1/reports/NaN.csv", "id")]
    [InlineData("/api/v1/reports/-0.html", "id")]
    public async Task Reports_HostileNumbers_Are400ProblemsNamingTheField(string path, string field)
    {
        await ProblemAssert.HasFieldErrorAsync(await api.Client(TestKeys.Reader).GetAsync(path, Token), field);
    }

    [Theory]
    [InlineData("/api/v1/risk/backtest")]
    [InlineData("/api/v1/risk/var")]
    [InlineData("/api/v1/risk/stress")]
    [InlineData("/api/v1/risk/margin")]
    [InlineData("/api/v1/risk/margin/compare")]
    [InlineData("/api/v1/risk/margin/backtest")]
    public async Task HostileBodies_Are400Problems(string path)
    {
        var deep = new string('[', 5_000) + new string(']', 5_000);
        foreach (var body in new[]
                 {
                     "not json", "[]", """{"confidence":"high"}""", """{"unknownField":1}""", deep, """{"var":"1e400"}""",
                     """{"carry":{"ETH":"funding"}}""", """{"carry":{"ETH":{"source":"rates","rate":1e400}}}""", """{"carry":{"ETH":{"source":"rates","bogus":1}}}""",
                     """{"portfolioId":1,"from":"not a date","to":"2026-01-01"}""",
                     """{"positions":[],"scenarios":[{"name":"x","moves":{"ETH":{"vol":{"buckets":"wide"}}}}]}""",
                     """{"positions":[],"scenarios":[{"name":"x","moves":{"ETH":{"vol":{"buckets":[{"maxLogMoneyness":"low","shift":0.1},{"shift":0}]}}}}]}""",
                 })
        {
            var response = await PostAsync(path, body, TestKeys.Reader);
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        }
    }
}
