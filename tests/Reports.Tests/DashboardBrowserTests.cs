using System.Net.Http.Headers;
using Analytics.Api.Hosting;
using Analytics.Api.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Analytics.Reports.Tests;

/// <summary>
/// Issue 17 (a strict Content-Security-Policy on every page) and issue 18 item 2: the Hangfire dashboard, opened by an
/// admin in Debian's headless Chromium with the service's own headers (its <see cref="HttpHardening.DashboardPolicy"/>),
/// loads its pages without a console error or a policy violation, draws its content, and requests nothing from another
/// origin. Every request the browser makes is answered by the service under test (in memory), so what the page needs
/// is exactly what the service serves. A screenshot of the overview is saved in the test output (<c>dashboard.png</c>).
/// </summary>
[Collection(ReportsCollection.Name)]
public sealed class DashboardBrowserTests(ReportsFixture fixture)
{
    private const string Origin = "http://localhost:5998";
    private static readonly string[] Pages = ["/hangfire", "/hangfire/recurring", "/hangfire/jobs/succeeded", "/hangfire/servers", "/hangfire/retries"];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Dashboard_InChromium_WithTheStrictPolicy_LoadsEveryPageCleanly()
    {
        HeadlessChromium.Require();
        using var client = fixture.Factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", TestKeys.Admin);

        using var playwright = await Playwright.CreateAsync();
        var profile = Directory.CreateTempSubdirectory("analytics-dashboard-chromium-");
        try
        {
            var (browser, page) = await HeadlessChromium.LaunchAsync(playwright, profile, 1200, 900);
            await using var _ = browser;
            var errors = new List<string>();
            var foreign = new List<string>();
            var policies = new HashSet<string>(StringComparer.Ordinal);
            page.Console += (_, message) => { if (message.Type is "error" or "warning") errors.Add($"{message.Type}: {message.Text}"); };
            page.PageError += (_, error) => errors.Add($"page error: {error}");
            await page.RouteAsync("**/*", async route =>
            {
                if (!route.Request.Url.StartsWith(Origin + "/", StringComparison.Ordinal))
                {
                    foreign.Add(route.Request.Url);
                    await route.AbortAsync();
                    return;
                }

                // The service's own answer, headers and all.
                using var request = new HttpRequestMessage(new HttpMethod(route.Request.Method), route.Request.Url[Origin.Length..]);
                if (route.Request.PostDataBuffer is { } body)
                {
                    request.Content = new ByteArrayContent(body);
                    if (route.Request.Headers.TryGetValue("content-type", out var type)) request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
                }
                using var response = await client.SendAsync(request, Token);
                var headers = response.Headers.Concat(response.Content.Headers)
                    .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
                if (headers.TryGetValue("Content-Security-Policy", out var policy)) lock (policies) policies.Add(policy);
                await route.FulfillAsync(new RouteFulfillOptions { Status = (int)response.StatusCode, Headers = headers, BodyBytes = await response.Content.ReadAsByteArrayAsync(Token) });
            });
            // Violations of the policy, as the page itself sees them.
            await page.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));");

            var output = Path.Combine(AppContext.BaseDirectory, "TestOutput");
            Directory.CreateDirectory(output);
            foreach (var path in Pages)
            {
                var loaded = await page.GotoAsync(Origin + path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
                Assert.True(loaded is { Status: 200 }, $"{path}: {loaded?.Status}");
                Assert.True(await page.Locator(".navbar").CountAsync() >= 1, $"{path}: no navigation bar drawn");
                Assert.True(await page.Locator("link[rel=stylesheet]").CountAsync() >= 1 && await page.EvaluateAsync<int>("document.styleSheets.length") >= 1,
                    $"{path}: no style sheet applied");
                if (path == "/hangfire")
                    await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(output, "dashboard.png"), FullPage = true });
            }

            Assert.Equal([HttpHardening.DashboardPolicy], policies.ToArray());
            Assert.True(errors.Count == 0, string.Join("\n", errors));
            Assert.Empty(foreign);
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
