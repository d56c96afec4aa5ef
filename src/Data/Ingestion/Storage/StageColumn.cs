using NpgsqlTypes;

namespace Analytics.Data.Ingestion.Storage;

/// <summary>One target column: its name, its PostgreSQL staging type, and its value from a row and the row's instrument id.</summary>
internal sealed record StageColumn<T>(string Name, NpgsqlDbType PgType, Func<T, long, object?> Value);
