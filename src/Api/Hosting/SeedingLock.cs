using Analytics.Data;
using Analytics.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Api.Hosting;

/// <summary>
/// Demo seeding one node at a time. On PostgreSQL: a session advisory lock (<c>pg_advisory_lock</c>) on the seeding
/// context's own connection, held until disposed (and released with the connection if the process dies). The embedded
/// SQLite setup is one process: nothing to hold.
/// </summary>
internal sealed class SeedingLock : IAsyncDisposable
{
    /// <summary>The advisory key pair: 'S','E' (seeding), 1; the portfolio job locks use another namespace.</summary>
    private const int AdvisoryNamespace = 0x5345, AdvisoryKey = 1;

    private readonly AnalyticsDbContext? _db;

    private SeedingLock(AnalyticsDbContext? db) => _db = db;

    public static async Task<SeedingLock> AcquireAsync(AnalyticsDbContext db, StorageOptions storage)
    {
        if (storage.Provider != StorageProvider.Postgres) return new SeedingLock(null);
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({AdvisoryNamespace}, {AdvisoryKey})");
        return new SeedingLock(db);
    }

    public async ValueTask DisposeAsync()
    {
        if (_db is null) return;
        await _db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({AdvisoryNamespace}, {AdvisoryKey})");
        await _db.Database.CloseConnectionAsync();
    }
}
