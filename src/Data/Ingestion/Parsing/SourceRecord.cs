namespace Analytics.Data.Ingestion.Parsing;

/// <summary>One input row by field name, from a CSV line or a JSON object; values are raw text (null when absent or empty).</summary>
public abstract class SourceRecord(long row)
{
    /// <summary>1-based data row number (CSV: not counting the header; JSON: array element or NDJSON line).</summary>
    public long Row { get; } = row;

    public abstract string? this[string field] { get; }

    /// <summary>
    /// Whether <paramref name="field"/> came as a JSON number, <c>true</c> or <c>false</c> rather than a string (its text
    /// is then what was written, e.g. <c>1e309</c>); identifiers must be JSON strings. Always false for CSV.
    /// </summary>
    public virtual bool IsJsonNonString(string field) => false;
}
