namespace Analytics.Data.Ingestion.Parsing;

/// <summary>The field names seen in one upload, each with a slot number; rows store their values by slot.</summary>
internal sealed class JsonFieldNames
{
    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    public JsonFieldNames() => _bySpan = _slots.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Count => _slots.Count;

    public int SlotOf(ReadOnlySpan<char> name)
    {
        if (_bySpan.TryGetValue(name, out var slot)) return slot;
        return SlotOf(name.ToString());
    }

    public int SlotOf(string name)
    {
        if (!_slots.TryGetValue(name, out var slot)) _slots[name] = slot = _slots.Count;
        return slot;
    }

    public int this[string name] => _slots.TryGetValue(name, out var slot) ? slot : -1;
}
