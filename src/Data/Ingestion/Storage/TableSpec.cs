namespace Analytics.Data.Ingestion.Storage;

/// <summary>
/// How rows of kind <typeparamref name="T"/> are written: the target table, the identity (the unique index that makes
/// ingest idempotent), the columns, and the references each row needs to exist first.
/// </summary>
internal sealed record TableSpec<T>(
    string Table,
    string[] Key,
    StageColumn<T>[] Columns,
    Func<T, string?> Chain,
    Func<T, string?> Venue,
    Func<T, InstrumentIdentity?> Instrument)
{
    public static string Quote(string identifier) => $"\"{identifier}\"";

    public string ColumnList => string.Join(", ", Columns.Select(c => Quote(c.Name)));

    public string KeyList => string.Join(", ", Key.Select(Quote));

    /// <summary>Where each identity column sits in <see cref="Columns"/>.</summary>
    public int[] KeyColumnIndexes => Key.Select(k => Array.FindIndex(Columns, c => c.Name == k)).ToArray();

    /// <summary>Rows whose identity repeats an earlier row of the same batch, with that earlier row (over a table of row_no and the key).</summary>
    public string BatchDuplicatesSql(string rowsTable) =>
        $"SELECT row_no, first_row FROM (SELECT row_no, MIN(row_no) OVER (PARTITION BY {KeyList}) AS first_row FROM {rowsTable}) d " +
        "WHERE row_no <> first_row ORDER BY row_no";

    /// <summary>Insert-select in input order; rows whose identity already exists are skipped (they are the duplicates).</summary>
    public string MergeSql(string stage) =>
        $"INSERT INTO {Quote(Table)} ({ColumnList}) SELECT {ColumnList} FROM {stage} WHERE true ORDER BY row_no " +
        $"ON CONFLICT ({KeyList}) DO NOTHING";

    /// <summary>One row straight into the target with positional parameters ?1…?n (SQLite); an existing identity is skipped.</summary>
    public string InsertRowSql =>
        $"INSERT INTO {Quote(Table)} ({ColumnList}) VALUES ({string.Join(", ", Columns.Select((_, i) => $"?{i + 1}"))}) " +
        $"ON CONFLICT ({KeyList}) DO NOTHING";

    /// <summary>The id of the stored row with an identity given as ?1…?k in <see cref="Key"/> order.</summary>
    public string IdOfKeySql => $"SELECT \"Id\" FROM {Quote(Table)} WHERE {string.Join(" AND ", Key.Select((k, i) => $"{Quote(k)} = ?{i + 1}"))}";
}
