using Microsoft.EntityFrameworkCore;

namespace Analytics.Data.Storage;

/// <summary>The model on SQLite; exists to own the SQLite migrations (Migrations/Sqlite).</summary>
public sealed class SqliteAnalyticsDbContext(DbContextOptions<SqliteAnalyticsDbContext> options) : AnalyticsDbContext(options);
