using System.Globalization;
using Analytics.Data.Market;

namespace Analytics.Jobs;

/// <summary>
/// The <c>arguments</c> of one <c>Jobs:Recurring</c> entry as a job kind reads them: each read checks the value and
/// records a problem naming the argument; arguments the kind never read are reported as unknown
/// (<see cref="Problems"/>). Keys are compared without regard to case, as configuration keys are.
/// </summary>
public sealed class JobArguments
{
    private readonly IReadOnlyDictionary<string, string> _values;
    private readonly HashSet<string> _read = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(string Argument, string Message)> _problems = [];

    /// <param name="values">The entry's arguments.</param>
    /// <param name="context">What the arguments may refer to (portfolios, margin models, chains).</param>
    public JobArguments(IReadOnlyDictionary<string, string> values, JobValidationContext context)
    {
        _values = new Dictionary<string, string>(values ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase);
        Context = context;
    }

    /// <summary>What the arguments may refer to.</summary>
    public JobValidationContext Context { get; }

    /// <summary>Problems found so far (argument name, message), then one per argument no read asked for.</summary>
    public IReadOnlyList<(string Argument, string Message)> Problems(string jobName) =>
        [.. _problems, .. _values.Keys.Where(k => !_read.Contains(k)).Order(StringComparer.Ordinal)
            .Select(k => (k, $"is not an argument of {jobName}"))];

    /// <summary>Records a problem with <paramref name="argument"/>.</summary>
    public void Problem(string argument, string message) => _problems.Add((argument, message));

    /// <summary>The raw text, or null when absent or blank.</summary>
    public string? Text(string name)
    {
        _read.Add(name);
        return _values.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
    }

    /// <summary>
    /// Every argument as given, all counted as read: for a kind whose arguments are parsed elsewhere
    /// (<c>risk-report</c>'s <see cref="Analytics.Data.Reports.ReportArguments"/>), which reports unknown names itself.
    /// </summary>
    public IReadOnlyDictionary<string, string> All()
    {
        _read.UnionWith(_values.Keys);
        return _values;
    }

    /// <summary>A stored portfolio's id (a positive integer that exists when the context can tell), or null when absent.</summary>
    public long? PortfolioId(string name = "portfolioId")
    {
        if (Text(name) is not { } text) return null;
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
        {
            Problem(name, $"'{text}' is not a portfolio id (a positive integer)");
            return null;
        }
        if (Context.PortfolioExists(id) == false) Problem(name, $"there is no portfolio {id}");
        return id;
    }

    /// <summary>A number in [<paramref name="min"/>, <paramref name="max"/>], or <paramref name="fallback"/> when absent.</summary>
    public double Number(string name, double fallback, double min, double max)
    {
        if (Text(name) is not { } text) return fallback;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            Problem(name, $"'{text}' is not a number");
            return fallback;
        }
        if (value < min || value > max) Problem(name, $"{text} is outside [{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}]");
        return value;
    }

    /// <summary>An underlying symbol (upper-cased, <c>ETH</c>); required.</summary>
    public string Underlying(string name = "underlying")
    {
        if (Text(name) is not { } text)
        {
            Problem(name, "is required, e.g. ETH");
            return "";
        }
        var (pattern, description) = Identifiers.Rule(IdentifierKind.Underlying);
        if (!pattern.IsMatch(Identifiers.Underlying(text))) Problem(name, $"'{text}' is not an underlying: {description}");
        return Identifiers.Underlying(text);
    }

    /// <summary>
    /// A comma-separated list of ids out of <paramref name="known"/> (matched without regard to case, returned as
    /// configured), or every known id when absent (<paramref name="fallback"/> null) or <paramref name="fallback"/>.
    /// </summary>
    public string[] Choice(string name, IReadOnlyCollection<string>? known, IReadOnlyList<string>? fallback)
    {
        if (Text(name) is not { } text) return [.. fallback ?? known ?? []];
        var chosen = new List<string>();
        foreach (var item in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = known?.FirstOrDefault(k => string.Equals(k, item, StringComparison.OrdinalIgnoreCase));
            if (known is not null && match is null) Problem(name, $"'{item}' is not one of {string.Join(", ", known)}");
            else if (!chosen.Contains(match ?? item, StringComparer.Ordinal)) chosen.Add(match ?? item);
        }
        if (chosen.Count == 0 && known is not null) Problem(name, "names nothing");
        return [.. chosen];
    }
}
