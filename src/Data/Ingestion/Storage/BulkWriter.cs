using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Analytics.Data.Ingestion.Storage;

/// <summary>
/// Writes one request's rows into the target chunk by chunk inside one transaction; rows whose identity already exists
/// are skipped (they are the duplicates). Nothing is visible to others before <see cref="CommitAsync"/>; disposing
/// without committing (a rejected batch, a cut-off upload, a crash) rolls everything back, including chains, venues
/// and instruments first seen in the batch. When the context already has a transaction (the on-chain indexer writes
/// trades, funding and its checkpoint together), the writer joins it and leaves commit and rollback to its owner.
/// </summary>
internal abstract class BulkWriter<T>(AnalyticsDbContext db, TableSpec<T> spec, DateTime nowUtc) : IAsyncDisposable
{
    private readonly HashSet<string> _chains = [];
    private readonly HashSet<string> _venues = [];
    private readonly Dictionary<InstrumentIdentity, long> _instruments = []; // record equality: no key text per row
    private IDbContextTransaction? _transaction;
    private bool _ended, _owned;

    protected TableSpec<T> Spec => spec;
    protected DbConnection Connection => db.Database.GetDbConnection();

    public static BulkWriter<T> Create(AnalyticsDbContext db, TableSpec<T> spec, DateTime nowUtc) =>
        db.Database.IsNpgsql() ? new PostgresBulkWriter<T>(db, spec, nowUtc) : new SqliteBulkWriter<T>(db, spec, nowUtc);

    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is { } joined)
            _transaction = joined;
        else
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            _transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            _owned = true;
        }
        await PrepareAsync(cancellationToken);
    }

    /// <summary>Sets up what the provider needs inside the transaction (staging tables, prepared statements).</summary>
    protected abstract Task PrepareAsync(CancellationToken cancellationToken);

    /// <summary>Writes a chunk of (row number, row), creating the rows' references first.</summary>
    public async Task WriteAsync(IReadOnlyList<(long Row, T Value)> rows, CancellationToken cancellationToken)
    {
        var ids = new long[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i].Value;
            if (spec.Chain(row) is { } chain && _chains.Add(chain))
                await ExecuteAsync("INSERT INTO \"chains\" (\"Id\", \"FirstSeenUtc\") VALUES (@p0, @p1) ON CONFLICT (\"Id\") DO NOTHING", cancellationToken, chain, nowUtc);
            if (spec.Venue(row) is { } venue && _venues.Add(venue))
                await ExecuteAsync("INSERT INTO \"venues\" (\"Id\", \"FirstSeenUtc\") VALUES (@p0, @p1) ON CONFLICT (\"Id\") DO NOTHING", cancellationToken, venue, nowUtc);
            if (spec.Instrument(row) is { } instrument)
                ids[i] = _instruments.TryGetValue(instrument, out var id) ? id : await InstrumentIdAsync(instrument, cancellationToken);
        }
        await WriteRowsAsync(rows, ids, cancellationToken);
    }

    protected abstract Task WriteRowsAsync(IReadOnlyList<(long Row, T Value)> rows, long[] instrumentIds, CancellationToken cancellationToken);

    /// <summary>After the last chunk: rows inserted, and rows repeating an earlier row of the batch (then the batch is rejected).</summary>
    public abstract Task<BatchOutcome> FinishAsync(CancellationToken cancellationToken);

    /// <summary>Commits the writer's own transaction (a joined one is committed by its owner).</summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (!_owned) return;
        await _transaction!.CommitAsync(cancellationToken);
        _ended = true;
    }

    /// <summary>Frees provider resources once the transaction has ended (committed or rolled back).</summary>
    protected virtual Task ReleaseAsync() => Task.CompletedTask;

    private async Task<long> InstrumentIdAsync(InstrumentIdentity instrument, CancellationToken cancellationToken)
    {
        var key = instrument.Key;
        await ExecuteAsync(
            "INSERT INTO \"instruments\" (\"Key\", \"Kind\", \"Underlying\", \"ExpiryUtc\", \"Strike\", \"Right\", \"Style\", \"Settlement\", \"Market\") " +
            "VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8) ON CONFLICT (\"Key\") DO NOTHING", cancellationToken,
            key, instrument.Kind, instrument.Underlying, instrument.ExpiryUtc, instrument.Strike, instrument.Right, instrument.Style,
            instrument.Settlement, instrument.Market);
        await using var select = Command("SELECT \"Id\" FROM \"instruments\" WHERE \"Key\" = @p0", key);
        var id = Convert.ToInt64(await select.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        _instruments[instrument] = id;
        return id;
    }

    protected async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params object?[] values)
    {
        await using var command = Command(sql, values);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A command in the batch's transaction (or outside any, once it has ended).</summary>
    protected DbCommand Command(string sql, params object?[] values)
    {
        var command = Connection.CreateCommand();
        command.Transaction = _transaction is null || _ended ? null : _transaction.GetDbTransaction();
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            parameter.Value = values[i] ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        if (_transaction is not null && !_owned)
        {
            await ReleaseAsync(); // inside the owner's transaction, which stays open
            return;
        }
        if (_transaction is not null)
        {
            if (!_ended)
            {
                try { await _transaction.RollbackAsync(CancellationToken.None); }
                catch (Exception ex) when (ex is DbException or InvalidOperationException) { /* the connection is already gone: nothing was committed */ }
                _ended = true;
            }
            await _transaction.DisposeAsync();
            await ReleaseAsync();
        }
        await db.Database.CloseConnectionAsync();
    }
}
