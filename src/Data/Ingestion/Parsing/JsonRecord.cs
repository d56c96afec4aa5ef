namespace Analytics.Data.Ingestion.Parsing;

/// <summary>A JSON object's values by name, and the names whose value was a number or a literal.</summary>
internal sealed class JsonRecord(long row, Dictionary<string, string?> fields, HashSet<string>? nonString) : SourceRecord(row)
{
    public override string? this[string field] => fields.TryGetValue(field, out var v) ? v : null;

    public override bool IsJsonNonString(string field) => nonString?.Contains(field) == true;
}
