using System.Text;
using System.Text.Json;

namespace Analytics.Data.Ingestion.Parsing;

/// <summary>
/// Reads one JSON object from UTF-8 bytes with <see cref="Utf8JsonReader"/> into a <see cref="SlotRecord"/>, with the
/// same value texts as the JSON-array path: strings unescaped (empty means absent), numbers as written, true/false,
/// null as absent, nested objects and arrays as raw JSON (the field parsers reject them by name). A repeated name
/// is refused (as on every JSON endpoint). Anything but one object on the line is an <see cref="IngestFormatException"/>.
/// </summary>
internal static class JsonObjectLine
{
    private const int StackNameChars = 128;

    public static bool IsBlank(ReadOnlySpan<byte> line) => line.Trim(" \t\r\f\v"u8).IsEmpty;

    public static SlotRecord Parse(long row, ReadOnlySpan<byte> line, JsonFieldNames names)
    {
        try
        {
            var reader = new Utf8JsonReader(line, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
                throw new IngestFormatException("body", $"row {row}: expected a JSON object, got {Kind(reader.TokenType)}.");
            var values = new string?[names.Count + 4];
            var given = new bool[values.Length];
            var nonString = new bool[values.Length];
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var slot = NameSlot(names, ref reader);
                if (slot >= values.Length)
                {
                    Array.Resize(ref values, slot + 8);
                    Array.Resize(ref given, slot + 8);
                    Array.Resize(ref nonString, slot + 8);
                }
                if (given[slot]) throw RecordSources.DuplicateField(row, reader.GetString()!);
                given[slot] = true;
                reader.Read();
                nonString[slot] = reader.TokenType is JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False;
                values[slot] = reader.TokenType switch
                {
                    JsonTokenType.String => reader.GetString() is { Length: > 0 } s ? s : null,
                    JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
                    JsonTokenType.True => "true",
                    JsonTokenType.False => "false",
                    JsonTokenType.Null => null,
                    _ => RawValue(ref reader, line),
                };
            }
            if (reader.Read()) throw new JsonException("more than one JSON value on the line.");
            return new SlotRecord(row, names, values, nonString);
        }
        catch (InvalidOperationException) // an escaped lone surrogate (\ud800) has no string value
        {
            throw new IngestFormatException("body", $"row {row}: a name or string is not well-formed UTF-16 (a lone surrogate escape).");
        }
        catch (JsonException ex)
        {
            var message = ex.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            throw new IngestFormatException("body", $"row {row}: not a JSON object on one line, or cut off ({(cut > 0 ? message[..cut] : message)}).");
        }
    }

    private static string RawValue(ref Utf8JsonReader reader, ReadOnlySpan<byte> line)
    {
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        return Encoding.UTF8.GetString(line[start..(int)reader.BytesConsumed]);
    }

    private static string Kind(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => nameof(JsonValueKind.Array),
        JsonTokenType.String => nameof(JsonValueKind.String),
        JsonTokenType.Number => nameof(JsonValueKind.Number),
        JsonTokenType.True => nameof(JsonValueKind.True),
        JsonTokenType.False => nameof(JsonValueKind.False),
        _ => nameof(JsonValueKind.Null),
    };

    /// <summary>Unescaped property name as chars without allocating (short names), then its slot.</summary>
    private static int NameSlot(JsonFieldNames names, ref Utf8JsonReader reader)
    {
        if (reader.ValueSpan.Length <= StackNameChars) // unescaped, a name has at most as many chars as bytes
        {
            Span<char> buffer = stackalloc char[StackNameChars];
            var length = reader.CopyString(buffer);
            return names.SlotOf(buffer[..length]);
        }
        return names.SlotOf(reader.GetString()!);
    }
}
