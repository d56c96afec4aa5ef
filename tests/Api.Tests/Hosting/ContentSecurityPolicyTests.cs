using System.Net;
using System.Text.RegularExpressions;
using Analytics.Api.Hosting;
using Analytics.Api.Tests.Infrastructure;

namespace Analytics.Api.Tests.Hosting;

/// <summary>
/// Issue 17 item 6: a strict Content-Security-Policy (<c>default-src 'none'</c>) on everything the service renders
/// itself (JSON, problems, SVG charts, the login form); Swagger UI with the allowances its page needs (its own
/// scripts, styles and the document from this origin, no inline script); the Hangfire dashboard with the framing ban.
/// </summary>
public sealed class ContentSecurityPolicyTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/v1/l2/chains", null)]
    [InlineData("/auth/login", null)] // the HTML login form
    [InlineData("/api/v1/surfaces/999999/smile.svg", null)]
    [InlineData("/api/v1/no-such-route", null)]
    public async Task OwnResponses_HaveTheStrictPolicy(string path, string? key)
    {
        var response = await api.Client(key).GetAsync(path, Token);

        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(HttpHardening.StrictPolicy, policy);
        Assert.StartsWith("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoginForm_IsHtmlThatNeedsNoScript()
    {
        var response = await api.Client().GetAsync("/auth/login", Token);
        var html = await response.Content.ReadAsStringAsync(Token);

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("action=\"/auth/login\"", html, StringComparison.Ordinal); // form-action 'self'
    }

    [Fact]
    public async Task SwaggerUi_HasItsOwnPolicy_AndItsPageHasNoInlineScript()
    {
        var response = await api.Client().GetAsync("/swagger/index.html", Token);
        var html = await response.Content.ReadAsStringAsync(Token);

        Assert.Equal(HttpHardening.SwaggerPolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Contains("script-src 'self'", HttpHardening.SwaggerPolicy, StringComparison.Ordinal);
        // script-src 'self' without 'unsafe-inline' works only if every script of the page is loaded by src.
        Assert.DoesNotMatch(new Regex("<script(?![^>]*\\bsrc=)", RegexOptions.IgnoreCase), html);
    }

    [Fact]
    public async Task Dashboard_HasItsStrictPolicy_WithTheFramingBan()
    {
        var response = await api.Client(TestKeys.Admin).GetAsync("/hangfire", Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(HttpHardening.DashboardPolicy, policy);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal); // neither unsafe-inline nor unsafe-eval
        // The pages themselves work under it in a real browser: Reports.Tests DashboardBrowserTests.
    }
}
