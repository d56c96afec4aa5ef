using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Analytics.Data.Ingestion.Storage;

/// <summary>
/// Stages one request's rows in a temporary table inside one transaction, then merges them into the target with
/// <c>INSERT … SELECT … ON CONFLICT DO NOTHING</c>. Nothing is visible to others before <see cref="CommitAsync"/>;
/// disposing without committing (a rejected batch, a cut-off upload, a crash) rolls everything back, including
/// chains, venues and instruments first seen in the batch.
/// </summary>
internal abstract class BulkWriter<T>(AnalyticsDbContext db, TableSpec<T> spec, DateTime nowUtc) : IAsyncDisposable
{
    private readonly HashSet<string> _chains = [];
    private readonly HashSet<string> _venues = [];
    private readonly Dictionary<InstrumentIdentity, long> _instruments = []; // record equality: no key text per row
    private IDbContextTransaction? _transaction;
    private bool _committed;

    protected TableSpec<T> Spec => spec;
    protected const string Stage = "ingest_stage";
    protected DbConnection Connection => db.Database.GetDbConnection();
    protected DbTransaction Transaction => _transaction!.GetDbTransaction();

    public static BulkWriter<T> Create(AnalyticsDbContext db, TableSpec<T> spec, DateTime nowUtc) =>
        db.Database.IsNpgsql() ? new PostgresBulkWriter<T>(db, spec, nowUtc) : new SqliteBulkWriter<T>(db, spec, nowUtc);

    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        _transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await CreateStageAsync(cancellationToken);
    }

    protected abstract Task CreateStageAsync(CancellationToken cancellationToken);

    /// <summary>Writes a chunk of (row number, row) to the staging table, creating the rows' references first.</summary>
    public async Task StageAsync(IReadOnlyList<(long Row, T Value)> rows, CancellationToken cancellationToken)
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
                ids[i] = await InstrumentIdAsync(instrument, cancellationToken);
        }
        await WriteStageAsync(rows, ids, cancellationToken);
    }

    protected abstract Task WriteStageAsync(IReadOnlyList<(long Row, T Value)> rows, long[] instrumentIds, CancellationToken cancellationToken);

    /// <summary>(row, earlier row) for every row whose identity repeats an earlier row of this batch.</summary>
    public async Task<List<(long Row, long FirstRow)>> FindBatchDuplicatesAsync(CancellationToken cancellationToken)
    {
        await using var command = Command(spec.BatchDuplicatesSql(Stage));
        command.CommandTimeout = 0; // a sort over the whole batch: no fixed limit for a 1 GB upload
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var duplicates = new List<(long, long)>();
        while (await reader.ReadAsync(cancellationToken))
            duplicates.Add((reader.GetInt64(0), reader.GetInt64(1)));
        return duplicates;
    }

    /// <summary>Moves the staged rows into the target; returns how many were new.</summary>
    public async Task<long> MergeAsync(CancellationToken cancellationToken)
    {
        await using var command = Command(spec.MergeSql(Stage));
        command.CommandTimeout = 0;
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await DropStageAsync(cancellationToken);
        await _transaction!.CommitAsync(cancellationToken);
        _committed = true;
    }

    protected abstract Task DropStageAsync(CancellationToken cancellationToken);

    private async Task<long> InstrumentIdAsync(InstrumentIdentity instrument, CancellationToken cancellationToken)
    {
        if (_instruments.TryGetValue(instrument, out var id)) return id;
        var key = instrument.Key;
        await ExecuteAsync(
            "INSERT INTO \"instruments\" (\"Key\", \"Kind\", \"Underlying\", \"ExpiryUtc\", \"Strike\", \"Right\", \"Style\", \"Settlement\", \"Market\") " +
            "VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8) ON CONFLICT (\"Key\") DO NOTHING", cancellationToken,
            key, instrument.Kind, instrument.Underlying, instrument.ExpiryUtc, instrument.Strike, instrument.Right, instrument.Style,
            instrument.Settlement, instrument.Market);
        await using var select = Command("SELECT \"Id\" FROM \"instruments\" WHERE \"Key\" = @p0", key);
        id = Convert.ToInt64(await select.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        _instruments[instrument] = id;
        return id;
    }

    protected async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params object?[] values)
    {
        await using var command = Command(sql, values);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    protected DbCommand Command(string sql, params object?[] values)
    {
        var command = Connection.CreateCommand();
        command.Transaction = Transaction;
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
        if (_transaction is not null)
        {
            if (!_committed)
            {
                try { await _transaction.RollbackAsync(CancellationToken.None); }
                catch (Exception ex) when (ex is DbException or InvalidOperationException) { /* the connection is already gone: nothing was committed */ }
            }
            await _transaction.DisposeAsync();
        }
        await db.Database.CloseConnectionAsync();
    }
}
