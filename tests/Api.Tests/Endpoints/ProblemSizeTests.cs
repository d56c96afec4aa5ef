using System.Net;
using System.Text;
using Analytics.Api.Tests.Infrastructure;

namespace Analytics.Api.Tests.Endpoints;

/// <summary>
/// A problem does not echo a large input back (found by the fuzz suite): a reason quoting a 1 MB string, or one
/// <c>errors</c> entry per element of a 50,000-element array, made answers of 1–4 MB. Texts are cut at 512 characters
/// and the map keeps 100 fields, counting the rest in <c>errorsOmitted</c>.
/// </summary>
public sealed class ProblemSizeTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ThousandsOfBadElements_KeepTheFirstHundredFieldsAndCountTheRest()
    {
        var strikes = string.Join(',', Enumerable.Repeat("1e308", 5_000));
        var body = $$"""{"template":"call-spread","type":"call","strikes":[{{strikes}}],"spot":100,"tenorYears":1,"vol":0.2,"rate":0.05}""";

        var response = await api.Client().PostAsync("/api/v1/structures/price", new StringContent(body, Encoding.UTF8, "application/json"), Token);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Equal(100, errors.EnumerateObject().Count());
        Assert.True(errors.TryGetProperty("strikes[0]", out _), $"the first field is kept: {errors}");
        Assert.True(problem.GetProperty("errorsOmitted").GetInt32() > 0);
    }

    [Theory]
    [InlineData("/api/v1/structures/price", """{"template":"%VALUE%","type":"call","strikes":[90,100],"spot":100,"tenorYears":1,"vol":0.2,"rate":0.05}""")]
    [InlineData("/api/v1/portfolios", """{"name":"p","collateral":[{"asset":"%VALUE%","amount":1}],"positions":[]}""")]
    public async Task HugeStringInAField_IsNotEchoedWhole(string path, string template)
    {
        var body = template.Replace("%VALUE%", new string('A', 200_000), StringComparison.Ordinal);

        var response = await api.Client(TestKeys.Writer).PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"), Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(Token);
        Assert.True(text.Length < 4_000, $"a problem of {text.Length} chars");
        Assert.Contains("more characters", text, StringComparison.Ordinal);
    }
}
