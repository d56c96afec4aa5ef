using Analytics.Data;
using Analytics.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace Analytics.TestSupport;

/// <summary>
/// A fresh, migrated database for one test or fixture: a temporary SQLite file, or a new database on the throwaway
/// PostgreSQL server (<see cref="PostgresServer.Shared"/>). A missing PostgreSQL fails the test in CI and skips it
/// elsewhere. Never the EF in-memory provider.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _sqliteFile;

    private TestDatabase(StorageProvider provider, string connectionString, string? sqliteFile)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteFile = sqliteFile;
    }

    public StorageProvider Provider { get; }

    /// <summary>The provider's connection string (SQLite: <c>Data Source=file</c>).</summary>
    public string ConnectionString { get; }

    /// <summary>The SQLite file, or null on PostgreSQL.</summary>
    public string? SqliteFile => _sqliteFile;

    /// <summary>Both providers, for <c>[Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]</c>.</summary>
    public static IEnumerable<object[]> Providers => [[StorageProvider.Sqlite], [StorageProvider.Postgres]];

    /// <summary>Creates an empty database without applying migrations.</summary>
    public static async Task<TestDatabase> CreateEmptyAsync(StorageProvider provider, CancellationToken cancellationToken)
    {
        if (provider == StorageProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"analytics-test-{Guid.NewGuid():N}.db");
            return new TestDatabase(provider, $"Data Source={file};Pooling=False", file);
        }
        var server = await PostgresServer.RequireSharedAsync();
        return new TestDatabase(provider, await server.CreateDatabaseAsync("analytics", cancellationToken), null);
    }

    /// <summary>Creates a database and applies every migration.</summary>
    public static async Task<TestDatabase> CreateAsync(StorageProvider provider, CancellationToken cancellationToken)
    {
        var database = await CreateEmptyAsync(provider, cancellationToken);
        await using var db = database.NewContext();
        await SchemaMigrator.MigrateAsync(db, cancellationToken);
        return database;
    }

    /// <summary>A new context on this database (dispose it).</summary>
    public AnalyticsDbContext NewContext() => Provider == StorageProvider.Sqlite
        ? new SqliteAnalyticsDbContext(new DbContextOptionsBuilder<SqliteAnalyticsDbContext>().UseSqlite(ConnectionString).Options)
        : new PostgresAnalyticsDbContext(new DbContextOptionsBuilder<PostgresAnalyticsDbContext>().UseNpgsql(ConnectionString).Options);

    public ValueTask DisposeAsync()
    {
        if (_sqliteFile is not null)
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                File.Delete(_sqliteFile + suffix);
        return ValueTask.CompletedTask;
    }
}
