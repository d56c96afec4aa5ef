using System.Net;
using System.Net.Http.Json;
using Analytics.Api.Tests.Infrastructure;

namespace Analytics.Api.Tests.Endpoints;

public sealed class RequestIdTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Request_WithRequestIdHeader_EchoesItInTheHeaderAndTheProblem()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/options/price") { Content = JsonContent.Create(new { }) };
        request.Headers.Add("X-Request-Id", "client-req-42");

        var response = await api.Client().SendAsync(request, Token);

        Assert.Equal("client-req-42", Assert.Single(response.Headers.GetValues("X-Request-Id")));
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("client-req-42", problem.GetProperty("requestId").GetString());
    }

    [Fact]
    public async Task Request_WithoutOrWithInsaneRequestId_GetsAGeneratedOne()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.TryAddWithoutValidation("X-Request-Id", "<script>alert(1)</script>");

        var response = await api.Client().SendAsync(request, Token);

        var id = Assert.Single(response.Headers.GetValues("X-Request-Id"));
        Assert.NotEqual("<script>alert(1)</script>", id);
        Assert.False(string.IsNullOrWhiteSpace(id));
    }

    [Fact]
    public async Task UnknownRoute_Returns404Problem()
    {
        var response = await api.Client().GetAsync("/api/v1/nothing-here", Token);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }
}
