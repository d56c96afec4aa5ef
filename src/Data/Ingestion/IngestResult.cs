namespace Analytics.Data.Ingestion;

/// <summary>The outcome of one ingest request: counts, or the rejected rows (and then nothing was written).</summary>
public sealed record IngestResult(long Inserted, long Duplicates, long Rejected, IReadOnlyList<RowError> Errors)
{
    public bool Succeeded => Rejected == 0;
}
