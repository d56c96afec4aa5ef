using Microsoft.EntityFrameworkCore;

namespace Analytics.Data.Storage;

/// <summary>The model on PostgreSQL; exists to own the PostgreSQL migrations (Migrations/Postgres).</summary>
public sealed class PostgresAnalyticsDbContext(DbContextOptions<PostgresAnalyticsDbContext> options) : AnalyticsDbContext(options);
