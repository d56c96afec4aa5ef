namespace Analytics.Data.Storage;

/// <summary>Where EF Core data (and, with PostgreSQL, Hangfire's job storage) lives.</summary>
public enum StorageProvider
{
    Sqlite,
    Postgres,
}
