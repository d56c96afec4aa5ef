using System.Runtime.CompilerServices;

namespace Analytics.Data.Ingestion.Parsing;

/// <summary>
/// NDJSON as UTF-8 lines: the body is read into one reusable buffer (grown only for a line longer than it) and each
/// line is parsed in place by <see cref="JsonObjectLine"/>, so no line or document object is built per row.
/// CRLF and LF line ends; blank lines are skipped; a UTF-8 byte order mark is ignored.
/// </summary>
internal static class NdJsonLines
{
    private const int BufferBytes = 1 << 16;

    public static async IAsyncEnumerable<SourceRecord> ReadAsync(Stream body, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var names = new JsonFieldNames();
        var buffer = new byte[BufferBytes];
        int start = 0, end = 0;
        var atEnd = false;
        long row = 0;
        var bomChecked = false;
        while (true)
        {
            var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (newline < 0 && !atEnd)
            {
                if (start > 0) { Buffer.BlockCopy(buffer, start, buffer, 0, end - start); end -= start; start = 0; }
                if (end == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
                var read = await body.ReadAsync(buffer.AsMemory(end), cancellationToken);
                if (read == 0) atEnd = true;
                end += read;
                continue;
            }
            if (!bomChecked)
            {
                bomChecked = true;
                if (buffer.AsSpan(start, end - start).StartsWith("\uFEFF"u8)) { start += 3; continue; }
            }
            var length = newline < 0 ? end - start : newline;
            if (length == 0 && newline < 0) yield break;
            var line = buffer.AsSpan(start, length);
            start += newline < 0 ? length : length + 1;
            if (JsonObjectLine.IsBlank(line)) continue;
            yield return JsonObjectLine.Parse(++row, line, names);
        }
    }
}
