namespace Analytics.TestSupport;

/// <summary>
/// Locates the repository from the test binaries. Values are computed once, lazily and thread-safely.
/// </summary>
public static class RepositoryPaths
{
    private static readonly string[] SolutionFileNames = ["Analytics.sln", "Analytics.slnx"];
    private static readonly Lazy<string?> RootLazy = new(FindRoot);

    /// <summary>
    /// The first folder at or above <see cref="AppContext.BaseDirectory"/> that contains <c>Analytics.sln</c>
    /// (or <c>Analytics.slnx</c>), or null when there is none.
    /// </summary>
    public static string? Root => RootLazy.Value;

    /// <summary><c>&lt;root&gt;/../shared/data</c> when that folder exists; otherwise null.</summary>
    public static string? SharedDataDirectory
    {
        get
        {
            if (Root is null)
            {
                return null;
            }

            var path = Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"));
            return Directory.Exists(path) ? path : null;
        }
    }

    /// <summary>
    /// Returns <see cref="SharedDataDirectory"/>, or applies <see cref="Requirement.Require"/> (fail in CI,
    /// skip elsewhere) when it is missing. Thread-safe.
    /// </summary>
    public static string RequireSharedDataDirectory()
    {
        var directory = SharedDataDirectory;
        Requirement.Require(
            directory is not null,
            "../shared/data",
            "check out the shared data folder next to the repository root",
            Root is null ? "no folder containing Analytics.sln was found above " + AppContext.BaseDirectory : null);
        return directory;
    }

    private static string? FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (SolutionFileNames.Any(name => File.Exists(Path.Combine(dir.FullName, name))))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
