using System.Text;

namespace Analytics.Data.Ingestion.Parsing;

/// <summary>
/// A streaming RFC 4180 reader: comma separated, fields optionally in double quotes, <c>""</c> for a quote inside
/// quotes, quoted fields may span lines, CRLF or LF line ends. It holds one record in memory at a time.
/// Broken quoting (a stray quote inside an unquoted field, text after a closing quote, a file ending inside quotes)
/// throws <see cref="IngestFormatException"/> naming the line.
/// </summary>
public sealed class CsvReader(TextReader reader)
{
    private readonly StringBuilder _field = new();
    private long _line = 1;

    /// <summary>The physical line the next record starts on (1-based).</summary>
    public long Line => _line;

    /// <summary>The next record, or null at the end of the input. Blank lines are skipped.</summary>
    public async ValueTask<string[]?> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var line = await reader.ReadLineAsync(cancellationToken);
            if (line is null) return null;
            var start = _line++;
            if (line.Length == 0) continue;
            var fields = new List<string>();
            var pos = 0;
            while (true)
            {
                _field.Clear();
                if (pos < line.Length && line[pos] == '"')
                {
                    pos++;
                    while (true)
                    {
                        var quote = line.IndexOf('"', pos);
                        if (quote < 0)
                        {
                            _field.Append(line, pos, line.Length - pos).Append('\n');
                            line = await reader.ReadLineAsync(cancellationToken)
                                   ?? throw new IngestFormatException("body", $"line {start}: the input ends inside a quoted field.");
                            _line++;
                            pos = 0;
                            continue;
                        }
                        _field.Append(line, pos, quote - pos);
                        if (quote + 1 < line.Length && line[quote + 1] == '"') { _field.Append('"'); pos = quote + 2; continue; }
                        pos = quote + 1;
                        break;
                    }
                    if (pos < line.Length && line[pos] != ',')
                        throw new IngestFormatException("body", $"line {_line - 1}: text after a closing quote (quote a field whole, and double quotes inside it).");
                }
                else
                {
                    var comma = line.IndexOf(',', pos);
                    var end = comma < 0 ? line.Length : comma;
                    if (line.AsSpan(pos, end - pos).Contains('"'))
                        throw new IngestFormatException("body", $"line {start}: a quote inside an unquoted field (quote the whole field and double the quote).");
                    _field.Append(line, pos, end - pos);
                    pos = end;
                }
                fields.Add(_field.ToString());
                if (pos >= line.Length) break;
                pos++; // the comma
                if (pos == line.Length) { fields.Add(""); break; }
            }
            return fields.ToArray();
        }
    }
}
