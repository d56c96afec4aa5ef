using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Data.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="AnalyticsDbContext"/> on the configured provider. The SQLite file's folder is created,
    /// and the connection is opened in WAL mode so readers do not block the writer. The options are built once
    /// (singleton): scoped, EF Core rebuilt and compared them in every request that injects a context.
    /// </summary>
    public static IServiceCollection AddAnalyticsStorage(this IServiceCollection services, StorageOptions options, string contentRoot)
    {
        switch (options.Provider)
        {
            case StorageProvider.Sqlite:
                var connectionString = SqliteConnectionString(options, contentRoot);
                services.AddDbContext<AnalyticsDbContext, SqliteAnalyticsDbContext>(o => o
                    .UseSqlite(connectionString)
                    .AddInterceptors(SqliteWalInterceptor.Instance), optionsLifetime: ServiceLifetime.Singleton);
                break;
            case StorageProvider.Postgres:
                if (string.IsNullOrWhiteSpace(options.PostgresConnectionString))
                    throw new InvalidOperationException(
                        "Storage:Provider is Postgres but Storage:PostgresConnectionString is empty " +
                        "(set it in appsettings.json or as the environment variable Storage__PostgresConnectionString).");
                services.AddDbContext<AnalyticsDbContext, PostgresAnalyticsDbContext>(o => o.UseNpgsql(options.PostgresConnectionString),
                    optionsLifetime: ServiceLifetime.Singleton);
                break;
            default:
                throw new InvalidOperationException($"Unknown Storage:Provider '{options.Provider}'; use Sqlite or Postgres.");
        }
        return services;
    }

    /// <summary>The SQLite connection string for <see cref="StorageOptions.SqlitePath"/>, creating the file's folder.</summary>
    public static string SqliteConnectionString(StorageOptions options, string contentRoot)
    {
        var path = Path.GetFullPath(Path.Combine(contentRoot, options.SqlitePath));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
    }
}
