using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Analytics.Api.Tests.Endpoints.Fuzz;

/// <summary>
/// Row counts and a SHA-256 over every row of the service's tables in a SQLite file, to show a rejected write changed
/// nothing. Left out: the migrations history, the heartbeat rows the recurring heartbeat job writes every minute on its
/// own and the job-run history its runs leave (<c>job_runs</c>, one row per attempt, updated when it ends), and the
/// data-protection keys the framework creates on first use; none of them is written by a request's input.
/// </summary>
public sealed record DatabaseFingerprint(IReadOnlyDictionary<string, long> RowCounts, string Sha256)
{
    private static readonly string[] Excluded = ["__EFMigrationsHistory", "job_heartbeats", "JobHeartbeats", "job_runs", "DataProtectionKeys", "data_protection_keys"];

    public static DatabaseFingerprint Of(string sqliteFile)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = sqliteFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read()) tables.Add(reader.GetString(0));
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables.Where(t => !Excluded.Contains(t, StringComparer.OrdinalIgnoreCase)))
        {
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
            using var reader = select.ExecuteReader();
            long rows = 0;
            hash.AppendData(Encoding.UTF8.GetBytes($"\u0001{table}"));
            while (reader.Read())
            {
                rows++;
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.GetValue(i);
                    var bytes = value switch
                    {
                        DBNull => "\u0002null"u8.ToArray(),
                        byte[] blob => blob,
                        _ => Encoding.UTF8.GetBytes(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? ""),
                    };
                    hash.AppendData(BitConverter.GetBytes(bytes.Length));
                    hash.AppendData(bytes);
                }
            }
            counts[table] = rows;
        }
        return new DatabaseFingerprint(counts, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>The tables whose row count differs, for a failure message.</summary>
    public string Difference(DatabaseFingerprint after) =>
        string.Join(", ", RowCounts.Keys.Union(after.RowCounts.Keys)
            .Where(t => RowCounts.GetValueOrDefault(t) != after.RowCounts.GetValueOrDefault(t))
            .Select(t => $"{t}: {RowCounts.GetValueOrDefault(t)} → {after.RowCounts.GetValueOrDefault(t)}")) is { Length: > 0 } counts
            ? counts : "same row counts, different content";
}
