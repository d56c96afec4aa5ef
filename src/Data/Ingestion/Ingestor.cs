using Analytics.Data.Ingestion.Formats;
using Analytics.Data.Ingestion.Parsing;
using Analytics.Data.Ingestion.Storage;
using Analytics.Data.Telemetry;

namespace Analytics.Data.Ingestion;

/// <summary>
/// Ingests one batch (a request body or an import file) all-or-nothing: every row is parsed and validated as it
/// streams in and written chunk by chunk in one transaction, the next chunk being parsed while the database writes the
/// last one; when any row is rejected nothing is committed and every rejected row is reported; otherwise the batch is
/// committed, and rows whose identity already exists are counted as duplicates. A key that repeats inside one batch is a row error (the batch contradicts itself; which row should win
/// is not ours to guess), reported on the later row with the earlier one named.
/// </summary>
public static class Ingestor
{
    /// <summary>Rows per written chunk (bounded memory whatever the upload size).</summary>
    private const int ChunkSize = 5_000;

    /// <summary>At most this many row errors are listed; <see cref="IngestResult.Rejected"/> counts all of them.</summary>
    public const int MaxListedErrors = 1_000;

    public static async Task<IngestResult> IngestAsync(AnalyticsDbContext db, IngestKind kind, string mediaType, string? format,
        FormatParameters parameters, Stream body, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var result = await RunKindAsync(db, kind, mediaType, format, parameters, body, nowUtc, cancellationToken);
        AnalyticsMetrics.CountIngest(kind.ToString().ToLowerInvariant(), result.Inserted, result.Duplicates);
        return result;
    }

    private static Task<IngestResult> RunKindAsync(AnalyticsDbContext db, IngestKind kind, string mediaType, string? format,
        FormatParameters parameters, Stream body, DateTime nowUtc, CancellationToken cancellationToken) => kind switch
    {
        IngestKind.Trades => RunAsync(db, TableSpecs.Trades, IngestFormats.Trades(format, parameters), mediaType, body, nowUtc, cancellationToken),
        IngestKind.Quotes => RunAsync(db, TableSpecs.Quotes, IngestFormats.Quotes(format, parameters), mediaType, body, nowUtc, cancellationToken),
        IngestKind.Funding => RunAsync(db, TableSpecs.Funding, IngestFormats.Funding(format, parameters), mediaType, body, nowUtc, cancellationToken),
        IngestKind.Prices => RunAsync(db, TableSpecs.Prices, IngestFormats.Prices(format, parameters), mediaType, body, nowUtc, cancellationToken,
            FieldReader.EarliestPriceUtc),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static async Task<IngestResult> RunAsync<T>(AnalyticsDbContext db, TableSpec<T> spec, IRowMapper<T> mapper, string mediaType,
        Stream body, DateTime nowUtc, CancellationToken cancellationToken, DateTime? earliestUtc = null) where T : class
    {
        var records = mediaType switch
        {
            RecordSources.Csv => RecordSources.ReadCsvAsync(body, mapper.RequiredColumns, cancellationToken),
            RecordSources.NdJson => RecordSources.ReadNdJsonAsync(body, cancellationToken),
            RecordSources.Json => RecordSources.ReadJsonArrayAsync(body, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(mediaType), mediaType, "not an ingest media type"),
        };
        var errors = new List<RowError>();
        long rejected = 0, written = 0;
        await using var writer = BulkWriter<T>.Create(db, spec, nowUtc);
        await writer.BeginAsync(cancellationToken);
        await using (var pipeline = new ChunkPipeline<(long, T)>(ChunkSize, chunk => writer.WriteAsync(chunk, cancellationToken), cancellationToken))
        {
            await foreach (var record in records)
            {
                var fields = new FieldReader(record, errors, nowUtc, earliestUtc ?? FieldReader.EarliestUtc);
                var row = mapper.Map(fields);
                if (row is null || fields.HasErrors)
                {
                    rejected++;
                    if (errors.Count > MaxListedErrors) errors.RemoveRange(MaxListedErrors, errors.Count - MaxListedErrors);
                    continue;
                }
                if (rejected > 0) continue; // nothing will be written: only validate the rest
                await pipeline.AddAsync((record.Row, row));
            }
            if (rejected == 0) written = await pipeline.CompleteAsync();
        }
        if (rejected > 0)
            return new IngestResult(0, 0, rejected, errors.OrderBy(e => e.Row).ToList());

        var outcome = await writer.FinishAsync(cancellationToken);
        if (outcome.Repeats.Count > 0)
        {
            var field = string.Join(",", spec.Key.Select(KeyField));
            return new IngestResult(0, 0, outcome.Repeats.Count, outcome.Repeats.Listed.Select(d => new RowError(d.Row, field,
                $"repeats the identity of row {d.FirstRow} in this batch; send each {spec.Table.TrimEnd('s')} once.")).ToList());
        }
        await writer.CommitAsync(cancellationToken);
        return new IngestResult(outcome.Inserted, written - outcome.Inserted, 0, []);
    }

    /// <summary>The row-shape name of an identity column (API.md field names).</summary>
    private static string KeyField(string column) => column switch
    {
        "TimestampUtc" => "timestamp",
        "InstrumentId" => "instrument",
        _ => char.ToLowerInvariant(column[0]) + column[1..],
    };
}
