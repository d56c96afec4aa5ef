using Npgsql;
using NpgsqlTypes;

namespace Analytics.Data.Ingestion.Storage;

/// <summary>
/// PostgreSQL: a temporary staging table (dropped at commit) filled by binary COPY (<see cref="NpgsqlBinaryImporter"/>,
/// MACHINE-NOTES: 140–450k rows/s), one COPY per chunk so references can be created between chunks.
/// </summary>
internal sealed class PostgresBulkWriter<T>(AnalyticsDbContext db, TableSpec<T> spec, DateTime nowUtc) : BulkWriter<T>(db, spec, nowUtc)
{
    protected override Task CreateStageAsync(CancellationToken cancellationToken)
    {
        var columns = string.Join(", ", Spec.Columns.Select(c => $"{TableSpec<T>.Quote(c.Name)} {TypeName(c.PgType)}"));
        return ExecuteAsync($"CREATE TEMP TABLE {Stage} (row_no bigint NOT NULL, {columns}) ON COMMIT DROP", cancellationToken);
    }

    protected override async Task WriteStageAsync(IReadOnlyList<(long Row, T Value)> rows, long[] instrumentIds, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)Connection;
        var columns = Spec.Columns;
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY {Stage} (row_no, {Spec.ColumnList}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        for (var r = 0; r < rows.Count; r++)
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(rows[r].Row, NpgsqlDbType.Bigint, cancellationToken);
            for (var c = 0; c < columns.Length; c++)
            {
                var value = columns[c].Value(rows[r].Value, instrumentIds[r]);
                if (value is null) await importer.WriteNullAsync(cancellationToken);
                else await importer.WriteAsync(value, columns[c].PgType, cancellationToken);
            }
        }
        await importer.CompleteAsync(cancellationToken);
    }

    // ON COMMIT DROP removes it; a rollback removes it too.
    protected override Task DropStageAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static string TypeName(NpgsqlDbType type) => type switch
    {
        NpgsqlDbType.Text => "text",
        NpgsqlDbType.Integer => "integer",
        NpgsqlDbType.Bigint => "bigint",
        NpgsqlDbType.Double => "double precision",
        NpgsqlDbType.Numeric => "numeric",
        NpgsqlDbType.TimestampTz => "timestamptz",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "no staging type for this column"),
    };
}
