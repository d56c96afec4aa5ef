namespace Analytics.Data.Ingestion.Parsing;

internal sealed class JsonRecord(long row, Dictionary<string, string?> fields) : SourceRecord(row)
{
    public override string? this[string field] => fields.TryGetValue(field, out var v) ? v : null;
}
