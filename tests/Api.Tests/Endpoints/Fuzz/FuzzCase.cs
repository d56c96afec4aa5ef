using System.Text;

namespace Analytics.Api.Tests.Endpoints.Fuzz;

/// <summary>One hostile request: what it is, and enough to replay it by hand when it fails.</summary>
public sealed record FuzzCase(
    int Index,
    string Kind,
    string Method,
    string PathAndQuery,
    string? ApiKey,
    string? ContentType,
    byte[]? Body,
    IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    public HttpRequestMessage ToRequest()
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), PathAndQuery);
        if (ApiKey is not null) request.Headers.TryAddWithoutValidation("X-Api-Key", ApiKey);
        foreach (var (name, value) in Headers) request.Headers.TryAddWithoutValidation(name, value);
        if (Body is not null)
        {
            request.Content = new ByteArrayContent(Body);
            if (ContentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        }
        return request;
    }

    /// <summary>Method, path, key, content type and (the start of) the body, printable.</summary>
    public override string ToString()
    {
        var text = new StringBuilder($"#{Index} [{Kind}] {Method} {PathAndQuery}");
        if (ApiKey is not null) text.Append($" key={ApiKey}");
        foreach (var (name, value) in Headers) text.Append($" {name}: {Preview(value, 80)}");
        if (Body is not null) text.Append($" ({ContentType ?? "no content type"}, {Body.Length} bytes) {Preview(Encoding.UTF8.GetString(Body), 600)}");
        return text.ToString();
    }

    private static string Preview(string text, int length) =>
        text.Length <= length ? text : text[..length] + $"…(+{text.Length - length} chars)";
}
