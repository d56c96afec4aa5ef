namespace Analytics.Data.Ingestion;

/// <summary>
/// The input cannot be read at all (broken CSV quoting, malformed JSON, a header without required columns, an
/// unknown format): a 400 problem rather than row errors.
/// </summary>
public sealed class IngestFormatException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
