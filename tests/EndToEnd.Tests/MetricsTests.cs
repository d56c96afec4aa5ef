using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Analytics.EndToEnd.Tests;

/// <summary>
/// Issue 17 item 4: <c>GET /metrics</c> in Prometheus text, for an admin or the scrape key only, with request-duration
/// histograms by route and the service's counters (rows ingested, surfaces fitted, VaR runs, options priced by engine and
/// endpoint, margin runs) moving by exactly the work done. Its own service process, so no other
/// test's work moves the counters.
/// </summary>
public sealed partial class MetricsTests(MetricsTests.MetricsService service) : IClassFixture<MetricsTests.MetricsService>
{
    private const string ScrapeKey = "e2e-scrape-key-0123456789";
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public sealed class MetricsService : ServiceProcess
    {
        protected override IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
        {
            ["Telemetry__ScrapeKeySha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ScrapeKey))),
        };
    }

    [Fact]
    public async Task Metrics_CountersMoveByTheWorkDone_AndOnlyAdminsOrTheScrapeKeyReadThem()
    {
        using var admin = service.Client();
        admin.DefaultRequestHeaders.Add("X-Api-Key", ServiceProcess.AdminKey);
        var before = await ScrapeAsync(admin);
        var rows = string.Join(',', Enumerable.Range(1, 3).Select(d =>
            $$"""{"underlying":"MTRC","source":"metrics-test","timestamp":"2025-06-0{{d}}T00:00:00Z","price":{{100 + d}}}"""));

        var first = await admin.PostAsync("/api/v1/prices", new StringContent($"[{rows}]", Encoding.UTF8, "application/json"), Token);
        var again = await admin.PostAsync("/api/v1/prices", new StringContent($"[{rows}]", Encoding.UTF8, "application/json"), Token);
        var fit = await admin.PostAsync("/api/v1/surfaces/fit", new StringContent(await ExampleAsync(admin, "/api/v1/surfaces/fit"), Encoding.UTF8, "application/json"), Token);
        var var = await admin.PostAsync("/api/v1/risk/var", new StringContent(await ExampleAsync(admin, "/api/v1/risk/var"), Encoding.UTF8, "application/json"), Token);
        var quantLib = await admin.PostAsync("/api/v1/options/price", new StringContent(
            """{"type":"put","style":"american","spot":100,"strike":100,"tenorYears":1,"vol":0.3,"rate":0.05,"engine":"quantlib-baw"}""",
            Encoding.UTF8, "application/json"), Token);
        // Options priced, by engine and endpoint (issue 17 item 4): 3 analytic and 2 bjerksund-stensland items in a batch, the
        // option chain's call and put per strike row, one per structure leg; one margin run of the example's model.
        var european = """{"type":"call","style":"european","spot":100,"strike":100,"tenorYears":1,"vol":0.3,"rate":0.05,"engine":"analytic"}""";
        var american = """{"type":"put","style":"american","spot":100,"strike":100,"tenorYears":1,"vol":0.3,"rate":0.05,"engine":"bjerksund-stensland"}""";
        var batch = await admin.PostAsync("/api/v1/options/price/batch", new StringContent(
            $"{{\"options\":[{european},{european},{european},{american},{american}]}}", Encoding.UTF8, "application/json"), Token);
        var chain = await admin.GetAsync("/api/v1/chains/ETH", Token);
        var structure = await admin.PostAsync("/api/v1/structures/price",
            new StringContent(await ExampleAsync(admin, "/api/v1/structures/price"), Encoding.UTF8, "application/json"), Token);
        var marginExample = await ExampleAsync(admin, "/api/v1/risk/margin");
        var margin = await admin.PostAsync("/api/v1/risk/margin", new StringContent(marginExample, Encoding.UTF8, "application/json"), Token);
        var after = await ScrapeAsync(admin);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(3, Value(after, "analytics_ingest_rows_total", "kind=\"prices\",outcome=\"inserted\"")
                        - Value(before, "analytics_ingest_rows_total", "kind=\"prices\",outcome=\"inserted\""));
        Assert.Equal(3, Value(after, "analytics_ingest_rows_total", "kind=\"prices\",outcome=\"duplicate\"")
                        - Value(before, "analytics_ingest_rows_total", "kind=\"prices\",outcome=\"duplicate\""));
        Assert.Equal(HttpStatusCode.Created, fit.StatusCode);
        Assert.Equal(1, Value(after, "analytics_surfaces_fitted_total", "model=\"svi\"") - Value(before, "analytics_surfaces_fitted_total", "model=\"svi\""));
        Assert.Equal(HttpStatusCode.OK, var.StatusCode);
        Assert.Equal(1, Value(after, "analytics_risk_runs_total", "kind=\"var\",method=\"historical\"")
                        - Value(before, "analytics_risk_runs_total", "kind=\"var\",method=\"historical\""));
        Assert.Equal(HttpStatusCode.OK, quantLib.StatusCode);
        Assert.True(Value(after, "analytics_quantlib_lock_wait_seconds_count", "") > Value(before, "analytics_quantlib_lock_wait_seconds_count", ""),
            "a QuantLib price did not record its wait for the gate");
        Assert.Equal(1, Sum(after, Priced, "endpoint=\"price\"", "engine=\"quantlib-baw\"") - Sum(before, Priced, "endpoint=\"price\"", "engine=\"quantlib-baw\""));
        Assert.True(batch.StatusCode == HttpStatusCode.OK, await batch.Content.ReadAsStringAsync(Token));
        Assert.Equal(3, Sum(after, Priced, "endpoint=\"batch\"", "engine=\"analytic\"") - Sum(before, Priced, "endpoint=\"batch\"", "engine=\"analytic\""));
        Assert.Equal(2, Sum(after, Priced, "endpoint=\"batch\"", "engine=\"bjerksund-stensland\"")
                        - Sum(before, Priced, "endpoint=\"batch\"", "engine=\"bjerksund-stensland\""));
        Assert.True(chain.StatusCode == HttpStatusCode.OK, await chain.Content.ReadAsStringAsync(Token));
        int strikeRows = System.Text.Json.JsonDocument.Parse(await chain.Content.ReadAsStringAsync(Token)).RootElement.GetProperty("strikes").GetArrayLength();
        Assert.True(strikeRows > 0, "the demo chain has no strike rows");
        Assert.Equal(2 * strikeRows, Sum(after, Priced, "endpoint=\"chain\"") - Sum(before, Priced, "endpoint=\"chain\""));
        Assert.True(structure.StatusCode == HttpStatusCode.OK, await structure.Content.ReadAsStringAsync(Token));
        int legs = System.Text.Json.JsonDocument.Parse(await structure.Content.ReadAsStringAsync(Token)).RootElement.GetProperty("legs").GetArrayLength();
        Assert.Equal(2, legs); // the example is a calendar: a near and a far call
        Assert.Equal(legs, Sum(after, Priced, "endpoint=\"structure\"") - Sum(before, Priced, "endpoint=\"structure\""));
        Assert.True(margin.StatusCode == HttpStatusCode.OK, await margin.Content.ReadAsStringAsync(Token));
        Assert.Contains("\"model\":\"deribit-standard\"", marginExample);
        Assert.Equal(1, Sum(after, "analytics_margin_runs_total", "model=\"deribit-standard\"", "endpoint=\"margin\"")
                        - Sum(before, "analytics_margin_runs_total", "model=\"deribit-standard\"", "endpoint=\"margin\""));
        Assert.Matches("http_server_request_duration_seconds_bucket\\{[^}]*http_route=\"/api/v1/prices\"", after);

        using var anonymous = service.Client();
        using var scraper = service.Client();
        scraper.DefaultRequestHeaders.Add("X-Api-Key", ScrapeKey);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/metrics", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await scraper.GetAsync("/metrics", Token)).StatusCode);
    }

    /// <summary>The request body example of a POST in the served OpenAPI document (each works on the demo data).</summary>
    private static async Task<string> ExampleAsync(HttpClient client, string path) =>
        System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync("/swagger/v1/swagger.json", Token))!
            ["paths"]![path]!["post"]!["requestBody"]!["content"]!["application/json"]!["example"]!.ToJsonString();

    private static async Task<string> ScrapeAsync(HttpClient client)
    {
        var response = await client.GetAsync("/metrics", Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Token);
    }

    private const string Priced = "analytics_options_priced_total";

    /// <summary>The sum of the samples of <paramref name="name"/> whose labels contain every one of <paramref name="labels"/>; 0 when none.</summary>
    private static double Sum(string exposition, string name, params string[] labels)
    {
        double sum = 0;
        foreach (Match m in Sample().Matches(exposition))
            if (m.Groups["name"].Value == name && labels.All(l => m.Groups["labels"].Value.Contains(l, StringComparison.Ordinal)))
                sum += double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture);
        return sum;
    }

    /// <summary>The sample of <paramref name="name"/> whose labels contain <paramref name="labels"/>; 0 when absent (not yet counted).</summary>
    private static double Value(string exposition, string name, string labels)
    {
        foreach (Match m in Sample().Matches(exposition))
            if (m.Groups["name"].Value == name && m.Groups["labels"].Value.Contains(labels, StringComparison.Ordinal))
                return double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture);
        return 0;
    }

    [GeneratedRegex("^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)\\{(?<labels>[^}]*)\\} (?<value>\\S+)", RegexOptions.Multiline)]
    private static partial Regex Sample();
}
