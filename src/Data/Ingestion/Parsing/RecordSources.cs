using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Analytics.Data.Ingestion.Parsing;

/// <summary>Turns a request body into <see cref="SourceRecord"/>s one at a time, whatever its media type.</summary>
public static class RecordSources
{
    public const string Json = "application/json";
    public const string NdJson = "application/x-ndjson";
    public const string Csv = "text/csv";

    /// <summary>
    /// CSV records; <paramref name="requiredColumns"/> must all appear in the header (case-sensitive), else the
    /// input is refused before any row is read. Columns beyond them are ignored (API.md: more fields are allowed).
    /// </summary>
    public static async IAsyncEnumerable<SourceRecord> ReadCsvAsync(
        Stream body, IReadOnlyCollection<string> requiredColumns, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var text = new StreamReader(body, StrictUtf8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var csv = new CsvReader(text);
        var header = await ReadLineAsync(csv, 0, cancellationToken) ?? throw new IngestFormatException("body", "the CSV is empty: expected a header line.");
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
            if (!index.TryAdd(header[i].Trim(), i))
                throw new IngestFormatException("header", $"column '{header[i]}' appears twice in the header.");
        var missing = requiredColumns.Where(c => !index.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            var unknown = index.Keys.Where(k => !requiredColumns.Contains(k)).ToList();
            throw new IngestFormatException("header",
                $"missing required column(s) {string.Join(", ", missing)}" +
                (unknown.Count > 0 ? $"; the header has other columns ({string.Join(", ", unknown)}): check the spelling (names are case-sensitive)." : "."));
        }
        long row = 0;
        while (await ReadLineAsync(csv, row, cancellationToken) is { } values)
        {
            row++;
            if (values.Length != header.Length)
                throw new IngestFormatException("body", $"row {row} (line {csv.Line - 1}) has {values.Length} fields; the header has {header.Length}.");
            yield return new CsvRecord(row, index, values);
        }
    }

    /// <summary>UTF-8 that refuses malformed bytes (a lone surrogate, a cut sequence) instead of replacing them with U+FFFD.</summary>
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static async ValueTask<string[]?> ReadLineAsync(CsvReader csv, long row, CancellationToken cancellationToken)
    {
        try { return await csv.ReadAsync(cancellationToken); }
        catch (DecoderFallbackException) { throw new IngestFormatException("body", $"after row {row}: the CSV is not well-formed UTF-8."); }
    }

    /// <summary>Elements of one JSON array, parsed one at a time (the array is never held whole).</summary>
    public static async IAsyncEnumerable<SourceRecord> ReadJsonArrayAsync(Stream body, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long row = 0;
        // The serializer reads `null` (or any non-array value) as an empty sequence: peek the first token so that a body that
        // is not an array is refused instead of answering "0 inserted".
        var pipe = PipeReader.Create(body);
        if (await FirstByteAsync(pipe, cancellationToken) is { } first && first != (byte)'[' && first != 0xEF /* UTF-8 BOM */)
            throw new IngestFormatException("body", $"expected a JSON array of rows; the body starts with '{(char)first}'.");
        var elements = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(pipe.AsStream(), topLevelValues: false, cancellationToken: cancellationToken);
        await using var e = elements.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            bool more;
            try { more = await e.MoveNextAsync(); }
            catch (JsonException ex) { throw new IngestFormatException("body", $"after row {row}: the JSON is malformed or cut off ({Trim(ex.Message)})."); }
            if (!more) yield break;
            yield return ToRecord(++row, e.Current);
        }
    }

    /// <summary>The first byte that is not JSON whitespace, left unread in <paramref name="pipe"/>; null for an all-blank body.</summary>
    private static async ValueTask<byte?> FirstByteAsync(PipeReader pipe, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await pipe.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            byte? first = null;
            foreach (var segment in buffer)
            {
                var index = segment.Span.IndexOfAnyExcept(" \t\r\n"u8);
                if (index >= 0) { first = segment.Span[index]; break; }
            }
            pipe.AdvanceTo(buffer.Start, first is null ? buffer.End : buffer.Start);
            if (first is not null || result.IsCompleted) return first;
        }
    }

    /// <summary>One JSON object per line; blank lines are skipped.</summary>
    public static IAsyncEnumerable<SourceRecord> ReadNdJsonAsync(Stream body, CancellationToken cancellationToken) =>
        NdJsonLines.ReadAsync(body, cancellationToken);

    private static JsonRecord ToRecord(long row, JsonElement element)
    {
        try { return ToRecordUnchecked(row, element); }
        catch (InvalidOperationException) // System.Text.Json: an escaped lone surrogate (\ud800) has no string value
        {
            throw new IngestFormatException("body", $"row {row}: a name or string is not well-formed UTF-16 (a lone surrogate escape).");
        }
    }

    private static JsonRecord ToRecordUnchecked(long row, JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw new IngestFormatException("body", $"row {row}: expected a JSON object, got {element.ValueKind}.");
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        HashSet<string>? nonString = null;
        foreach (var p in element.EnumerateObject())
        {
            if (!fields.TryAdd(p.Name, Text(p.Value)))
                throw DuplicateField(row, p.Name);
            if (p.Value.ValueKind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
                (nonString ??= new HashSet<string>(StringComparer.Ordinal)).Add(p.Name);
        }
        return new JsonRecord(row, fields, nonString);
    }

    /// <summary>A name given twice in one row: refused as on every JSON endpoint, instead of one of the values winning.</summary>
    internal static IngestFormatException DuplicateField(long row, string name) =>
        new(name.Length > 0 ? name : "body", $"row {row}: '{name}' is given more than once in the row; give each field once.");

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() is { Length: > 0 } s ? s : null,
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => null,
        _ => value.GetRawText(), // objects and arrays: the field parsers reject them with the field's name
    };

    private static string Trim(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
