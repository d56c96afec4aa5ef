using Analytics.Data.Storage;
using Analytics.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Data.Tests.Storage;

/// <summary>Real migrations on both providers (not EnsureCreated), and the guard against a schema that is behind.</summary>
public sealed class MigrationTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrate_EmptyDatabase_LeavesNoPendingMigrations(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Token);
        await using var db = database.NewContext();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Token));
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync(Token));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Model_ComparedWithMigrations_HasNoChangesWithoutAMigration(StorageProvider provider)
    {
        // Fails when someone changes the model and forgets `dotnet ef migrations add` for this provider.
        await using var database = await TestDatabase.CreateEmptyAsync(provider, Token);
        await using var db = database.NewContext();

        Assert.False(db.Database.HasPendingModelChanges(),
            $"The EF model has changes with no {provider} migration. Run: cd src/Data && dotnet ef migrations add <Name> " +
            $"--context {provider}AnalyticsDbContext --output-dir Migrations/{provider}");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EnsureUpToDate_SchemaBehind_ThrowsNamingTheMigrateCommand(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateEmptyAsync(provider, Token);
        await using var db = database.NewContext();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SchemaMigrator.EnsureUpToDateAsync(db, Token));

        Assert.Contains("pending migration", error.Message);
        Assert.Contains("migrate", error.Message);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EnsureUpToDate_MigratedSchema_DoesNotThrow(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Token);
        await using var db = database.NewContext();

        await SchemaMigrator.EnsureUpToDateAsync(db, Token);

        Assert.True(await db.Database.CanConnectAsync(Token));
    }

    [Fact]
    public async Task SqliteConnection_Opened_UsesWriteAheadLogging()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(StorageProvider.Sqlite, Token);
        var options = new DbContextOptionsBuilder<SqliteAnalyticsDbContext>()
            .UseSqlite(database.ConnectionString)
            .AddInterceptors(SqliteWalInterceptor.Instance)
            .Options;
        await using var db = new SqliteAnalyticsDbContext(options);
        await db.Database.OpenConnectionAsync(Token);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync(Token));
    }
}
