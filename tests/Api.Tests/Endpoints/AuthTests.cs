using System.Net;
using System.Net.Http.Json;
using Analytics.Api.Tests.Infrastructure;

namespace Analytics.Api.Tests.Endpoints;

/// <summary>X-Api-Key roles (reader &lt; writer &lt; admin), anonymous reads, and the dashboard's login cookie.</summary>
public sealed class AuthTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private const string Trigger = "/api/v1/jobs/heartbeat/trigger";
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Read_NoKeyWithAnonymousReadsAllowed_Returns200()
    {
        var response = await api.Client().GetAsync("/api/v1/l2/chains", Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Read_WrongKey_Returns401EvenWhenAnonymousReadsAreAllowed()
    {
        var response = await api.Client("not-a-configured-key").GetAsync("/api/v1/l2/chains", Token);

        var body = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("does not match", body.GetProperty("detail").GetString());
        Assert.Contains("X-Api-Key", response.Headers.WwwAuthenticate.ToString());
    }

    /// <summary>
    /// A client that accepts no JSON (a browser, a CSV or SVG download) still gets its 401/403 as a problem: the
    /// framework's problem writer refuses such an Accept header, and these answers were a 500 (found opening the
    /// dashboard with a wrong key).
    /// </summary>
    [Theory]
    [InlineData("/hangfire", "text/html", "not-a-configured-key", HttpStatusCode.Unauthorized)]
    [InlineData("/api/v1/l2/chains", "text/csv", "not-a-configured-key", HttpStatusCode.Unauthorized)]
    [InlineData("/api/v1/risk/var/1.svg", "image/svg+xml", "not-a-configured-key", HttpStatusCode.Unauthorized)]
    [InlineData("/hangfire", "text/html", TestKeys.Reader, HttpStatusCode.Forbidden)]
    public async Task Refused_ClientAcceptingNoJson_GetsTheProblemNotA500(string path, string accept, string key, HttpStatusCode expected)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd(accept);

        var response = await api.Client(key).SendAsync(request, Token);

        var body = await ProblemAssert.IsProblemAsync(response, expected);
        Assert.StartsWith("https://", body.GetProperty("type").GetString()); // customised like every other problem
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(TestKeys.Reader, HttpStatusCode.Forbidden)]
    [InlineData(TestKeys.Writer, HttpStatusCode.Forbidden)]
    [InlineData(TestKeys.Admin, HttpStatusCode.Accepted)]
    public async Task TriggerJob_ByRole_OnlyAdminMay(string? key, HttpStatusCode expected)
    {
        var response = await api.Client(key).PostAsync(Trigger, null, Token);

        if (expected == HttpStatusCode.Accepted)
            Assert.Equal(expected, response.StatusCode);
        else
            await ProblemAssert.IsProblemAsync(response, expected);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(TestKeys.Reader, HttpStatusCode.Forbidden)]
    [InlineData(TestKeys.Writer, HttpStatusCode.Forbidden)]
    [InlineData(TestKeys.Admin, HttpStatusCode.OK)]
    public async Task HangfireDashboard_ByRole_OnlyAdminMay(string? key, HttpStatusCode expected)
    {
        var response = await api.Client(key).GetAsync("/hangfire", Token);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
            Assert.Contains("L2 analytics jobs", await response.Content.ReadAsStringAsync(Token));
    }

    [Fact]
    public async Task HangfireDashboard_BrowserWithoutSession_IsSentToTheLoginForm()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/hangfire");
        request.Headers.Accept.ParseAdd("text/html");

        var response = await api.Client().SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/auth/login", response.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task Login_AdminKey_SetsHttpOnlyStrictCookieThatOpensTheDashboardOnly()
    {
        var client = api.Client();
        var login = await client.PostAsJsonAsync("/auth/login", new { key = TestKeys.Admin }, Token);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var setCookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);

        using var withCookie = api.Client();
        withCookie.DefaultRequestHeaders.Add("Cookie", setCookie.Split(';')[0]);
        var dashboard = await withCookie.GetAsync("/hangfire", Token);
        var api401 = await withCookie.PostAsync(Trigger, null, Token);

        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        // The JSON API never acts on a cookie: a browser would send it to any site's form post.
        Assert.Equal(HttpStatusCode.Unauthorized, api401.StatusCode);
    }

    [Fact]
    public async Task DashboardAction_WithTheCookieButNoAntiforgeryToken_Is403_WithThePagesToken_Works()
    {
        var login = await api.Client().PostAsJsonAsync("/auth/login", new { key = TestKeys.Admin }, Token);
        using var browser = api.Client();
        browser.DefaultRequestHeaders.Add("Cookie", Assert.Single(login.Headers.GetValues("Set-Cookie")).Split(';')[0]);
        var action = new Dictionary<string, string> { ["jobs[]"] = "heartbeat" };

        // What a foreign page can make a signed-in browser send: the cookie and a form, no token.
        var forged = await browser.PostAsync("/hangfire/recurring/trigger", new FormUrlEncodedContent(action), Token);

        // What the dashboard's own page sends: the token from its csrf meta tag, with the antiforgery cookie it set.
        var page = await browser.GetAsync("/hangfire/recurring", Token);
        var html = await page.Content.ReadAsStringAsync(Token);
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"csrf-token\" content=\"([^\"]+)\"").Groups[1].Value;
        var header = System.Text.RegularExpressions.Regex.Match(html, "name=\"csrf-header\" content=\"([^\"]+)\"").Groups[1].Value;
        var genuine = new HttpRequestMessage(HttpMethod.Post, "/hangfire/recurring/trigger") { Content = new FormUrlEncodedContent(action) };
        // The test client keeps cookies itself when it handles them; else pass on the one the page set.
        if (page.Headers.TryGetValues("Set-Cookie", out var cookies))
            genuine.Headers.Add("Cookie", cookies.Single(c => c.StartsWith("analytics_antiforgery", StringComparison.Ordinal)).Split(';')[0]);
        genuine.Headers.Add(header, token);
        var accepted = await browser.SendAsync(genuine, Token);

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.False(string.IsNullOrEmpty(token), "the dashboard page carries no anti-forgery token");
        Assert.Equal(HttpStatusCode.NoContent, accepted.StatusCode);
    }

    [Fact]
    public async Task Logout_ThenReplayingTheCookie_Is401_AndOtherSessionsStayOpen()
    {
        var first = await LoginCookieAsync();
        var second = await LoginCookieAsync();
        using var browser = api.Client();
        browser.DefaultRequestHeaders.Add("Cookie", first);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/hangfire", Token)).StatusCode);

        var logout = await browser.PostAsync("/auth/logout", null, Token);

        // The same cookie, replayed after logout (as a stolen copy would be): refused within its lifetime.
        using var replay = api.Client();
        replay.DefaultRequestHeaders.Add("Cookie", first);
        using var other = api.Client();
        other.DefaultRequestHeaders.Add("Cookie", second);
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await replay.GetAsync("/hangfire", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/hangfire", Token)).StatusCode);
    }

    [Fact]
    public async Task Logout_WithoutASession_Is204()
    {
        var response = await api.Client().PostAsync("/auth/logout", null, Token);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    private async Task<string> LoginCookieAsync()
    {
        var login = await api.Client().PostAsJsonAsync("/auth/login", new { key = TestKeys.Admin }, Token);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        return Assert.Single(login.Headers.GetValues("Set-Cookie")).Split(';')[0];
    }

    [Fact]
    public async Task Login_WrongKey_Returns401AndNoCookie()
    {
        var response = await api.Client().PostAsJsonAsync("/auth/login", new { key = "guess" }, Token);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Theory]
    [InlineData("/hangfire/jobs/succeeded", "/hangfire/jobs/succeeded")]
    [InlineData("//evil.example/steal", "/hangfire")]
    [InlineData("https://evil.example/", "/hangfire")]
    public async Task Login_FormPost_RedirectsOnlyToLocalPaths(string returnUrl, string expectedLocation)
    {
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = TestKeys.Admin, ["returnUrl"] = returnUrl });

        var response = await api.Client().PostAsync("/auth/login", form, Token);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expectedLocation, response.Headers.Location?.OriginalString);
    }
}

/// <summary>With <c>Auth:AllowAnonymousReads=false</c> every read needs a key.</summary>
public sealed class AuthWithoutAnonymousReadsTests(SqliteApiWithoutAnonymousReads api) : IClassFixture<SqliteApiWithoutAnonymousReads>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Read_NoKey_Returns401()
    {
        var response = await api.Client().GetAsync("/api/v1/l2/chains", Token);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData(TestKeys.Reader)]
    [InlineData(TestKeys.Writer)]
    [InlineData(TestKeys.Admin)]
    public async Task Read_AnyRole_Returns200(string key)
    {
        var response = await api.Client(key).PostAsJsonAsync("/api/v1/options/price",
            new { type = "call", spot = 100, strike = 100, tenorYears = 1, vol = 0.2, rate = 0 }, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Health_NoKey_IsAlwaysOpen()
    {
        var response = await api.Client().GetAsync("/health/live", Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
