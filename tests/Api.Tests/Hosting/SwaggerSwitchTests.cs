using System.Net;
using Analytics.Api.Tests.Infrastructure;
using Analytics.Data.Storage;
using Analytics.TestSupport;

namespace Analytics.Api.Tests.Hosting;

/// <summary>Issue 17 item 6: <c>Swagger:Enabled</c> serves or hides the document and the UI; unset, only Development serves them.</summary>
public sealed class SwaggerSwitchTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(null, HttpStatusCode.NotFound)] // unset outside Development (the test host's environment is Testing)
    [InlineData("false", HttpStatusCode.NotFound)]
    [InlineData("true", HttpStatusCode.OK)]
    public async Task Swagger_FollowsTheSwitch(string? enabled, HttpStatusCode expected)
    {
        await using var database = await TestDatabase.CreateEmptyAsync(StorageProvider.Sqlite, Token);
        await using var factory = new ApiFactory(database, new Dictionary<string, string?> { ["Swagger:Enabled"] = enabled });
        var client = factory.CreateClient();

        Assert.Equal(expected, (await client.GetAsync("/swagger/v1/swagger.json", Token)).StatusCode);
        Assert.Equal(expected, (await client.GetAsync("/swagger/index.html", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/l2/chains", Token)).StatusCode);
    }
}
