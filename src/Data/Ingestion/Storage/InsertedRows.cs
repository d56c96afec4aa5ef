namespace Analytics.Data.Ingestion.Storage;

/// <summary>
/// Which input row became which new target id, kept as runs (first row, first id) of consecutive rows that got
/// consecutive ids: one entry for a batch of only new rows, however large, so memory stays flat.
/// </summary>
internal sealed class InsertedRows
{
    private readonly List<(long Row, long Id)> _runs = [];
    private (long Row, long Id) _last = (-1, -1);

    public long Count { get; private set; }

    public void Add(long row, long id)
    {
        if (row != _last.Row + 1 || id != _last.Id + 1) _runs.Add((row, id));
        _last = (row, id);
        Count++;
    }

    /// <summary>The input row that was stored with <paramref name="id"/> (an id this batch inserted).</summary>
    public long RowOf(long id)
    {
        var lo = 0;
        var hi = _runs.Count - 1;
        while (lo < hi) // last run whose first id ≤ id
        {
            var mid = (lo + hi + 1) / 2;
            if (_runs[mid].Id <= id) lo = mid; else hi = mid - 1;
        }
        return _runs[lo].Row + (id - _runs[lo].Id);
    }
}
