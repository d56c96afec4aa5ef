using System.Globalization;

namespace Analytics.Data.Ingestion.Formats;

/// <summary>Format parameters (<c>venue=</c>, <c>intervalHours=</c>, …) from the query string or the import command.</summary>
public sealed class FormatParameters(IReadOnlyDictionary<string, string?> values)
{
    public static readonly FormatParameters None = new(new Dictionary<string, string?>());

    public string? Text(string name) => values.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    public string RequiredText(string name, string why) =>
        Text(name) ?? throw new IngestFormatException(name, $"the parameter '{name}' is required: {why}.");

    public double Number(string name, double? defaultValue, double min, double max, string unit)
    {
        var text = Text(name);
        if (text is null)
            return defaultValue ?? throw new IngestFormatException(name, $"the parameter '{name}' is required ({unit}).");
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v) || v < min || v > max)
            throw new IngestFormatException(name, $"the parameter '{name}' must be a number between {min} and {max} ({unit}); got '{text}'.");
        return v;
    }
}
