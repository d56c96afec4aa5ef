using System.Net;
using System.Text.Json;

namespace Analytics.Api.Tests.Infrastructure;

/// <summary>Checks RFC 9457 responses.</summary>
public static class ProblemAssert
{
    /// <summary>Asserts the status, the problem+json media type, and returns the parsed body.</summary>
    public static async Task<JsonElement> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("title").GetString()));
        Assert.True(body.TryGetProperty("requestId", out _), "every problem carries the request id");
        return body;
    }

    /// <summary>Asserts a 400 whose <c>errors</c> map names <paramref name="field"/>, and returns that field's messages.</summary>
    public static async Task<string[]> HasFieldErrorAsync(HttpResponseMessage response, string field)
    {
        var body = await IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(body.TryGetProperty("errors", out var errors), $"no errors map in {body}");
        Assert.True(errors.TryGetProperty(field, out var messages), $"errors does not name '{field}': {errors}");
        return messages.EnumerateArray().Select(m => m.GetString()!).ToArray();
    }
}
