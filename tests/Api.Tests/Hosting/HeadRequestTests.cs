using System.Net;
using Analytics.Api.Tests.Infrastructure;
using Analytics.Data.Storage;
using Analytics.TestSupport;

namespace Analytics.Api.Tests.Hosting;

/// <summary>
/// RFC 9110 §9.1 (a general-purpose server supports GET and HEAD) and §9.3.2 (HEAD answers as GET would, without
/// content). Every GET endpoint answered HEAD with 405, /health/live included.
/// </summary>
public sealed class HeadRequestTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/api/v1/l2/chains")]
    [InlineData("/api/v1/risk/stress/scenarios")]
    public async Task Head_OnAGetResource_AnswersAsGetWithoutContent(string path)
    {
        var get = await api.Client().GetAsync(path, Token);
        var head = await api.Client().SendAsync(new HttpRequestMessage(HttpMethod.Head, path), Token);

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(Token));
        Assert.Single(head.Headers.GetValues("X-Request-Id"));
    }

    [Fact]
    public async Task Head_IsLoggedAsHead()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(StorageProvider.Sqlite, Token);
        await using var factory = new ApiFactory(database,
            new Dictionary<string, string?> { ["Logging:LogLevel:Analytics.Api.Hosting.RequestLoggingMiddleware"] = "Information" });
        var request = new HttpRequestMessage(HttpMethod.Head, "/api/v1/l2/chains");
        request.Headers.Add("X-Request-Id", "head-logged");
        await factory.CreateClient().SendAsync(request, Token);

        var line = Assert.Single(factory.Logs.Lines, l => l.Scopes.Contains("RequestId:head-logged", StringComparison.Ordinal)
            && l.Message.Contains("responded", StringComparison.Ordinal));
        Assert.StartsWith("HTTP HEAD /api/v1/l2/chains responded 200", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Head_KeepsTheGetsAccessRules()
    {
        var anonymous = await api.Client().SendAsync(new HttpRequestMessage(HttpMethod.Head, "/metrics"), Token);
        var admin = await api.Client(TestKeys.Admin).SendAsync(new HttpRequestMessage(HttpMethod.Head, "/metrics"), Token);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Empty(await admin.Content.ReadAsByteArrayAsync(Token));
    }

    [Fact]
    public async Task Head_OnAPostOnlyPath_Is405AllowingPost()
    {
        var head = await api.Client().SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/v1/options/price"), Token);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, head.StatusCode);
        Assert.Contains("POST", head.Content.Headers.Allow);
    }
}
