using System.Text.Json.Nodes;

namespace Analytics.Api.Tests.Endpoints.Fuzz;

/// <summary>One operation of the served OpenAPI document, with the documented examples the fuzzer mutates.</summary>
public sealed record FuzzOperation(
    string Method,
    string PathTemplate,
    string OperationId,
    IReadOnlyList<FuzzParameter> Parameters,
    IReadOnlyList<string> BodyMediaTypes,
    JsonNode? JsonBodyExample)
{
    /// <summary>Every get/post/put/delete/patch operation of the document, in document order.</summary>
    public static IReadOnlyList<FuzzOperation> FromDocument(JsonNode document)
    {
        var operations = new List<FuzzOperation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        foreach (var (method, node) in item!.AsObject())
        {
            if (method is not ("get" or "post" or "put" or "delete" or "patch") || node is not JsonObject operation) continue;
            var parameters = (operation["parameters"]?.AsArray() ?? [])
                .Select(p => new FuzzParameter(
                    p!["name"]!.GetValue<string>(),
                    p["in"]!.GetValue<string>(),
                    p["required"]?.GetValue<bool>() ?? false,
                    p["schema"]?["type"]?.ToString(),
                    p["example"] is { } example ? Text(example) : null))
                .ToList();
            var content = operation["requestBody"]?["content"] as JsonObject;
            operations.Add(new FuzzOperation(
                method.ToUpperInvariant(),
                path,
                operation["operationId"]?.GetValue<string>() ?? $"{method} {path}",
                parameters,
                content?.Select(c => c.Key).ToList() ?? [],
                content?["application/json"]?["example"]?.DeepClone()));
        }
        return operations;
    }

    /// <summary>The path with each path parameter's example (or <c>1</c>) filled in.</summary>
    public string ExamplePath(Func<FuzzParameter, string?>? replace = null)
    {
        var path = PathTemplate;
        foreach (var parameter in Parameters.Where(p => p.In == "path"))
            path = path.Replace("{" + parameter.Name + "}", replace?.Invoke(parameter) ?? Uri.EscapeDataString(parameter.Example ?? "1"), StringComparison.Ordinal);
        return path;
    }

    private static string Text(JsonNode node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node.ToJsonString();
}

/// <summary>A path or query parameter of an operation.</summary>
public sealed record FuzzParameter(string Name, string In, bool Required, string? Type, string? Example);
