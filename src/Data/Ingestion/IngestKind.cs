namespace Analytics.Data.Ingestion;

/// <summary>The kinds of indexed data, one per ingest endpoint.</summary>
public enum IngestKind
{
    Trades,
    Quotes,
    Funding,
    Prices,
}
