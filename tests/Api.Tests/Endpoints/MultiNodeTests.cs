using System.Net;
using System.Net.Http.Json;
using Analytics.Api.Tests.Infrastructure;
using Analytics.Data.Storage;
using Analytics.TestSupport;

namespace Analytics.Api.Tests.Endpoints;

/// <summary>Production shape: several API nodes on one PostgreSQL database.</summary>
public sealed class MultiNodeTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DashboardCookie_IssuedByOneNode_IsAcceptedByAnother()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(StorageProvider.Postgres, Token);
        await using var nodeA = new ApiFactory(database);
        await using var nodeB = new ApiFactory(database);
        var options = new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false };

        var login = await nodeA.CreateClient(options).PostAsJsonAsync("/auth/login", new { key = TestKeys.Admin }, Token);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie")).Split(';')[0];

        using var clientB = nodeB.CreateClient(options);
        clientB.DefaultRequestHeaders.Add("Cookie", cookie);
        var dashboard = await clientB.GetAsync("/hangfire", Token);

        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        // The signing key lives in the shared database, not in one node's home folder.
        await using var db = database.NewContext();
        Assert.NotEmpty(db.DataProtectionKeys);
    }

    [Fact]
    public async Task Logout_OnOneNode_RevokesTheCookieOnAnother()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(StorageProvider.Postgres, Token);
        await using var nodeA = new ApiFactory(database);
        await using var nodeB = new ApiFactory(database);
        var options = new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false };
        var login = await nodeA.CreateClient(options).PostAsJsonAsync("/auth/login", new { key = TestKeys.Admin }, Token);
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie")).Split(';')[0];
        using var clientA = nodeA.CreateClient(options);
        clientA.DefaultRequestHeaders.Add("Cookie", cookie);
        using var clientB = nodeB.CreateClient(options);
        clientB.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await clientB.GetAsync("/hangfire", Token)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await clientA.PostAsync("/auth/logout", null, Token)).StatusCode);

        // The revocation is in the job storage both nodes share.
        Assert.Equal(HttpStatusCode.Unauthorized, (await clientB.GetAsync("/hangfire", Token)).StatusCode);
    }
}
