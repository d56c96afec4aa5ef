using Npgsql;
using NpgsqlTypes;

namespace Analytics.Data.Ingestion.Storage;

/// <summary>
/// PostgreSQL: each chunk is written by binary COPY (<see cref="NpgsqlBinaryImporter"/>) into a temporary chunk table
/// and merged at once with <c>INSERT … SELECT … ON CONFLICT DO NOTHING</c>, so the server merges while the next chunk is
/// parsed. The identities of all rows are kept in a second temporary table; only when some row was skipped can a row
/// repeat an earlier one of the batch, and only then is that table searched. Both tables are dropped at commit.
/// </summary>
internal sealed class PostgresBulkWriter<T>(AnalyticsDbContext db, TableSpec<T> spec, DateTime nowUtc) : BulkWriter<T>(db, spec, nowUtc)
{
    // Named after the target, so writers of two kinds can share one transaction.
    private string Chunk => $"ingest_chunk_{Spec.Table}";
    private string Keys => $"ingest_keys_{Spec.Table}";

    /// <summary>Sort memory for the repeat search over a whole batch (this transaction only).</summary>
    private const string RepeatSearchWorkMem = "64MB";

    private long _staged, _inserted;

    protected override Task PrepareAsync(CancellationToken cancellationToken)
    {
        var columns = string.Join(", ", Spec.Columns.Select(c => $"{TableSpec<T>.Quote(c.Name)} {TypeName(c.PgType)}"));
        var keys = string.Join(", ", Spec.KeyColumnIndexes.Select(i => Spec.Columns[i]).Select(c => $"{TableSpec<T>.Quote(c.Name)} {TypeName(c.PgType)}"));
        return ExecuteAsync($"CREATE TEMP TABLE {Chunk} (row_no bigint NOT NULL, {columns}) ON COMMIT DROP; " +
                            $"CREATE TEMP TABLE {Keys} (row_no bigint NOT NULL, {keys}) ON COMMIT DROP", cancellationToken);
    }

    protected override async Task WriteRowsAsync(IReadOnlyList<(long Row, T Value)> rows, long[] instrumentIds, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)Connection;
        var columns = Spec.Columns;
        await using (var importer = await connection.BeginBinaryImportAsync(
                         $"COPY {Chunk} (row_no, {Spec.ColumnList}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
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
        await using var merge = connection.CreateBatch();
        merge.BatchCommands.Add(new NpgsqlBatchCommand($"INSERT INTO {Keys} (row_no, {Spec.KeyList}) SELECT row_no, {Spec.KeyList} FROM {Chunk}"));
        var insert = new NpgsqlBatchCommand(Spec.MergeSql(Chunk));
        merge.BatchCommands.Add(insert);
        merge.BatchCommands.Add(new NpgsqlBatchCommand($"TRUNCATE {Chunk}"));
        merge.Timeout = 0;
        await merge.ExecuteNonQueryAsync(cancellationToken);
        _staged += rows.Count;
        _inserted += insert.RecordsAffected;
    }

    public override async Task<BatchOutcome> FinishAsync(CancellationToken cancellationToken)
    {
        var repeats = new Repeats();
        if (_inserted == _staged) return new BatchOutcome(_inserted, repeats); // nothing skipped: no row can repeat another
        await ExecuteAsync($"SET LOCAL work_mem = '{RepeatSearchWorkMem}'", cancellationToken);
        await using var command = Command(Spec.BatchDuplicatesSql(Keys));
        command.CommandTimeout = 0; // a sort over the whole batch: no fixed limit for a 1 GB upload
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            repeats.Add(reader.GetInt64(0), reader.GetInt64(1));
        return new BatchOutcome(_inserted, repeats);
    }

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
