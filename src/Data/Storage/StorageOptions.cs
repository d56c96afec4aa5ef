using System.ComponentModel.DataAnnotations;

namespace Analytics.Data.Storage;

/// <summary>The <c>Storage</c> configuration section (keys fixed by PRODUCT.md §4).</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary><c>Sqlite</c> (embedded default) or <c>Postgres</c>.</summary>
    [Required]
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>SQLite database file; a relative path is resolved against the content root.</summary>
    public string SqlitePath { get; set; } = "data/analytics.db";

    /// <summary>Npgsql connection string, required when <see cref="Provider"/> is <c>Postgres</c>.</summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>
    /// Apply pending migrations at start. True by default for SQLite. With PostgreSQL several nodes start at once,
    /// so one designated node (or the <c>migrate</c> command) applies them and the others refuse a schema that is behind.
    /// </summary>
    public bool? ApplyMigrationsAtStartup { get; set; }

    /// <summary>Seed synthetic demo data into an empty database at start (the embedded <c>make run</c> setup).</summary>
    public bool SeedDemoData { get; set; }

    public bool ShouldApplyMigrationsAtStartup => ApplyMigrationsAtStartup ?? Provider == StorageProvider.Sqlite;
}
