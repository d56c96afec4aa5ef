namespace Analytics.Data.Ingestion.Parsing;

internal sealed class CsvRecord(long row, IReadOnlyDictionary<string, int> header, string[] values) : SourceRecord(row)
{
    public override string? this[string field] =>
        header.TryGetValue(field, out var i) && i < values.Length && values[i].Length > 0 ? values[i] : null;
}
