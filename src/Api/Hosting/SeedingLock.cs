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
        // The wait is as long as the first node's seeding (surface fits and a demo report: can exceed the 30 s command
        // timeout on a busy machine), so this one command waits up to WaitLimit.
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(WaitLimit);
        try
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({AdvisoryNamespace}, {AdvisoryKey})");
        }
        finally
        {
            db.Database.SetCommandTimeout(timeout);
        }

        return new SeedingLock(db);
    }

    public async ValueTask DisposeAsync()
    {
        if (_db is null) return;
        try
        {
            await _db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({AdvisoryNamespace}, {AdvisoryKey})");
        }
        catch (Npgsql.NpgsqlException)
        {
            // Keep the seeding's own exception, if any; the lock goes with the connection (closed below, reset by the pool).
        }

        await _db.Database.CloseConnectionAsync();
    }

    /// <summary>How long a node waits for another node's seeding.</summary>
    private static readonly TimeSpan WaitLimit = TimeSpan.FromMinutes(10);
}
