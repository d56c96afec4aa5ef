using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Analytics.Data.Risk;
using Analytics.Pricing.Risk.Stress;

namespace Analytics.Data.Reports;

/// <summary>
/// The <c>risk-report</c> job's arguments as <c>Jobs:Recurring</c> gives them (strings): <c>portfolioId</c> (required),
/// <c>methods</c> (comma-separated API ids, default <c>historical,monte-carlo</c>), <c>confidence</c>, <c>horizonDays</c>,
/// <c>lookbackDays</c>, <c>paths</c>, <c>seed</c>, <c>monteCarloBlocks</c>, <c>splitMonteCarlo</c> (true/false),
/// <c>marginModels</c> and <c>chains</c> (comma-separated ids, default all), <c>stressScenarios</c> (default the catalogue),
/// <c>backtestDays</c>. The parameters travel to the job as canonical JSON (<see cref="ToJson"/>): jobs take values, never objects.
/// </summary>
public static class ReportArguments
{
    /// <summary>The argument names a <c>risk-report</c> entry accepts.</summary>
    public static readonly ImmutableArray<string> Names =
        ["portfolioId", "methods", "confidence", "horizonDays", "lookbackDays", "paths", "seed", "monteCarloBlocks", "splitMonteCarlo", "marginModels", "chains", "stressScenarios", "backtestDays"];

    private static readonly (string Id, VarMethod Method)[] Methods =
        [("historical", VarMethod.Historical), ("parametric", VarMethod.Parametric), ("delta-gamma", VarMethod.DeltaGamma), ("monte-carlo", VarMethod.MonteCarlo)];

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    /// <summary>The method of API id <paramref name="id"/>.</summary>
    public static VarMethod Method(string id) => Methods.First(m => m.Id == id).Method;

    /// <summary>
    /// The portfolio id and parameters of <paramref name="arguments"/>, or every problem as (argument, message). Model and
    /// chain ids are checked by the caller against configuration (<paramref name="knownModels"/>, <paramref name="knownChains"/>; null skips).
    /// </summary>
    public static (long PortfolioId, ReportParameters? Parameters, IReadOnlyList<(string Argument, string Message)> Problems) Parse(
        IReadOnlyDictionary<string, string> arguments, IReadOnlyCollection<string>? knownModels = null, IReadOnlyCollection<string>? knownChains = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var problems = new List<(string, string)>();
        foreach (var key in arguments.Keys.Where(k => !Names.Contains(k, StringComparer.OrdinalIgnoreCase)))
            problems.Add((key, $"is not an argument of risk-report; known: {string.Join(", ", Names)}."));
        long portfolioId = 0;
        if (!arguments.TryGetValue("portfolioId", out var pid) || !long.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out portfolioId) || portfolioId < 1)
            problems.Add(("portfolioId", $"is required: a portfolio id (a positive integer); got '{pid}'."));
        var methods = List(arguments, "methods") is { IsEmpty: false } m ? m : ["historical", "monte-carlo"];
        foreach (var id in methods.Where(id => Methods.All(x => x.Id != id)))
            problems.Add(("methods", $"'{id}' is not a VaR method: {string.Join(", ", Methods.Select(x => x.Id))}."));
        if (methods.Distinct().Count() != methods.Length) problems.Add(("methods", "names a method twice."));
        double confidence = Number(arguments, "confidence", 0.99, 0.5, 0.999999, problems);
        int horizon = Integer(arguments, "horizonDays", 1, 1, 250, problems);
        int lookback = Integer(arguments, "lookbackDays", 365, 2, 3650, problems);
        int paths = Integer(arguments, "paths", 10_000, 100, 2_000_000, problems);
        int seed = Integer(arguments, "seed", 1, int.MinValue, int.MaxValue, problems);
        int blocks = Integer(arguments, "monteCarloBlocks", 1, 1, Pricing.Risk.Var.MonteCarloBlocks.MaxBlocks, problems);
        if (paths % 2 != 0) problems.Add(("paths", $"must be even (antithetic pairs); got {paths}."));
        else if (paths < 2 * blocks * 50) problems.Add(("monteCarloBlocks", $"{blocks} blocks of {paths} paths leave fewer than 100 paths per block."));
        bool split = false;
        if (arguments.TryGetValue("splitMonteCarlo", out var s) && !bool.TryParse(s, out split)) problems.Add(("splitMonteCarlo", $"must be true or false; got '{s}'."));
        if (split && blocks < 2) problems.Add(("splitMonteCarlo", "needs monteCarloBlocks of at least 2."));
        if (split && !methods.Contains("monte-carlo")) problems.Add(("splitMonteCarlo", "needs monte-carlo among the methods."));
        var modelIds = List(arguments, "marginModels");
        if (knownModels is not null)
            foreach (var id in modelIds.Where(id => !knownModels.Contains(id)))
                problems.Add(("marginModels", $"'{id}' is not a configured margin model: {string.Join(", ", knownModels)}."));
        var chainIds = List(arguments, "chains");
        if (knownChains is not null)
            foreach (var id in chainIds.Where(id => !knownChains.Contains(id)))
                problems.Add(("chains", $"'{id}' is not a configured chain: {string.Join(", ", knownChains)}."));
        var scenarios = List(arguments, "stressScenarios");
        foreach (var id in scenarios.Where(id => !HistoricalStressScenarios.All.ContainsKey(id)))
            problems.Add(("stressScenarios", $"'{id}' is not a named scenario: {string.Join(", ", HistoricalStressScenarios.All.Keys)}."));
        int backtestDays = Integer(arguments, "backtestDays", 90, 0, 3650, problems);
        if (problems.Count > 0) return (portfolioId, null, problems);
        return (portfolioId, new ReportParameters(methods, confidence, horizon, lookback, paths, seed, blocks, split, modelIds, chainIds, scenarios, backtestDays), problems);
    }

    /// <summary>Canonical JSON of the parameters (what the job receives and the report stores).</summary>
    public static string ToJson(ReportParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return JsonSerializer.Serialize(parameters.Normalized(), Json);
    }

    /// <summary>The parameters of <see cref="ToJson"/>'s text.</summary>
    public static ReportParameters FromJson(string json) =>
        (JsonSerializer.Deserialize<ReportParameters>(json, Json) ?? throw new JsonException("null report parameters")).Normalized();

    private static ImmutableArray<string> List(IReadOnlyDictionary<string, string> arguments, string name) =>
        arguments.TryGetValue(name, out var text) && !string.IsNullOrWhiteSpace(text)
            ? [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)]
            : [];

    private static double Number(IReadOnlyDictionary<string, string> arguments, string name, double fallback, double min, double max, List<(string, string)> problems)
    {
        if (!arguments.TryGetValue(name, out var text)) return fallback;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > min && value <= max) return value;
        problems.Add((name, $"must be a number in ({min}, {max}]; got '{text}'."));
        return fallback;
    }

    private static int Integer(IReadOnlyDictionary<string, string> arguments, string name, int fallback, int min, int max, List<(string, string)> problems)
    {
        if (!arguments.TryGetValue(name, out var text)) return fallback;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return value;
        problems.Add((name, $"must be an integer from {min} to {max}; got '{text}'."));
        return fallback;
    }
}
