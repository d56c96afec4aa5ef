namespace Analytics.Data.Ingestion.Storage;

/// <summary>
/// Rows that repeat an earlier row of the same batch, in input order: all are counted, the first
/// <see cref="Ingestor.MaxListedErrors"/> are kept (a 1 GB upload of repeats must not fill memory).
/// </summary>
internal sealed class Repeats
{
    private readonly List<(long Row, long FirstRow)> _listed = [];

    public long Count { get; private set; }

    public IReadOnlyList<(long Row, long FirstRow)> Listed => _listed;

    public void Add(long row, long firstRow)
    {
        if (_listed.Count < Ingestor.MaxListedErrors) _listed.Add((row, firstRow));
        Count++;
    }
}
