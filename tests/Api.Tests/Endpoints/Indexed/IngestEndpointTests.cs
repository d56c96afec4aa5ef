using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Analytics.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Api.Tests.Endpoints.Indexed;

/// <summary>POST ingest on SQLite and PostgreSQL: formats, idempotency, all-or-nothing, every kind of bad input.</summary>
public abstract class IngestEndpointTests
{
    private readonly ApiFixture _api;

    protected IngestEndpointTests(ApiFixture api)
    {
        api.RequireAvailable();
        _api = api;
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private Task<HttpResponseMessage> PostAsync(string path, string body, string mediaType, string? key = TestKeys.Writer) =>
        _api.Client(key).PostAsync(path, new StringContent(body, Encoding.UTF8, mediaType), Token);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<int> TradeCountAsync(IngestTestData data)
    {
        await using var db = _api.Factory.NewDbContext();
        return await db.Trades.CountAsync(t => t.Underlying == data.Underlying, Token);
    }

    [Theory]
    [InlineData("text/csv")]
    [InlineData("application/x-ndjson")]
    [InlineData("application/json")]
    public async Task PostTrades_EachMediaTypeSentTwice_InsertsThenReportsDuplicates(string mediaType)
    {
        var data = new IngestTestData();
        var body = mediaType switch { "text/csv" => data.TradeCsv(5), "application/x-ndjson" => data.TradeNdJson(5), _ => data.TradeJsonArray(5) };

        var first = await JsonAsync(await PostAsync("/api/v1/trades", body, mediaType), HttpStatusCode.OK);
        var second = await JsonAsync(await PostAsync("/api/v1/trades", body, mediaType), HttpStatusCode.OK);

        Assert.Equal((5, 0), (first.GetProperty("inserted").GetInt32(), first.GetProperty("duplicates").GetInt32()));
        Assert.Equal((0, 5), (second.GetProperty("inserted").GetInt32(), second.GetProperty("duplicates").GetInt32()));
        Assert.Equal(5, await TradeCountAsync(data));
    }

    [Fact]
    public async Task PostTrades_AsReaderOrAnonymous_IsForbiddenOrUnauthorized()
    {
        var data = new IngestTestData();

        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync("/api/v1/trades", data.TradeCsv(1), "text/csv", TestKeys.Reader)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync("/api/v1/trades", data.TradeCsv(1), "text/csv", null)).StatusCode);
        Assert.Equal(0, await TradeCountAsync(data));
    }

    [Fact]
    public async Task PostTrades_WrongContentType_Returns415Problem()
    {
        var data = new IngestTestData();

        var response = await PostAsync("/api/v1/trades", data.TradeCsv(1), "application/xml");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(0, await TradeCountAsync(data));
    }


    [Theory]
    [InlineData("size", ",3000,call,buy,101,2,", ",3000,call,buy,101,-2,")]
    [InlineData("price", ",3000,call,buy,101,2,", ",3000,call,buy,NaN,2,")]
    [InlineData("timestamp", "2026-01-05T10:01:00Z", "2099-01-01T00:00:00Z")]
    [InlineData("timestamp", "2026-01-05T10:01:00Z", "2014-12-31T23:59:59Z")]
    [InlineData("type", ",call,buy,101,", ",straddle,buy,101,")]
    public async Task PostTrades_OneBadRow_Returns422WithRowAndFieldAndWritesNothing(string field, string find, string replace)
    {
        var data = new IngestTestData();
        var csv = data.TradeCsv(3);
        var lines = csv.Split('\n');
        lines[2] = lines[2].Replace(find, replace, StringComparison.Ordinal); // data row 2
        Assert.NotEqual(csv, string.Join('\n', lines));

        var body = await JsonAsync(await PostAsync("/api/v1/trades", string.Join('\n', lines), "text/csv"), HttpStatusCode.UnprocessableEntity);

        Assert.Equal(1, body.GetProperty("rejected").GetInt32());
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal((2, field), (error.GetProperty("row").GetInt32(), error.GetProperty("field").GetString()));
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
        Assert.Equal(0, await TradeCountAsync(data));
    }

    [Fact]
    public async Task PostTrades_DuplicateKeyInsideTheBatch_Returns422NamingBothRows()
    {
        var data = new IngestTestData();
        var lines = data.TradeCsv(3).Split('\n');
        var body = string.Join('\n', lines.Append(lines[1])); // row 4 repeats row 1

        var problem = await JsonAsync(await PostAsync("/api/v1/trades", body, "text/csv"), HttpStatusCode.UnprocessableEntity);

        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal(4, error.GetProperty("row").GetInt32());
        Assert.Contains("row 1", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await TradeCountAsync(data));
    }

    [Theory]
    [InlineData("broken quoting", "text/csv", "csv-broken-quote", "body")]
    [InlineData("misspelled column", "text/csv", "csv-misspelled", "header")]
    [InlineData("JSON cut off mid-array", "application/json", "json-cut", "body")]
    [InlineData("NDJSON cut off mid-line", "application/x-ndjson", "ndjson-cut", "body")]
    public async Task PostTrades_UnreadableInput_Returns400NamingTheProblemAndWritesNothing(string what, string mediaType, string variant, string field)
    {
        var data = new IngestTestData();
        var body = variant switch
        {
            "csv-broken-quote" => data.TradeCsv(3).Replace($"0x{data.Underlying}0001", $"0x{data.Underlying}\"0001", StringComparison.Ordinal),
            "csv-misspelled" => data.TradeCsv(2).Replace("txHash", "tx_hash", StringComparison.Ordinal),
            "json-cut" => data.TradeJsonArray(3)[..^40],
            _ => data.TradeNdJson(3)[..^40],
        };

        var messages = await ProblemAssert.HasFieldErrorAsync(await PostAsync("/api/v1/trades", body, mediaType), field);

        Assert.False(string.IsNullOrEmpty(messages[0]), what);
        if (variant == "csv-misspelled") Assert.Contains("txHash", messages[0], StringComparison.Ordinal);
        Assert.Equal(0, await TradeCountAsync(data));
    }

    [Fact]
    public async Task PostTrades_UploadAbortedMidStream_WritesNothing()
    {
        var data = new IngestTestData();
        var bytes = Encoding.UTF8.GetBytes(data.TradeCsv(50));
        var content = new StreamContent(new FailingStream(bytes, failAfter: bytes.Length / 2));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");

        try { await _api.Client(TestKeys.Writer).PostAsync("/api/v1/trades", content, Token); }
        catch (Exception ex) when (ex is HttpRequestException or IOException) { /* the client gave up: expected */ }

        Assert.Equal(0, await TradeCountAsync(data));
    }

    /// <summary>Yields the first bytes of a body, then fails like a dropped connection.</summary>
    private sealed class FailingStream(byte[] bytes, int failAfter) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) =>
            Position >= failAfter ? throw new IOException("connection lost") : base.Read(buffer, offset, (int)Math.Min(count, failAfter - Position));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer, offset, count));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Position >= failAfter ? throw new IOException("connection lost") : base.ReadAsync(buffer[..(int)Math.Min(buffer.Length, failAfter - Position)], cancellationToken);
    }

    [Fact]
    public async Task PostQuotes_UnknownFormat_Returns400NamingFormat()
    {
        await ProblemAssert.HasFieldErrorAsync(await PostAsync("/api/v1/quotes?format=cme-ticker", "a,b\n1,2\n", "text/csv"), "format");
    }

    [Fact]
    public async Task PostFunding_FundingCsvWithoutVenue_Returns400NamingVenue()
    {
        await ProblemAssert.HasFieldErrorAsync(
            await PostAsync("/api/v1/funding?format=funding-csv&intervalHours=8", "Symbol,Date,Funding Rate\nBTC-USDT,2023-01-01 03:00:00,0.0001\n", "text/csv"), "venue");
    }
}

public sealed class SqliteIngestEndpointTests(SqliteApi api) : IngestEndpointTests(api), IClassFixture<SqliteApi>;

public sealed class PostgresIngestEndpointTests(PostgresApi api) : IngestEndpointTests(api), IClassFixture<PostgresApi>;
