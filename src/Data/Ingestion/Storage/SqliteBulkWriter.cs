using Microsoft.Data.Sqlite;

namespace Analytics.Data.Ingestion.Storage;

/// <summary>
/// SQLite: every row goes straight into the target with one prepared <c>INSERT … ON CONFLICT DO NOTHING</c> inside
/// the transaction (no staging table, no merge). A skipped row is looked up by its identity: an id from before this
/// batch makes it a duplicate, unless an earlier row of this batch was a duplicate of the same stored row; an id this
/// batch inserted makes it a repeat of the row that inserted it. SQLite has one writer, so a long upload holds the
/// write lock until it commits; other writers wait up to the busy timeout.
/// </summary>
internal sealed class SqliteBulkWriter<T>(AnalyticsDbContext db, TableSpec<T> spec, DateTime nowUtc) : BulkWriter<T>(db, spec, nowUtc)
{
    /// <summary>Page cache while ingesting (negative: KiB): index pages stay in memory instead of spilling mid-transaction.</summary>
    private const int IngestCacheKib = 64 * 1024, DefaultCacheKib = 2000;

    // Named after the target, so writers of two kinds can share one transaction.
    private string Seen => $"temp.ingest_seen_{Spec.Table}";

    private readonly InsertedRows _inserted = new();
    private readonly Repeats _repeats = new();
    private int[] _keyColumns = [];
    private long _lastIdBeforeBatch;
    private SqliteStatement? _insert, _idOfKey, _markSeen, _seenRow;

    protected override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await ExecuteAsync($"PRAGMA cache_size = -{IngestCacheKib}; DROP TABLE IF EXISTS {Seen}; " +
                           $"CREATE TABLE {Seen} (id INTEGER PRIMARY KEY, row_no INTEGER NOT NULL)", cancellationToken);
        await using var maxId = Command($"SELECT COALESCE(MAX(\"Id\"), 0) FROM {TableSpec<T>.Quote(Spec.Table)}");
        _lastIdBeforeBatch = Convert.ToInt64(await maxId.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        var connection = (SqliteConnection)Connection;
        _keyColumns = Spec.KeyColumnIndexes;
        _insert = new SqliteStatement(connection, Spec.InsertRowSql);
        _idOfKey = new SqliteStatement(connection, Spec.IdOfKeySql);
        _markSeen = new SqliteStatement(connection, $"INSERT INTO {Seen} (id, row_no) VALUES (?1, ?2) ON CONFLICT (id) DO NOTHING");
        _seenRow = new SqliteStatement(connection, $"SELECT row_no FROM {Seen} WHERE id = ?1");
    }

    protected override Task WriteRowsAsync(IReadOnlyList<(long Row, T Value)> rows, long[] instrumentIds, CancellationToken cancellationToken)
    {
        var columns = Spec.Columns;
        var values = new object?[columns.Length];
        for (var r = 0; r < rows.Count; r++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var c = 0; c < columns.Length; c++)
                _insert!.Bind(c + 1, values[c] = columns[c].Value(rows[r].Value, instrumentIds[r]));
            _insert!.Execute();
            if (_insert.Changes == 1) _inserted.Add(rows[r].Row, _insert.LastInsertRowId);
            else ClassifySkipped(rows[r].Row, values);
        }
        return Task.CompletedTask;
    }

    /// <summary>A row whose identity is stored already: a duplicate, or a repeat of an earlier row of this batch.</summary>
    private void ClassifySkipped(long row, object?[] values)
    {
        for (var k = 0; k < _keyColumns.Length; k++) _idOfKey!.Bind(k + 1, values[_keyColumns[k]]);
        var id = _idOfKey!.ScalarInt64() ?? throw new InvalidOperationException($"row {row} was skipped but no stored row has its identity.");
        if (id > _lastIdBeforeBatch)
        {
            _repeats.Add(row, _inserted.RowOf(id));
            return;
        }
        _markSeen!.Bind(1, id);
        _markSeen.Bind(2, row);
        _markSeen.Execute();
        if (_markSeen.Changes == 1) return; // a duplicate of a row stored before this batch
        _seenRow!.Bind(1, id);
        _repeats.Add(row, _seenRow.ScalarInt64()!.Value);
    }

    public override Task<BatchOutcome> FinishAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new BatchOutcome(_inserted.Count, _repeats));

    protected override async Task ReleaseAsync()
    {
        foreach (var statement in new[] { _insert, _idOfKey, _markSeen, _seenRow }) statement?.Dispose();
        try { await ExecuteAsync($"DROP TABLE IF EXISTS {Seen}; PRAGMA cache_size = -{DefaultCacheKib}", CancellationToken.None); }
        catch (SqliteException) { /* the connection is broken: the pool discards it */ }
    }
}
