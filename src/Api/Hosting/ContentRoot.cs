namespace Analytics.Api.Hosting;

/// <summary>
/// Where the service reads <c>appsettings.json</c> from: <c>ANALYTICS_CONTENT_ROOT</c> when set; else the repository
/// root (the folder with <c>Analytics.sln</c>) when the service runs from a build inside the repository; else the
/// folder of the executable (a published build, which carries a copy of the settings).
/// </summary>
public static class ContentRoot
{
    public static string Locate()
    {
        var configured = Environment.GetEnvironmentVariable("ANALYTICS_CONTENT_ROOT");
        if (!string.IsNullOrWhiteSpace(configured))
            return Path.GetFullPath(configured);

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Analytics.sln")) && File.Exists(Path.Combine(dir.FullName, "appsettings.json")))
                return dir.FullName;
        }
        return AppContext.BaseDirectory;
    }
}
