namespace Analytics.Data.Ingestion.Formats;

/// <summary>Maps one input row of a format to a validated row of kind <typeparamref name="T"/> (null when it has errors).</summary>
public interface IRowMapper<out T>
{
    /// <summary>Columns a CSV header must have (row values may still be empty where the field is optional).</summary>
    IReadOnlyCollection<string> RequiredColumns { get; }

    T? Map(FieldReader fields);
}
