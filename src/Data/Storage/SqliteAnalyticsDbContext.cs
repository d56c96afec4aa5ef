using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Analytics.Data.Storage;

/// <summary>The model on SQLite; exists to own the SQLite migrations (Migrations/Sqlite).</summary>
public sealed class SqliteAnalyticsDbContext(DbContextOptions<SqliteAnalyticsDbContext> options) : AnalyticsDbContext(options);

/// <summary>For <c>dotnet ef migrations add X --context SqliteAnalyticsDbContext</c>.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAnalyticsDbContext>
{
    public SqliteAnalyticsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAnalyticsDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
