using System.Text.Json;
using System.Text.Json.Nodes;
using Analytics.Api.Tests.Infrastructure;
using Analytics.TestSupport;

namespace Analytics.Api.Tests.Endpoints;

/// <summary>The served OpenAPI document is the committed one, and documents every endpoint.</summary>
public sealed class OpenApiDocumentTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private const string CommittedPath = "openapi/analytics.v1.json";
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<JsonNode> ServedAsync() =>
        JsonNode.Parse(await api.Client().GetStringAsync("/swagger/v1/swagger.json", Token))!;

    [Fact]
    public async Task ServedDocument_ComparedWithCommitted_IsIdentical()
    {
        var served = await ServedAsync();
        var file = Path.Combine(RepositoryPaths.Root!, CommittedPath);
        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1")
        {
            // `make openapi`: a deliberate regeneration, reviewed in the diff.
            await File.WriteAllTextAsync(file, served.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n", Token);
        }

        Assert.True(File.Exists(file), $"{CommittedPath} is missing. Generate it with `make openapi` and commit it.");
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(file, Token));
        Assert.True(JsonNode.DeepEquals(served, committed),
            $"The served OpenAPI document differs from {CommittedPath}. If the API change is intended, run `make openapi` " +
            "(UPDATE_OPENAPI=1 on this test) and commit the regenerated file; otherwise the change broke the contract.");
    }

    [Fact]
    public async Task ServedDocument_EveryOperation_HasSummaryDescriptionAndTag()
    {
        var paths = (await ServedAsync())["paths"]!.AsObject();

        foreach (var (path, item) in paths)
        foreach (var (method, operation) in item!.AsObject())
        {
            Assert.False(string.IsNullOrWhiteSpace(operation!["summary"]?.GetValue<string>()), $"{method} {path} has no summary");
            Assert.False(string.IsNullOrWhiteSpace(operation["description"]?.GetValue<string>()), $"{method} {path} has no description");
            Assert.NotEmpty(operation["tags"]!.AsArray());
        }
        foreach (var required in new[] { "/api/v1/options/price", "/api/v1/l2/chains", "/api/v1/jobs", "/health/live", "/health/ready" })
            Assert.True(paths.ContainsKey(required), $"{required} is not documented");
    }

    [Fact]
    public async Task PriceOperation_RequestBody_HasAnExampleAndFieldDescriptionsWithUnits()
    {
        var document = await ServedAsync();
        var body = document["paths"]!["/api/v1/options/price"]!["post"]!["requestBody"]!["content"]!["application/json"]!;
        var schema = document["components"]!["schemas"]!["OptionPriceRequest"]!["properties"]!;

        Assert.Equal("call", body["example"]!["type"]!.GetValue<string>());
        Assert.Contains("years", schema["tenorYears"]!["description"]!.GetValue<string>());
        Assert.Contains("USD", schema["spot"]!["description"]!.GetValue<string>());
        Assert.Contains("annualised", schema["vol"]!["description"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("vol", "\"vol\": 100", "≤ 100")]
    [InlineData("vol", "\"vol\": 0", "≥ 0")]
    [InlineData("tenorYears", "\"tenorYears\": 1000", "≤ 1000")]
    [InlineData("tenorYears", "\"tenorYears\": 0", "≥ 0")]
    [InlineData("strike", "\"strike\": 0", "≥ 0")]
    [InlineData("spot", "\"spot\": 0", "≥ 0")]
    public async Task PriceOperation_FieldDescription_StatesTheBoundTheServiceAccepts(string field, string boundary, string documented)
    {
        // The service prices the boundary value (issue 14 item 1: zero and extreme inputs are options, priced at their limit) ...
        var defaults = new Dictionary<string, string>
        {
            ["type"] = "\"type\": \"call\"", ["spot"] = "\"spot\": 100", ["strike"] = "\"strike\": 100",
            ["tenorYears"] = "\"tenorYears\": 0.5", ["vol"] = "\"vol\": 0.2", ["rate"] = "\"rate\": 0.01",
        };
        defaults[field] = boundary;
        var body = "{" + string.Join(", ", defaults.Values) + "}";
        var response = await api.Client(TestKeys.Reader).PostAsync(
            "/api/v1/options/price", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Token);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);

        // ... so the served document must not tell a client generator or a reader that it is out of range.
        var description = (await ServedAsync())["components"]!["schemas"]!["OptionPriceRequest"]!["properties"]![field]!["description"]!
            .GetValue<string>();
        Assert.Contains(documented, description);
    }

    [Fact]
    public async Task SwaggerUi_Get_ServesTheUiPage()
    {
        var html = await api.Client().GetStringAsync("/swagger/index.html", Token);

        Assert.Contains("swagger-ui", html);
    }
}
