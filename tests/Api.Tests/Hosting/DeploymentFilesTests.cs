using System.Text.Json;
using System.Text.RegularExpressions;
using Analytics.TestSupport;

namespace Analytics.Api.Tests.Hosting;

/// <summary>
/// Issue 17 item 9: the Dockerfile and compose.yaml build and start the service with the commands the Makefile uses (no
/// container engine runs on the development machine, so this is what keeps them from drifting apart). The files are
/// parsed, not executed: the Makefile's variables expanded, the Dockerfile's continued lines joined and its stages told apart.
/// </summary>
public sealed partial class DeploymentFilesTests
{
    private static string Root => RepositoryPaths.Root ?? throw new InvalidOperationException("Analytics.sln not found above the test binaries.");

    [Fact]
    public void Dockerfile_BuildsWithTheMakefilesBuildCommand_AndTheDebianPackagesOfMakeBuild()
    {
        var make = Makefile.Read(Path.Combine(Root, "Makefile"));
        var docker = Dockerfile.Read(Path.Combine(Root, "Dockerfile"));

        var build = Assert.Single(make.Recipe("build"));
        Assert.Equal("dotnet build Analytics.sln -c Release -nologo -clp:ErrorsOnly", build); // the Makefile as the README documents it
        var buildStage = docker.Stage("build");
        Assert.Contains(build, buildStage.Where(i => i.Keyword == "RUN").SelectMany(i => i.Arguments.Split("&&", StringSplitOptions.TrimEntries)));

        // `make build` depends on `deps`, which runs scripts/install-deps.sh run: every package it names is installed in the build stage.
        Assert.Contains("deps", make.Prerequisites("build"));
        Assert.Contains("scripts/install-deps.sh run", make.Recipe("deps").Single());
        var script = File.ReadAllText(Path.Combine(Root, "scripts", "install-deps.sh"));
        var runPackages = PackagesLine().Match(script).Groups["list"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(runPackages);
        var installed = buildStage.Where(i => i.Keyword == "RUN").SelectMany(i => i.Arguments.Split("&&", StringSplitOptions.TrimEntries))
            .Where(c => c.StartsWith("apt-get install", StringComparison.Ordinal))
            .SelectMany(c => c.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet();
        Assert.All(runPackages, p => Assert.Contains(p, installed));
    }

    [Fact]
    public void Dockerfile_RunsTheMakefilesBuildOutputAsMakeRunDoes_NotAsRoot_WithAReadinessHealthCheck()
    {
        var make = Makefile.Read(Path.Combine(Root, "Makefile"));
        var docker = Dockerfile.Read(Path.Combine(Root, "Dockerfile"));
        var runtime = docker.Stages[^1];

        // make run: [ENV=...] dotnet src/Api/bin/Release/net10.0/Analytics.Api.dll --urls http://127.0.0.1:5080
        var run = Assert.Single(make.Recipe("run")).Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipWhile(t => t.Contains('=', StringComparison.Ordinal)).ToArray();
        Assert.Equal("dotnet", run[0]);
        var apiDll = run[1];
        Assert.Equal("src/Api/bin/Release/net10.0/Analytics.Api.dll", apiDll);
        Assert.Equal("--urls", run[2]);

        // The image copies that folder from the build stage and runs the same dll with --urls.
        var copy = Assert.Single(runtime, i => i.Keyword == "COPY" && i.Arguments.StartsWith("--from=build", StringComparison.Ordinal));
        var (from, to) = (copy.Arguments.Split(' ')[1], copy.Arguments.Split(' ')[2]);
        var workdir = runtime.Last(i => i.Keyword == "WORKDIR").Arguments;
        Assert.Equal("/src/" + Path.GetDirectoryName(apiDll) + "/", from);
        Assert.Equal(workdir.TrimEnd('/') + "/", to);
        var entrypoint = JsonSerializer.Deserialize<string[]>(Assert.Single(runtime, i => i.Keyword == "ENTRYPOINT").Arguments)!;
        var cmd = JsonSerializer.Deserialize<string[]>(Assert.Single(runtime, i => i.Keyword == "CMD").Arguments)!;
        Assert.Equal(["dotnet", Path.GetFileName(apiDll)], entrypoint);
        Assert.Equal("--urls", cmd[0]);

        var user = runtime.Last(i => i.Keyword == "USER").Arguments;
        Assert.DoesNotMatch("^(root|0)(:|$)", user);
        Assert.Matches(@"^--.*CMD curl -fsS http://127\.0\.0\.1:8080/health/ready", Assert.Single(runtime, i => i.Keyword == "HEALTHCHECK").Arguments);
        Assert.EndsWith(":8080", cmd[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_MigratesAsMakeMigrateDoes_ThenStartsOneApiNodeAndTwoWorkers()
    {
        var make = Makefile.Read(Path.Combine(Root, "Makefile"));
        var docker = Dockerfile.Read(Path.Combine(Root, "Dockerfile"));
        var compose = File.ReadAllText(Path.Combine(Root, "compose.yaml"));
        var entrypoint = JsonSerializer.Deserialize<string[]>(docker.Stages[^1].Single(i => i.Keyword == "ENTRYPOINT").Arguments)!;

        // make migrate: dotnet src/Api/bin/Release/net10.0/Analytics.Api.dll migrate → the image's entrypoint + ["migrate"].
        var migrate = Assert.Single(make.Recipe("migrate")).Split(' ');
        Assert.Equal(["dotnet", "src/Api/bin/Release/net10.0/Analytics.Api.dll", "migrate"], migrate);
        Assert.Equal(["migrate"], Command(compose, "migrate"));
        Assert.Equal(["worker", "--urls", "http://0.0.0.0:8080"], Command(compose, "worker"));
        Assert.Equal(["--urls", "http://0.0.0.0:8080"], Command(compose, "api"));
        Assert.Equal(Path.GetFileName(migrate[1]), entrypoint[1]);
        Assert.Matches(@"(?m)^  worker:\n(?:    .*\n|\n)*?    deploy:\n      replicas: 2$", compose);
        Assert.Matches(@"(?m)^  api:\n(?:    .*\n|\n)*?      Jobs__RunServer: ""false""$", compose);
        Assert.Matches(@"(?m)^  postgres:\n    image: postgres:", compose);
        Assert.Matches(@"Storage__Provider: Postgres", compose);
    }

    /// <summary>The JSON-array <c>command</c> of a top-level service in compose.yaml.</summary>
    private static string[] Command(string compose, string service)
    {
        var block = Regex.Match(compose, $@"(?ms)^  {service}:\n(.*?)(?=^  \S|^\S|\z)").Groups[1].Value;
        return JsonSerializer.Deserialize<string[]>(Regex.Match(block, @"(?m)^    command: (\[.*\])$").Groups[1].Value)!;
    }

    [GeneratedRegex(@"(?m)^packages=\((?<list>[^)]*)\)")]
    private static partial Regex PackagesLine();

    /// <summary>A Makefile's simple variables (<c>?=</c>, <c>:=</c>, <c>=</c>) and its rules' prerequisites and recipes, variables expanded.</summary>
    private sealed partial class Makefile
    {
        private readonly Dictionary<string, string> _variables = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (string[] Prerequisites, List<string> Recipe)> _rules = new(StringComparer.Ordinal);

        public static Makefile Read(string path)
        {
            var make = new Makefile();
            List<string>? recipe = null;
            foreach (var line in File.ReadAllLines(path))
            {
                if (line.StartsWith('\t'))
                {
                    recipe?.Add(line.Trim());
                    continue;
                }
                recipe = null;
                if (line.StartsWith('#') || string.IsNullOrWhiteSpace(line)) continue;
                if (Assignment().Match(line) is { Success: true } a)
                {
                    make._variables[a.Groups["name"].Value] = a.Groups["value"].Value.Trim();
                }
                else if (Rule().Match(line) is { Success: true } r && !r.Groups["target"].Value.StartsWith('.'))
                {
                    recipe = [];
                    make._rules[r.Groups["target"].Value] = (r.Groups["prerequisites"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries), recipe);
                }
            }
            return make;
        }

        public IReadOnlyList<string> Prerequisites(string target) => _rules[target].Prerequisites;

        public IReadOnlyList<string> Recipe(string target) => [.. _rules[target].Recipe.Select(Expand).Select(c => c.TrimStart('@'))];

        private string Expand(string text)
        {
            for (var i = 0; i < 10 && Reference().IsMatch(text); i++)
                text = Reference().Replace(text, m => _variables.GetValueOrDefault(m.Groups[1].Value, m.Value));
            return text;
        }

        [GeneratedRegex(@"^(?:export\s+)?(?<name>[A-Z_]+)\s*(?:\?=|:=|=)\s*(?<value>.*)$")]
        private static partial Regex Assignment();

        [GeneratedRegex(@"^(?<target>[^\s:=]+):(?<prerequisites>[^=]*)$")]
        private static partial Regex Rule();

        [GeneratedRegex(@"(?<!\$)\$\(([A-Z_]+)\)")]
        private static partial Regex Reference();
    }

    /// <summary>A Dockerfile's instructions (continued lines joined, comments dropped), grouped by stage.</summary>
    private sealed record Dockerfile(IReadOnlyList<IReadOnlyList<(string Keyword, string Arguments)>> Stages, IReadOnlyList<string> StageNames)
    {
        public static Dockerfile Read(string path)
        {
            var stages = new List<List<(string, string)>>();
            var names = new List<string>();
            var joined = string.Join('\n', File.ReadAllLines(path).Where(l => !l.TrimStart().StartsWith('#'))).Replace("\\\n", " ", StringComparison.Ordinal);
            foreach (var line in joined.Split('\n').Where(l => !string.IsNullOrWhiteSpace(l)))
            {
                var parts = Regex.Replace(line.Trim(), @"\s+", " ").Split(' ', 2);
                var (keyword, arguments) = (parts[0].ToUpperInvariant(), parts.Length > 1 ? parts[1] : "");
                if (keyword == "FROM")
                {
                    stages.Add([]);
                    names.Add(arguments.Split(' ') is [_, "AS" or "as", var name] ? name : "");
                }
                stages[^1].Add((keyword, arguments));
            }
            return new Dockerfile(stages, names);
        }

        public IReadOnlyList<(string Keyword, string Arguments)> Stage(string name) => Stages[StageNames.ToList().IndexOf(name)];
    }
}
