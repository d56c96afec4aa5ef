namespace Analytics.Data.Ingestion.Parsing;

/// <summary>A JSON object's values by the slot of their name in the upload's <see cref="JsonFieldNames"/>.</summary>
internal sealed class SlotRecord(long row, JsonFieldNames names, string?[] values) : SourceRecord(row)
{
    public override string? this[string field] => names[field] is var slot && slot >= 0 && slot < values.Length ? values[slot] : null;
}
