using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Analytics.Data.Ingestion.Storage;

/// <summary>
/// One prepared statement on the connection's native handle, bound by position without ADO.NET's per-execution
/// parameter objects (the ingest hot path). Values are stored exactly as Microsoft.Data.Sqlite stores them, so EF Core
/// reads and compares them the same way: DateTime and decimal as TEXT in its formats, doubles as REAL, integers as INTEGER.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    /// <summary>Microsoft.Data.Sqlite's text forms (SqliteValueBinder).</summary>
    public const string DateTimeFormat = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", DecimalFormat = "0.0###########################";

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private byte[] _utf8 = new byte[256]; // text is encoded here and copied by SQLite (SQLITE_TRANSIENT): no array per value

    public SqliteStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
    }

    /// <summary>Rows changed by the last statement run on this connection.</summary>
    public int Changes => raw.sqlite3_changes(_db);

    public long LastInsertRowId => raw.sqlite3_last_insert_rowid(_db);

    public void Bind(int position, object? value) => Check(value switch
    {
        null => raw.sqlite3_bind_null(_statement, position),
        string s => BindText(position, s),
        long l => raw.sqlite3_bind_int64(_statement, position, l),
        int i => raw.sqlite3_bind_int64(_statement, position, i),
        double d => raw.sqlite3_bind_double(_statement, position, d),
        decimal m => raw.sqlite3_bind_text(_statement, position, _utf8.AsSpan(0, FormatDecimal(m, _utf8))),
        DateTime t => BindText(position, t, DateTimeFormat),
        _ => throw new ArgumentOutOfRangeException(nameof(value), value.GetType(), "no SQLite binding for this type"),
    });

    private int BindText(int position, string text)
    {
        if (Encoding.UTF8.GetMaxByteCount(text.Length) > _utf8.Length) _utf8 = new byte[Encoding.UTF8.GetMaxByteCount(text.Length)];
        return raw.sqlite3_bind_text(_statement, position, _utf8.AsSpan(0, Encoding.UTF8.GetBytes(text, _utf8)));
    }

    /// <summary>
    /// <paramref name="value"/> in <see cref="DecimalFormat"/> (every significant fraction digit, at least one; a decimal has at
    /// most 28), written as UTF-8 via the fast default format with trailing zeros trimmed; returns the length.
    /// </summary>
    internal static int FormatDecimal(decimal value, Span<byte> utf8)
    {
        if (value == 0m || !value.TryFormat(utf8, out var length, default, CultureInfo.InvariantCulture))
            return value.TryFormat(utf8, out length, DecimalFormat, CultureInfo.InvariantCulture) ? length : throw new FormatException($"{value} does not fit the text buffer.");
        var point = utf8[..length].IndexOf((byte)'.');
        if (point < 0)
        {
            utf8[length++] = (byte)'.';
            utf8[length++] = (byte)'0';
        }
        else
        {
            while (length > point + 2 && utf8[length - 1] == (byte)'0') length--;
        }
        return length;
    }

    private int BindText<TValue>(int position, TValue value, string format) where TValue : IUtf8SpanFormattable
    {
        if (!value.TryFormat(_utf8, out var length, format, CultureInfo.InvariantCulture)) throw new FormatException($"{value} does not fit the text buffer.");
        return raw.sqlite3_bind_text(_statement, position, _utf8.AsSpan(0, length));
    }

    /// <summary>Runs a statement that returns no rows, then resets it for the next binding.</summary>
    public void Execute()
    {
        var rc = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE) Check(rc);
    }

    /// <summary>The first column of the first row as an integer, or null when there is no row; then resets.</summary>
    public long? ScalarInt64()
    {
        var rc = raw.sqlite3_step(_statement);
        long? value = rc == raw.SQLITE_ROW ? raw.sqlite3_column_int64(_statement, 0) : null;
        raw.sqlite3_reset(_statement);
        if (rc is not (raw.SQLITE_ROW or raw.SQLITE_DONE)) Check(rc);
        return value;
    }

    private void Check(int rc) => SqliteException.ThrowExceptionForRC(rc, _db);

    public void Dispose() => _statement.Dispose();
}
