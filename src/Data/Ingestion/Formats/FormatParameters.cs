using System.Globalization;
using Analytics.Data.Market;

namespace Analytics.Data.Ingestion.Formats;

/// <summary>Format parameters (<c>venue=</c>, <c>intervalHours=</c>, …) from the query string or the import command.</summary>
public sealed class FormatParameters(IReadOnlyDictionary<string, string?> values)
{
    public static readonly FormatParameters None = new(new Dictionary<string, string?>());

    public string? Text(string name) => values.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    /// <summary>
    /// A parameter naming an identifier of <paramref name="kind"/>, normalised and held to its character class
    /// (<see cref="Identifiers.Rule"/>), or null when absent; a malformed one refuses the input.
    /// </summary>
    public string? Identifier(string name, IdentifierKind kind)
    {
        if (Text(name) is not { } text) return null;
        var value = Identifiers.Normalise(kind, text);
        return Identifiers.IsWellFormed(kind, value) ? value
            : throw new IngestFormatException(name, $"the parameter '{name}' is not well-formed: expected {Identifiers.Rule(kind).Description}.");
    }

    /// <summary>A required identifier parameter (<see cref="Identifier"/>).</summary>
    public string RequiredIdentifier(string name, IdentifierKind kind, string why) =>
        Identifier(name, kind) ?? throw new IngestFormatException(name, $"the parameter '{name}' is required: {why}.");

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
