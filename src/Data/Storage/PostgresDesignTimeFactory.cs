using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Analytics.Data.Storage;

/// <summary>For <c>dotnet ef migrations add X --context PostgresAnalyticsDbContext</c>; no server is contacted.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAnalyticsDbContext>
{
    public PostgresAnalyticsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAnalyticsDbContext>().UseNpgsql("Host=127.0.0.1;Database=design_time").Options);
}
