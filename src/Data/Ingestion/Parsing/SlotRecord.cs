namespace Analytics.Data.Ingestion.Parsing;

/// <summary>
/// A JSON object's values by the slot of their name in the upload's <see cref="JsonFieldNames"/>, and which slots held a
/// number or a literal (<paramref name="nonString"/>, same length as <paramref name="values"/>).
/// </summary>
internal sealed class SlotRecord(long row, JsonFieldNames names, string?[] values, bool[] nonString) : SourceRecord(row)
{
    public override string? this[string field] => names[field] is var slot && slot >= 0 && slot < values.Length ? values[slot] : null;

    public override bool IsJsonNonString(string field) => names[field] is var slot && slot >= 0 && slot < nonString.Length && nonString[slot];
}
