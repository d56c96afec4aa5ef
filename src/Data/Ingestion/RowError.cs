namespace Analytics.Data.Ingestion;

/// <summary>Why one input row was rejected: its 1-based data row number, the field and the reason.</summary>
public sealed record RowError(long Row, string Field, string Message);
