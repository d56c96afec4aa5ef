using Analytics.Data.Ingestion;
using Analytics.Data.Ingestion.Parsing;

namespace Analytics.Data.Tests.Ingestion;

/// <summary>The streaming RFC 4180 reader.</summary>
public sealed class CsvReaderTests
{
    private static async Task<List<string[]>> ReadAllAsync(string text)
    {
        var reader = new CsvReader(new StringReader(text));
        var records = new List<string[]>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken) is { } r) records.Add(r);
        return records;
    }

    [Fact]
    public async Task Read_QuotedCommasDoubledQuotesAndLineBreaks_FollowRfc4180()
    {
        var records = await ReadAllAsync("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n1,,\n\n2,3,4");

        Assert.Equal(4, records.Count);
        Assert.Equal(["x, y", "say \"hi\"", "two\nlines"], records[1]);
        Assert.Equal(["1", "", ""], records[2]);
        Assert.Equal(["2", "3", "4"], records[3]);
    }

    [Fact]
    public async Task Read_PythonReprColumn_IsOneField()
    {
        var records = await ReadAllAsync("greeks,x\n\"{'vega': 5.49, 'delta': -0.44}\",1\n");

        Assert.Equal(["{'vega': 5.49, 'delta': -0.44}", "1"], records[1]);
    }

    [Theory]
    [InlineData("a,b\n1,\"open", "ends inside a quoted field")]
    [InlineData("a,b\n1,x\"y\n", "quote inside an unquoted field")]
    [InlineData("a,b\n1,\"x\"y\n", "text after a closing quote")]
    public async Task Read_BrokenQuoting_ThrowsNamingTheLine(string text, string reason)
    {
        var ex = await Assert.ThrowsAsync<IngestFormatException>(() => ReadAllAsync(text));

        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        Assert.Contains("line 2", ex.Message, StringComparison.Ordinal);
    }
}
