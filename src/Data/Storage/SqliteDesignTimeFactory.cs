using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Analytics.Data.Storage;

/// <summary>For <c>dotnet ef migrations add X --context SqliteAnalyticsDbContext</c>.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAnalyticsDbContext>
{
    public SqliteAnalyticsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAnalyticsDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
