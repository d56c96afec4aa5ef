namespace Analytics.Data.Ingestion.Parsing;

/// <summary>One input row by field name, from a CSV line or a JSON object; values are raw text (null when absent or empty).</summary>
public abstract class SourceRecord(long row)
{
    /// <summary>1-based data row number (CSV: not counting the header; JSON: array element or NDJSON line).</summary>
    public long Row { get; } = row;

    public abstract string? this[string field] { get; }
}
