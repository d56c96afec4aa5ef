using System.Text;
using Analytics.Data.Ingestion;
using Analytics.Data.Ingestion.Parsing;

namespace Analytics.Data.Tests.Ingestion;

/// <summary>The byte-level NDJSON reader gives the same field texts as the JSON-array path (JsonElement).</summary>
public sealed class NdJsonReaderTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly string[] Fields = ["s", "e", "n", "i", "t", "f", "z", "o", "a", "d", "u", "missing"];

    private static async Task<List<SourceRecord>> ReadAsync(IAsyncEnumerable<SourceRecord> source)
    {
        var records = new List<SourceRecord>();
        await foreach (var r in source) records.Add(r);
        return records;
    }

    private static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task Read_EveryValueKind_MatchesTheJsonArrayReader()
    {
        string[] objects =
        [
            """{"s":"a\"b\\c\u00e9","e":"","n":null,"i":-12,"t":true,"f":false,"z":1.50e3,"o":{"x":[1, 2]},"a":[1,"b"],"d":"last","u":"日本"}""",
            """{ "s" : "x" , "\u0069" : 7 }""",
        ];
        var lines = await ReadAsync(RecordSources.ReadNdJsonAsync(Utf8("\uFEFF" + objects[0] + "\r\n\n  \r\n" + objects[1]), Token));
        var array = await ReadAsync(RecordSources.ReadJsonArrayAsync(Utf8("[" + string.Join(",", objects) + "]"), Token));

        Assert.Equal(2, lines.Count);
        for (var r = 0; r < 2; r++)
        {
            Assert.Equal(array[r].Row, lines[r].Row);
            foreach (var field in Fields) Assert.Equal(array[r][field], lines[r][field]);
        }
        Assert.Equal("-12", lines[0]["i"]);
        Assert.Equal("last", lines[0]["d"]);
        Assert.Null(lines[0]["e"]);
    }

    [Fact]
    public async Task Read_LongLinesAcrossBufferRefills_AreReadWhole()
    {
        var big = new string('x', 200_000);
        var text = string.Concat(Enumerable.Range(0, 50).Select(i => $"{{\"i\":{i},\"s\":\"{big}\"}}\n"));

        var records = await ReadAsync(RecordSources.ReadNdJsonAsync(Utf8(text), Token));

        Assert.Equal(50, records.Count);
        Assert.Equal(("49", 200_000), (records[49]["i"], records[49]["s"]!.Length));
    }

    [Theory]
    [InlineData("{\"a\":1}\n{\"d\":\"first\",\"x\":1,\"d\":\"last\"}\n")]
    [InlineData("{\"a\":1}\n{\"d\":1,\"\\u0064\":2}\n")] // the same name, once escaped
    public async Task Read_NameGivenTwice_ThrowsNamingIt_BothReadersAlike(string text)
    {
        var lines = await Assert.ThrowsAsync<IngestFormatException>(() => ReadAsync(RecordSources.ReadNdJsonAsync(Utf8(text), Token)));
        var array = await Assert.ThrowsAsync<IngestFormatException>(() =>
            ReadAsync(RecordSources.ReadJsonArrayAsync(Utf8("[" + text.TrimEnd('\n').Replace("\n", ",", StringComparison.Ordinal) + "]"), Token)));

        foreach (var ex in new[] { lines, array })
        {
            Assert.Equal("d", ex.Field);
            Assert.StartsWith("row 2: 'd' is given more than once", ex.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("{\"a\":1}\n[1,2]\n", "row 2: expected a JSON object, got Array")]
    [InlineData("{\"a\":1}\n{\"a\":1}{\"b\":2}\n", "row 2: not a JSON object on one line")]
    [InlineData("{\"a\":1}\n{\"a\":", "row 2: not a JSON object on one line, or cut off")]
    public async Task Read_NotOneObjectPerLine_ThrowsNamingTheRow(string text, string expected)
    {
        var ex = await Assert.ThrowsAsync<IngestFormatException>(() => ReadAsync(RecordSources.ReadNdJsonAsync(Utf8(text), Token)));

        Assert.Equal("body", ex.Field);
        Assert.StartsWith(expected, ex.Message, StringComparison.Ordinal);
    }
}
