namespace Analytics.Data.Ingestion.Parsing;

/// <summary>One input row by field name, from a CSV line or a JSON object; values are raw text (null when absent or empty).</summary>
public abstract class SourceRecord(long row)
{
    /// <summary>1-based data row number (CSV: not counting the header; JSON: array element or NDJSON line).</summary>
    public long Row { get; } = row;

    public abstract string? this[string field] { get; }
}

internal sealed class CsvRecord(long row, IReadOnlyDictionary<string, int> header, string[] values) : SourceRecord(row)
{
    public override string? this[string field] =>
        header.TryGetValue(field, out var i) && i < values.Length && values[i].Length > 0 ? values[i] : null;
}

internal sealed class JsonRecord(long row, Dictionary<string, string?> fields) : SourceRecord(row)
{
    public override string? this[string field] => fields.TryGetValue(field, out var v) ? v : null;
}

/// <summary>A JSON object's values by the slot of their name in the upload's <see cref="JsonFieldNames"/>.</summary>
internal sealed class SlotRecord(long row, JsonFieldNames names, string?[] values) : SourceRecord(row)
{
    public override string? this[string field] => names[field] is var slot && slot >= 0 && slot < values.Length ? values[slot] : null;
}
