using Analytics.TestSupport;
using Microsoft.Playwright;

namespace Analytics.Reports.Tests;

/// <summary>Debian's Chromium, headless through Playwright, as the browser tests launch it.</summary>
internal static class HeadlessChromium
{
    private const string Executable = "/usr/bin/chromium";

    /// <summary>Fails in CI (skips outside it) when Chromium is not installed.</summary>
    public static void Require() =>
        Requirement.Require(File.Exists(Executable), "Chromium", "apt-get install -y chromium fonts-dejavu-core (scripts/install-deps.sh test does it)");

    /// <summary>A browser on its own profile folder (the caller deletes it), with no background network of its own, and its first page.</summary>
    public static async Task<(IBrowserContext Browser, IPage Page)> LaunchAsync(IPlaywright playwright, DirectoryInfo profile, int width, int height)
    {
        var browser = await playwright.Chromium.LaunchPersistentContextAsync(profile.FullName, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = Executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        return (browser, browser.Pages.Count > 0 ? browser.Pages[0] : await browser.NewPageAsync());
    }
}
