using Microsoft.Playwright;

namespace Analytics.Reports.Tests;

/// <summary>
/// Issue 18 item 4: the report page in a real browser (Debian's headless Chromium through Playwright for .NET): served with
/// its own headers (the Content-Security-Policy included) from the API, it loads without console errors, every chart is
/// present and drawn, and a screenshot and an A4 PDF are saved in the test output (<c>report-page.png</c>, <c>report-page.pdf</c>).
/// </summary>
[Collection(ReportsCollection.Name)]
public sealed class ReportPageBrowserTests(ReportsFixture fixture)
{
    /// <summary>The charts the page draws, by <c>data-chart</c>.</summary>
    public static readonly string[] Charts = ["backtest", "histogram", "heatmap", "margin", "stress"];

    // localhost is a potentially trustworthy origin, as the service on 127.0.0.1 is: the API's Cross-Origin-Opener-Policy applies.
    private const string PageUrl = "http://localhost:5999/api/v1/reports/page.html";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReportPage_InChromium_LoadsCleanly_WithEveryChartDrawn()
    {
        HeadlessChromium.Require();
        var response = await fixture.Factory.CreateClient().GetAsync($"/api/v1/reports/{fixture.FinalReportId}.html", Token);
        response.EnsureSuccessStatusCode();
        var html = await response.Content.ReadAsStringAsync(Token);
        var headers = response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);

        using var playwright = await Playwright.CreateAsync();
        var profile = Directory.CreateTempSubdirectory("analytics-report-chromium-");
        try
        {
            var (browser, page) = await HeadlessChromium.LaunchAsync(playwright, profile, 1100, 1400);
            await using var _ = browser;
            var errors = new List<string>();
            var requests = new List<string>();
            page.Console += (_, message) => { if (message.Type is "error" or "warning") errors.Add($"{message.Type}: {message.Text}"); };
            page.PageError += (_, error) => errors.Add($"page error: {error}");
            page.Request += (_, request) => requests.Add(request.Url);
            // The API's response, headers and all, at a URL the browser can load: nothing else is served.
            await page.RouteAsync("**/*", route => route.Request.Url == PageUrl
                ? route.FulfillAsync(new RouteFulfillOptions { Status = 200, Headers = headers, Body = html })
                : route.AbortAsync());
            var loaded = await page.GotoAsync(PageUrl, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            Assert.NotNull(loaded);

            var output = Path.Combine(AppContext.BaseDirectory, "TestOutput");
            Directory.CreateDirectory(output);
            foreach (var chart in Charts)
            {
                var svg = page.Locator($"svg[data-chart=\"{chart}\"]");
                Assert.Equal(1, await svg.CountAsync());
                var box = await svg.BoundingBoxAsync();
                Assert.True(box is { Width: > 200, Height: > 60 }, $"chart {chart} is {box?.Width}×{box?.Height}");
                var marks = await svg.Locator("rect, path, polyline, circle, line").CountAsync();
                Assert.True(marks >= 5, $"chart {chart} draws {marks} marks");
                await svg.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(output, $"chart-{chart}.png") });
            }

            // The backtest chart marks every tested day and the exceptions the report counts.
            Assert.True(await page.Locator("svg[data-chart=\"backtest\"] rect").CountAsync() >= ReportsFixture.HistoryDays);
            Assert.Equal(1, await page.Locator("svg[data-chart=\"backtest\"] polyline").CountAsync());
            Assert.Contains("Risk report", await page.TitleAsync());

            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(output, "report-page.png"), FullPage = true });
            await page.PdfAsync(new PagePdfOptions { Path = Path.Combine(output, "report-page.pdf"), Format = "A4", PrintBackground = true });
            Assert.True(new FileInfo(Path.Combine(output, "report-page.png")).Length > 20_000);
            Assert.True(new FileInfo(Path.Combine(output, "report-page.pdf")).Length > 5_000);

            Assert.Empty(errors);
            Assert.Equal([PageUrl], requests.Distinct().ToArray());
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
