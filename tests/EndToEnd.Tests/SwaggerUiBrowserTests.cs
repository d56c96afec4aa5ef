using System.Diagnostics;
using Analytics.TestSupport;

namespace Analytics.EndToEnd.Tests;

/// <summary>Swagger UI rendered by a real browser (Debian's headless Chromium): the page a new user opens first.</summary>
public sealed class SwaggerUiBrowserTests(ServiceProcess service) : IClassFixture<ServiceProcess>
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task SwaggerUi_RenderedInChromium_ListsThePricingOperationWithItsSummary()
    {
        Requirement.Require(File.Exists(Chromium), "Chromium", "apt-get install -y chromium fonts-dejavu-core (scripts/install-deps.sh test does it)");
        var profile = Directory.CreateTempSubdirectory("analytics-chromium-");
        try
        {
            var dom = await RenderAsync(new Uri(service.BaseAddress, "/swagger/index.html"), profile.FullName);

            // These strings exist only after Swagger UI's JavaScript fetched the OpenAPI document and rendered it.
            Assert.Contains("/api/v1/options/price", dom);
            Assert.Contains("Price one vanilla option, with Greeks", dom);
            Assert.Contains("/api/v1/l2/chains", dom);
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }

    private static async Task<string> RenderAsync(Uri page, string profileDirectory)
    {
        var start = new ProcessStartInfo(Chromium,
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic", $"--user-data-dir={profileDirectory}",
            "--virtual-time-budget=15000", "--dump-dom", page.ToString(),
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
        var dom = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"chromium exited with {process.ExitCode}: {await errors}");
        return await dom;
    }
}
