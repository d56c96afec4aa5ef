using Analytics.Data.Storage;
using Npgsql;

namespace Analytics.Jobs;

/// <summary>
/// One portfolio's job at a time, across every process sharing the storage: a job that works on a portfolio (margin
/// monitor, risk report) holds this while it runs. On PostgreSQL it is a session-level advisory lock
/// (<c>pg_try_advisory_lock(namespace, portfolio)</c>) on a connection of its own, unpooled, so a process that dies
/// releases it with its connection and the job's retry on another worker does not wait for an expiry. On the embedded
/// SQLite setup it is an exclusive open of a lock file per portfolio (<see cref="LockFile"/>, in a folder beside the
/// Hangfire file): .NET takes an advisory <c>flock</c> for <see cref="FileShare.None"/> on Linux, which excludes other
/// opens in this and any other process and goes away with the process. (Hangfire.Storage.SQLite's own distributed
/// lock is not used: it reads then inserts without a unique key, so two waiters can both "acquire" it.)
/// </summary>
/// <param name="storage">Which database the service uses.</param>
/// <param name="lockFolder">SQLite only: the folder of the lock files.</param>
public sealed class PortfolioJobLock(StorageOptions storage, string? lockFolder)
{
    /// <summary>The first key of the advisory lock pair: 'P','J' (portfolio job), so other advisory locks do not collide.</summary>
    public const int AdvisoryNamespace = 0x504A;

    /// <summary>How long a job waits for another job of the same portfolio before it fails (and is retried).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Waits up to <paramref name="timeout"/> for portfolio <paramref name="portfolioId"/>'s lock and holds it until the
    /// result is disposed. Throws <see cref="TimeoutException"/> when another job holds it all that time (the job then
    /// fails and is retried with backoff).
    /// </summary>
    public IDisposable Acquire(long portfolioId, TimeSpan timeout)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(portfolioId);
        if (portfolioId > int.MaxValue) throw new ArgumentOutOfRangeException(nameof(portfolioId), portfolioId, "portfolio ids above 2^31 − 1 do not fit the advisory key");
        return storage.Provider == StorageProvider.Postgres ? AcquireAdvisory((int)portfolioId, timeout) : AcquireFile(portfolioId, timeout);
    }

    /// <summary>The lock file of <paramref name="portfolioId"/> in <paramref name="folder"/>.</summary>
    public static string LockFile(string folder, long portfolioId) => Path.Combine(folder, $"portfolio-{portfolioId}.lock");

    private IDisposable AcquireAdvisory(int portfolioId, TimeSpan timeout)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(storage.PostgresConnectionString) { Pooling = false }.ConnectionString);
        try
        {
            connection.Open();
            var deadline = DateTime.UtcNow + timeout;
            while (true)
            {
                using (var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@ns, @id)", connection))
                {
                    command.Parameters.AddWithValue("ns", AdvisoryNamespace);
                    command.Parameters.AddWithValue("id", portfolioId);
                    if (command.ExecuteScalar() is true) return new AdvisoryLock(connection, portfolioId);
                }
                if (DateTime.UtcNow >= deadline)
                    throw new TimeoutException($"Portfolio {portfolioId}'s job lock was held by another job for {timeout.TotalSeconds:0.#} s.");
                Thread.Sleep(PollInterval);
            }
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private FileStream AcquireFile(long portfolioId, TimeSpan timeout)
    {
        var folder = lockFolder ?? throw new InvalidOperationException("PortfolioJobLock needs a lock folder on SQLite.");
        Directory.CreateDirectory(folder);
        var path = LockFile(folder, portfolioId);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(PollInterval);
            }
            catch (IOException e)
            {
                throw new TimeoutException($"Portfolio {portfolioId}'s job lock was held by another job for {timeout.TotalSeconds:0.#} s.", e);
            }
        }
    }

    private sealed class AdvisoryLock(NpgsqlConnection connection, int portfolioId) : IDisposable
    {
        public void Dispose()
        {
            try
            {
                using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@ns, @id)", connection);
                command.Parameters.AddWithValue("ns", AdvisoryNamespace);
                command.Parameters.AddWithValue("id", portfolioId);
                command.ExecuteScalar();
            }
            finally
            {
                connection.Dispose(); // closing the session releases it in any case
            }
        }
    }
}
