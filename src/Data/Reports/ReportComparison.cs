using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Analytics.Data.Reports;

/// <summary>
/// Field-by-field comparison of a stored report with its recomputation (<c>POST /reports/{id}/reproduce</c>): both are
/// flattened to (JSON path, value) pairs of their stored JSON and compared exactly (tolerance 0: every method is
/// deterministic, Monte Carlo with its stored seed and block structure). Not compared: the timings, the code version, the
/// VaR run id stored beside the report, and the carry's source label (reproduction uses the stored carry as given).
/// </summary>
public static class ReportComparison
{
    /// <summary>One field that differs; a value absent on one side is null.</summary>
    /// <param name="Field">JSON path, e.g. <c>var[1].valueAtRisk</c>.</param>
    /// <param name="Stored">The stored value as JSON text.</param>
    /// <param name="Recomputed">The recomputed value as JSON text.</param>
    public sealed record Difference(string Field, string? Stored, string? Recomputed);

    /// <summary>The number of fields compared and those that differ (at most <paramref name="maxDifferences"/> listed).</summary>
    public static (int Compared, int Differing, ImmutableArray<Difference> Differences) Compare(RiskReport stored, RiskReport recomputed, int maxDifferences = 100)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(recomputed);
        var a = Flatten(Comparable(stored));
        var b = Flatten(Comparable(recomputed));
        var keys = a.Keys.Union(b.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var differences = new List<Difference>();
        foreach (var key in keys)
        {
            var x = a.GetValueOrDefault(key);
            var y = b.GetValueOrDefault(key);
            if (!string.Equals(x, y, StringComparison.Ordinal)) differences.Add(new Difference(key, x, y));
        }

        return (keys.Count, differences.Count, [.. differences.Take(maxDifferences)]);
    }

    private static JsonNode Comparable(RiskReport report)
    {
        var node = JsonNode.Parse(RiskReportStore.Serialize(report with { Timings = ImmutableSortedDictionary<string, double>.Empty, VarRunId = null }))!;
        var inputs = node["inputs"]!.AsObject();
        inputs.Remove("codeVersion");
        if (inputs["carry"] is JsonObject carry)
            foreach (var entry in carry)
                entry.Value!.AsObject().Remove("source");
        node.AsObject().Remove("timings");
        node.AsObject().Remove("varRunId");
        return node;
    }

    private static Dictionary<string, string> Flatten(JsonNode node)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        Walk(node, "", result);
        return result;
    }

    private static void Walk(JsonNode? node, string path, Dictionary<string, string> result)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o) Walk(value, path.Length == 0 ? key : $"{path}.{key}", result);
                break;
            case JsonArray array:
                for (int i = 0; i < array.Count; i++) Walk(array[i], string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"), result);
                if (array.Count == 0) result[path] = "[]";
                break;
            default:
                result[path] = node?.ToJsonString() ?? "null";
                break;
        }
    }
}
