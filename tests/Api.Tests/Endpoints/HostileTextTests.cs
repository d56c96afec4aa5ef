using System.Net;
using System.Text;
using Analytics.Api.Tests.Infrastructure;

namespace Analytics.Api.Tests.Endpoints;

/// <summary>
/// Issue 17 item 1: the causes of 500 that a hostile run found, each answered with a problem at its root: a lone UTF-16
/// surrogate in any ingest body (JSON array, NDJSON, malformed UTF-8 in CSV), a charset other than UTF-8, a login
/// without a Content-Type, and a GET of the dashboard's form-reading route. Nothing is written by a rejected ingest.
/// </summary>
public sealed class HostileTextTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, string> LoneSurrogateBodies => new()
    {
        { "/api/v1/prices", "application/json", """[{"underlying":"ETH\ud800","source":"s","timestamp":"2026-01-05T00:00:00Z","price":1}]""" },
        { "/api/v1/prices", "application/x-ndjson", """{"underlying":"ETH","source":"s\udc00","timestamp":"2026-01-05T00:00:00Z","price":1}""" },
        { "/api/v1/trades", "application/json", """[{"chain\ud800":"arbitrum-one"}]""" },
        { "/api/v1/quotes", "application/json", """[{"venue":"\ud83d","underlying":"ETH"}]""" },
        { "/api/v1/funding", "application/x-ndjson", """{"venue":"v","market":"ETH-PERP\udfff","timestamp":"2026-01-05T00:00:00Z","rate":0.0001,"intervalHours":8}""" },
    };

    [Theory]
    [MemberData(nameof(LoneSurrogateBodies))]
    public async Task Ingest_LoneSurrogate_Is400AndWritesNothing(string path, string mediaType, string body)
    {
        var before = await CountAsync(path);

        var response = await api.Client(TestKeys.Writer).PostAsync(path, new StringContent(body, Encoding.UTF8, mediaType), Token);

        await ProblemAssert.HasFieldErrorAsync(response, "body");
        Assert.Equal(before, await CountAsync(path));
    }

    public static TheoryData<string, string> JunkIdentifierRows => new()
    {
        // The run that found 38 junk chains sent these: arrays, objects, literals, numbers, NUL, formulas.
        { "chain", """{"chain":[],"venue":"lyra","txHash":"0xab","logIndex":0,"blockNumber":1,"timestamp":"2026-01-05T00:00:00Z","kind":"perp","market":"ETH-USD","side":"buy","price":1,"size":1}""" },
        { "chain", """{"chain":{},"venue":"lyra","txHash":"0xab","logIndex":0,"blockNumber":1,"timestamp":"2026-01-05T00:00:00Z","kind":"perp","market":"ETH-USD","side":"buy","price":1,"size":1}""" },
        { "chain", """{"chain":12345,"venue":"lyra","txHash":"0xab","logIndex":0,"blockNumber":1,"timestamp":"2026-01-05T00:00:00Z","kind":"perp","market":"ETH-USD","side":"buy","price":1,"size":1}""" },
        { "venue", """{"chain":"base","venue":"=cmd|' /C calc'!A0","txHash":"0xab","logIndex":0,"blockNumber":1,"timestamp":"2026-01-05T00:00:00Z","kind":"perp","market":"ETH-USD","side":"buy","price":1,"size":1}""" },
        { "venue", """{"chain":"base","venue":"ly\u0000ra","txHash":"0xab","logIndex":0,"blockNumber":1,"timestamp":"2026-01-05T00:00:00Z","kind":"perp","market":"ETH-USD","side":"buy","price":1,"size":1}""" },
        { "txHash", """{"chain":"base","venue":"lyra","txHash":"'; DROP TABLE trades;--","logIndex":0,"blockNumber":1,"timestamp":"2026-01-05T00:00:00Z","kind":"perp","market":"ETH-USD","side":"buy","price":1,"size":1}""" },
        { "market", """{"chain":"base","venue":"lyra","txHash":"0xab","logIndex":0,"blockNumber":1,"timestamp":"2026-01-05T00:00:00Z","kind":"perp","market":"ETH USD\n","side":"buy","price":1,"size":1}""" },
        { "feeUsd", """{"chain":"base","venue":"lyra","txHash":"0xab","logIndex":0,"blockNumber":1,"timestamp":"2026-01-05T00:00:00Z","kind":"perp","market":"ETH-USD","side":"buy","price":1,"size":1,"feeUsd":-5}""" },
        // JSON literals and numbers whose text has a letter passed the character class as "true", "1e309".
        { "chain", """{"chain":true,"venue":"lyra","txHash":"0xab","logIndex":0,"blockNumber":1,"timestamp":"2026-01-05T00:00:00Z","kind":"perp","market":"ETH-USD","side":"buy","price":1,"size":1}""" },
        { "venue", """{"chain":"base","venue":1e309,"txHash":"0xab","logIndex":0,"blockNumber":1,"timestamp":"2026-01-05T00:00:00Z","kind":"perp","market":"ETH-USD","side":"buy","price":1,"size":1}""" },
        { "market", """{"chain":"base","venue":"lyra","txHash":"0xab","logIndex":0,"blockNumber":1,"timestamp":"2026-01-05T00:00:00Z","kind":"perp","market":false,"side":"buy","price":1,"size":1}""" },
    };

    public static TheoryData<string, string, string> NonStringIdentifierBodies => new()
    {
        { "source", "application/json", """[{"underlying":"ETH","source":true,"timestamp":"2025-01-05T00:00:00Z","price":100}]""" },
        { "source", "application/x-ndjson", """{"underlying":"ETH","source":4.9e-324,"timestamp":"2025-01-05T00:00:00Z","price":100}""" },
        { "underlying", "application/json", """[{"underlying":true,"source":"s","timestamp":"2025-01-05T00:00:00Z","price":100}]""" },
        { "underlying", "application/x-ndjson", """{"underlying":1E5,"source":"s","timestamp":"2025-01-05T00:00:00Z","price":100}""" },
    };

    [Theory]
    [MemberData(nameof(NonStringIdentifierBodies))]
    public async Task IngestPrice_IdentifierGivenAsJsonLiteralOrNumber_Is422NamingTheFieldAndWritesNothing(string field, string mediaType, string body)
    {
        var before = await CountAsync("/api/v1/prices");

        var response = await api.Client(TestKeys.Writer).PostAsync("/api/v1/prices", new StringContent(body, Encoding.UTF8, mediaType), Token);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Contains(problem.GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == field);
        Assert.Equal(before, await CountAsync("/api/v1/prices"));
    }

    [Theory]
    [MemberData(nameof(JunkIdentifierRows))]
    public async Task IngestTrade_JunkIdentifierOrNegativeFee_Is422NamingTheFieldAndWritesNothing(string field, string row)
    {
        var before = await CountAsync("/api/v1/trades");

        var response = await api.Client(TestKeys.Writer).PostAsync("/api/v1/trades", new StringContent($"[{row}]", Encoding.UTF8, "application/json"), Token);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Contains(problem.GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == field);
        Assert.Equal(before, await CountAsync("/api/v1/trades"));
    }

    [Theory]
    [InlineData("/api/v1/prices?format=price-csv&source=%3Dcmd%7Ccalc&underlying=ETH", "source")]
    [InlineData("/api/v1/prices?format=price-csv&source=coinmetrics&underlying=ETH%20USD", "underlying")]
    public async Task IngestFormatParameter_Junk_Is400NamingIt(string path, string field)
    {
        var response = await api.Client(TestKeys.Writer).PostAsync(path, new StringContent("date,value\n2020-01-01,1\n", Encoding.UTF8, "text/csv"), Token);

        await ProblemAssert.HasFieldErrorAsync(response, field);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("  \n {\"underlying\":\"ETH\"}")]
    [InlineData("42")]
    [InlineData("\"rows\"")]
    public async Task IngestJson_BodyThatIsNotAnArray_Is400(string body)
    {
        var response = await api.Client(TestKeys.Writer).PostAsync("/api/v1/prices", new StringContent(body, Encoding.UTF8, "application/json"), Token);

        var messages = await ProblemAssert.HasFieldErrorAsync(response, "body");
        Assert.Contains("expected a JSON array", messages[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_CsvWithMalformedUtf8_Is400()
    {
        // ED A0 80 is a surrogate encoded as if it were a scalar value (CESU-8): not UTF-8.
        var bytes = Encoding.ASCII.GetBytes("underlying,source,timestamp,price\nETH,").Concat(new byte[] { 0xED, 0xA0, 0x80 })
            .Concat(Encoding.ASCII.GetBytes(",2026-01-05T00:00:00Z,1\n")).ToArray();
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("text/csv");

        var response = await api.Client(TestKeys.Writer).PostAsync("/api/v1/prices", content, Token);

        await ProblemAssert.HasFieldErrorAsync(response, "body");
    }

    [Theory]
    [InlineData("/api/v1/options/price", "application/json; charset=bogus")]
    [InlineData("/api/v1/options/price", "application/json; charset=iso-8859-1")]
    [InlineData("/api/v1/prices", "application/json; charset=utf-16")]
    [InlineData("/api/v1/portfolios", "application/json; charset=\"x\"")]
    public async Task Body_WithCharsetOtherThanUtf8_Is415(string path, string contentType)
    {
        var content = new StringContent("""{"type":"call","spot":100,"strike":100,"tenorYears":1,"vol":0.2}""");
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var response = await api.Client(TestKeys.Writer).PostAsync(path, content, Token);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.16", problem.GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("/api/v1/options/price", "application/json; charset=UTF-8")]
    [InlineData("/api/v1/options/price", "application/json; charset=\"utf-8\"")]
    // The fuzz suite found this one: the framework's JSON binder looked the quoted name up as an encoding and threw (500).
    [InlineData("/api/v1/l2/compare", "application/json; charset=\"utf-8\"")]
    [InlineData("/api/v1/l2/compare", "application/json; charset=\"UTF-8\"")]
    public async Task Body_WithUtf8Charset_QuotedOrNot_IsAccepted(string path, string contentType)
    {
        var content = new StringContent("""{"type":"call","spot":100,"strike":100,"tenorYears":1,"vol":0.2,"rate":0.05}""");
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var response = await api.Client().PostAsync(path, content, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/options/price", null)]
    [InlineData("/api/v1/options/price/batch", null)]
    [InlineData("/api/v1/options/implied-vol/batch", null)]
    [InlineData("/api/v1/options/price/batch", "text/plain")]
    [InlineData("/api/v1/options/implied-vol/batch", "application/x-www-form-urlencoded")]
    public async Task SingleAndBatch_WithoutJsonContentType_Are415Alike(string path, string? contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"options":[{"type":"call","spot":100,"strike":100,"tenorYears":1,"vol":0.2,"rate":0}]}"""));
        if (contentType is not null) content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var response = await api.Client().PostAsync(path, content, Token);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Login_WithoutContentType_Is415Problem()
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"key":"x"}"""));

        var response = await api.Client().PostAsync("/auth/login", content, Token);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task DashboardStats_ByGetWithAdminKey_Is405Problem()
    {
        var response = await api.Client(TestKeys.Admin).GetAsync("/hangfire/stats", Token);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.MethodNotAllowed);
        Assert.Contains("POST", response.Content.Headers.Allow);
    }

    private async Task<int> CountAsync(string path)
    {
        var json = System.Text.Json.JsonDocument.Parse(await api.Client().GetStringAsync(path + "?limit=1000", Token));
        return json.RootElement.GetProperty("items").GetArrayLength();
    }
}
