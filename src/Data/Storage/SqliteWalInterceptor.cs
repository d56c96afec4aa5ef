using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Analytics.Data.Storage;

/// <summary>
/// Puts every SQLite connection in WAL mode (persistent for the file; cheap to repeat) and waits up to
/// five seconds for a lock instead of failing at once when a job and a request write together.
/// </summary>
internal sealed class SqliteWalInterceptor : DbConnectionInterceptor
{
    public static readonly SqliteWalInterceptor Instance = new();
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
