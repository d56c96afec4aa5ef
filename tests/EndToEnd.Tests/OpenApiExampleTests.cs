using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Analytics.EndToEnd.Tests;

/// <summary>
/// Issue 14 item 7: every operation of the served OpenAPI document has a working example. The service runs as
/// <c>make run</c> starts it (fresh SQLite file, demo data, the development admin key), and the test sends each
/// operation with its documented examples only (path and query parameter examples, the JSON body example, parameters
/// filled through the document's response links) and expects a 2xx, so an example that rots fails the build.
/// </summary>
public sealed class OpenApiExampleTests(OpenApiExampleTests.MakeRunService service) : IClassFixture<OpenApiExampleTests.MakeRunService>
{
    /// <summary>The key <c>make run</c> configures in Development (appsettings.Development.json) and the login example uses.</summary>
    private const string DevelopmentAdminKey = "dev-admin-key-change-me";

    private static readonly string[] Methods = ["get", "post", "put", "delete"];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public sealed class MakeRunService : ServiceProcess
    {
        protected override IReadOnlyDictionary<string, string> Environment =>
            new Dictionary<string, string> { ["Auth__BootstrapAdminKey"] = DevelopmentAdminKey };
    }

    [Fact]
    public async Task EveryOperation_SentWithItsDocumentedExamples_Answers2xx()
    {
        using var client = service.Client();
        client.DefaultRequestHeaders.Add("X-Api-Key", DevelopmentAdminKey);
        var document = JsonNode.Parse(await client.GetStringAsync("/swagger/v1/swagger.json", Token))!;
        var linked = new Dictionary<(string OperationId, string Parameter), string>();
        var failures = new List<string>();
        int sent = 0;

        foreach (var (method, path, operation) in InSendingOrder(document))
        {
            var name = $"{method.ToUpperInvariant()} {path} ({operation["operationId"]})";
            var url = new StringBuilder(path);
            var query = new List<string>();
            bool complete = true;
            foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
            {
                string parameterName = parameter!["name"]!.GetValue<string>(), location = parameter["in"]!.GetValue<string>();
                string? value = parameter["example"] is { } example ? Text(example)
                    : linked.GetValueOrDefault((operation["operationId"]!.GetValue<string>(), parameterName));
                if (location == "path")
                {
                    if (value is null) { failures.Add($"{name}: path parameter '{parameterName}' has no example and no link fills it"); complete = false; continue; }
                    url.Replace("{" + parameterName + "}", Uri.EscapeDataString(value));
                }
                else if (location == "query" && value is not null)
                    query.Add($"{parameterName}={Uri.EscapeDataString(value)}");
            }
            if (!complete) continue;
            if (query.Count > 0) url.Append('?').Append(string.Join('&', query));

            using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url.ToString());
            if (operation["requestBody"]?["content"] is JsonObject content)
            {
                var body = content["application/json"]?["example"];
                if (body is null) { failures.Add($"{name}: the request body has no application/json example"); continue; }
                request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
            }

            using var response = await client.SendAsync(request, Token);
            sent++;
            var text = await response.Content.ReadAsStringAsync(Token);
            if (!response.IsSuccessStatusCode)
            {
                failures.Add($"{name} → {(int)response.StatusCode}: {text[..Math.Min(400, text.Length)]}");
                continue;
            }
            Follow(operation, (int)response.StatusCode, text, response.Content.Headers.ContentType?.MediaType, linked);
        }

        Assert.True(sent >= 40, $"Only {sent} operations were sent; the document lists fewer than expected.");
        Assert.True(failures.Count == 0, $"{failures.Count} documented examples do not work:\n" + string.Join('\n', failures));
    }

    /// <summary>Document order, except that the targets of links come after their sources and deletions come last.</summary>
    private static List<(string Method, string Path, JsonObject Operation)> InSendingOrder(JsonNode document)
    {
        var operations = (from path in document["paths"]!.AsObject()
                          from method in Methods
                          let operation = path.Value![method] as JsonObject
                          where operation is not null
                          select (Method: method, Path: path.Key, Operation: operation)).ToList();
        var linkTargets = operations
            .SelectMany(o => o.Operation["responses"]!.AsObject().SelectMany(r => r.Value!["links"]?.AsObject() ?? []))
            .Select(l => l.Value!["operationId"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        return [.. operations.OrderBy(o => o.Method == "delete" ? 2 : linkTargets.Contains(o.Operation["operationId"]!.GetValue<string>()) ? 1 : 0)];
    }

    /// <summary>Records the values a response's links give their target operations' parameters.</summary>
    private static void Follow(JsonObject operation, int status, string body, string? mediaType,
        Dictionary<(string OperationId, string Parameter), string> linked)
    {
        if (operation["responses"]?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)]?["links"] is not JsonObject links) return;
        if (mediaType?.Contains("json", StringComparison.Ordinal) != true) return;
        var json = JsonNode.Parse(body);
        foreach (var (_, link) in links)
        foreach (var (parameter, expression) in link!["parameters"]!.AsObject())
        {
            var pointer = expression!.GetValue<string>();
            Assert.StartsWith("$response.body#/", pointer);
            var node = pointer["$response.body#/".Length..].Split('/').Aggregate(json, (n, segment) => n?[segment]);
            if (node is not null) linked[(link["operationId"]!.GetValue<string>(), parameter)] = Text(node);
        }
    }

    private static string Text(JsonNode node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node.ToJsonString();
}
