using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Analytics.Api.Hosting.Logging;

/// <summary>
/// One log line as UTF-8 JSON with the fields of ASP.NET Core's <c>json</c> console formatter: <c>Timestamp</c> (UTC),
/// <c>EventId</c>, <c>LogLevel</c>, <c>Category</c>, <c>Message</c>, <c>Exception</c>, <c>State</c> (the message's named
/// values and its template) and <c>Scopes</c> (each scope's named values; the request's <c>RequestId</c> is one). Unlike
/// that formatter it does not format each scope's message too. Written through one reused writer per thread.
/// </summary>
internal static class JsonLogLine
{
    private const string OriginalFormat = "{OriginalFormat}";

    // Log lines are read as text, never embedded in HTML: escape what JSON needs (quotes, control characters, so one line
    // stays one line), not '+', '<' or non-ASCII letters.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [ThreadStatic] private static ArrayBufferWriter<byte>? _threadBuffer;
    [ThreadStatic] private static Utf8JsonWriter? _threadWriter;

    /// <summary>The line and its final '\n' in a buffer rented from <see cref="ArrayPool{T}.Shared"/> (the caller returns it).</summary>
    public static (byte[] Buffer, int Length) Format<TState>(DateTime timestampUtc, string category, LogLevel level, EventId eventId,
        string? message, Exception? exception, TState state, IExternalScopeProvider? scopes)
    {
        var buffer = _threadBuffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var json = _threadWriter ??= new Utf8JsonWriter(buffer, WriterOptions);
        json.Reset(buffer);

        json.WriteStartObject();
        json.WriteString("Timestamp", timestampUtc);
        json.WriteNumber("EventId", eventId.Id);
        json.WriteString("LogLevel", LevelName(level));
        json.WriteString("Category", category);
        json.WriteString("Message", message);
        if (exception is not null) json.WriteString("Exception", exception.ToString());
        if (state is IReadOnlyList<KeyValuePair<string, object?>> values)
        {
            json.WriteStartObject("State");
            foreach (var (key, value) in values) WriteValue(json, key, value);
            json.WriteEndObject();
        }

        if (scopes is not null)
        {
            json.WriteStartArray("Scopes");
            scopes.ForEachScope(static (scope, writer) => WriteScope(writer, scope), json);
            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.Flush();

        var written = buffer.WrittenSpan;
        var line = ArrayPool<byte>.Shared.Rent(written.Length + 1);
        written.CopyTo(line);
        line[written.Length] = (byte)'\n';
        if (buffer.Capacity > 64 * 1024) _threadBuffer = null; // one huge line (a long exception) is not kept per thread
        return (line, written.Length + 1);
    }

    private static void WriteScope(Utf8JsonWriter json, object? scope)
    {
        if (scope is IEnumerable<KeyValuePair<string, object?>> values)
        {
            json.WriteStartObject();
            foreach (var (key, value) in values)
            {
                if (key != OriginalFormat) WriteValue(json, key, value);
            }

            json.WriteEndObject();
        }
        else
        {
            json.WriteStringValue(Convert.ToString(scope, CultureInfo.InvariantCulture));
        }
    }

    private static void WriteValue(Utf8JsonWriter json, string key, object? value)
    {
        switch (value)
        {
            case null: json.WriteNull(key); break;
            case string s: json.WriteString(key, s); break;
            case bool b: json.WriteBoolean(key, b); break;
            case int i: json.WriteNumber(key, i); break;
            case long l: json.WriteNumber(key, l); break;
            case double d when double.IsFinite(d): json.WriteNumber(key, d); break;
            case decimal m: json.WriteNumber(key, m); break;
            case DateTime t: json.WriteString(key, t); break;
            case DateTimeOffset t: json.WriteString(key, t); break;
            case Guid g: json.WriteString(key, g); break;
            default: json.WriteString(key, Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }

    private static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace => nameof(LogLevel.Trace),
        LogLevel.Debug => nameof(LogLevel.Debug),
        LogLevel.Information => nameof(LogLevel.Information),
        LogLevel.Warning => nameof(LogLevel.Warning),
        LogLevel.Error => nameof(LogLevel.Error),
        LogLevel.Critical => nameof(LogLevel.Critical),
        _ => nameof(LogLevel.None),
    };
}
