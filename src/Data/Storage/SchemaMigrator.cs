using Microsoft.EntityFrameworkCore;

namespace Analytics.Data.Storage;

/// <summary>Applies migrations, or refuses to run on a schema that is behind the code.</summary>
public static class SchemaMigrator
{
    /// <summary>Applies every pending migration (the <c>migrate</c> command and the embedded default).</summary>
    public static Task MigrateAsync(AnalyticsDbContext db, CancellationToken cancellationToken = default) =>
        db.Database.MigrateAsync(cancellationToken);

    /// <summary>Throws when migrations are pending, naming them and the command that applies them.</summary>
    public static async Task EnsureUpToDateAsync(AnalyticsDbContext db, CancellationToken cancellationToken = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
            throw new InvalidOperationException(
                $"The database schema is behind this build ({pending.Count} pending migration(s): {string.Join(", ", pending)}). " +
                "Apply them with `dotnet Analytics.Api.dll migrate` (or set Storage:ApplyMigrationsAtStartup=true on one node).");
    }
}
