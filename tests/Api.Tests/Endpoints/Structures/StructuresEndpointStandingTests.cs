using System.Net;
using System.Text;
using Analytics.Api.Tests.Infrastructure;

namespace Analytics.Api.Tests.Endpoints.Structures;

/// <summary>
/// The standing checks for POST /structures/price with the fields of issue 14 item 4 (<c>expiry</c>, <c>farExpiry</c>, legs'
/// <c>expiry</c>, <c>valuationTime</c>, <c>volSource</c>, <c>premiumCurrency</c>): API.md roles (a POST that only computes is
/// `reader`, or anonymous when `Auth:AllowAnonymousReads`): 401 problem without a key when anonymous reads are off, a reader
/// key is enough; hostile bodies in the new fields (wrong types, unknown values, absurd instants, huge numbers) are 400
/// problems, never 500s.
/// </summary>
public sealed class StructuresEndpointStandingTests(SqliteApiWithoutAnonymousReads api) : IClassFixture<SqliteApiWithoutAnonymousReads>
{
    private const string Path = "/api/v1/structures/price";
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private Task<HttpResponseMessage> PostAsync(string body, string? key = null) =>
        api.Client(key).PostAsync(Path, new StringContent(body, Encoding.UTF8, "application/json"), Token);

    [Fact]
    public async Task WithoutAKey_Is401Problem_AndAReaderKeyIsEnough()
    {
        const string calendar = """
            {"template":"calendar","type":"call","strikes":[3000],"spot":3000,"expiry":"2026-12-25","farExpiry":"2027-03-26",
             "valuationTime":"2026-12-01T08:00:00Z","vol":0.6,"rate":0.04,"premiumCurrency":"underlying","l2":{"chain":"arbitrum-one"}}
            """;

        await ProblemAssert.IsProblemAsync(await PostAsync(calendar), HttpStatusCode.Unauthorized);
        var asReader = await PostAsync(calendar, TestKeys.Reader);
        Assert.True(asReader.StatusCode == HttpStatusCode.OK, await asReader.Content.ReadAsStringAsync(Token));
    }

    public static TheoryData<string, string> HostileBodies() => new()
    {
        { """{"template":"straddle","strikes":[100],"spot":100,"expiry":12,"vol":0.2,"rate":0.05}""", "expiry" },
        { """{"template":"straddle","strikes":[100],"spot":100,"expiry":"","vol":0.2,"rate":0.05}""", "expiry" },
        { """{"template":"straddle","strikes":[100],"spot":100,"expiry":"99999-01-01","vol":0.2,"rate":0.05}""", "expiry" },
        { """{"template":"straddle","strikes":[100],"spot":100,"expiry":"0001-01-01","vol":0.2,"rate":0.05}""", "expiry" },
        { """{"template":"calendar","type":"call","strikes":[100],"spot":100,"expiry":"2027-01-01","farExpiry":"9999-12-31T23:59:59Z","vol":0.2,"rate":0.05}""", "farExpiry" },
        { """{"template":"calendar","type":"call","strikes":[100],"spot":100,"expiry":"2027-01-01","farExpiry":["2027-06-01"],"vol":0.2,"rate":0.05}""", "farExpiry" },
        { """{"template":"straddle","strikes":[100],"spot":100,"expiry":"2027-01-01","valuationTime":"yesterday","vol":0.2,"rate":0.05}""", "valuationTime" },
        { """{"template":"straddle","strikes":[100],"spot":100,"expiry":"2027-01-01","valuationTime":"0001-01-01T00:00:00Z","vol":0.2,"rate":0.05}""", "expiry" },
        { """{"legs":[{"type":"call","strike":100,"expiry":{"date":"2027-01-01"},"quantity":1}],"spot":100,"vol":0.2,"rate":0.05}""", "legs[0].expiry" },
        { """{"legs":[{"type":"call","strike":100,"expiry":"2027-01-01","quantity":1e308}],"spot":100,"vol":0.2,"rate":0.05}""", "legs[0].quantity" },
        { """{"legs":[{"type":"call","strike":5e-324,"expiry":"2027-01-01","quantity":1}],"spot":100,"vol":0.2,"rate":0.05}""", "legs[0].strike" },
        { """{"template":"straddle","strikes":[100],"spot":100,"tenorYears":1,"vol":0.2,"rate":0.05,"premiumCurrency":7}""", "premiumCurrency" },
        { """{"template":"straddle","strikes":[100],"spot":100,"tenorYears":1,"rate":0.05,"volSource":"smile","underlying":"ETH"}""", "volSource" },
        { """{"template":"straddle","strikes":[100],"spot":100,"tenorYears":1,"rate":0.05,"volSource":"surface","underlying":"ETH/../../x"}""", "underlying" },
        { """{"template":"straddle","strikes":[100],"spot":100,"tenorYears":1,"rate":0.05,"volSource":"surface","underlying":"ETH","surfaceId":1e30}""", "surfaceId" },
        { """{"template":"calendar","type":"put","strikes":[100],"spot":100,"tenorYears":0.1,"farTenorYears":1e308,"vol":0.2,"rate":0.05}""", "farTenorYears" },
    };

    [Theory]
    [MemberData(nameof(HostileBodies))]
    public async Task HostileNewFields_Are400ProblemsNamingTheField(string body, string field) =>
        await ProblemAssert.HasFieldErrorAsync(await PostAsync(body, TestKeys.Reader), field);
}
