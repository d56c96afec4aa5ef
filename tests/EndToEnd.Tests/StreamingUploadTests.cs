using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Analytics.EndToEnd.Tests;

/// <summary>The service with its managed heap capped at <see cref="HeapLimitBytes"/> (<c>DOTNET_GCHeapHardLimit</c>).</summary>
public sealed class ServiceProcessWithSmallHeap : ServiceProcess
{
    public const long HeapLimitBytes = 64L * 1024 * 1024;

    protected override IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["DOTNET_GCHeapHardLimit"] = "0x" + HeapLimitBytes.ToString("X", CultureInfo.InvariantCulture),
    };
}

/// <summary>
/// Issue #5: "a 1 GB upload never sits in memory". An upload over three times the server's whole managed heap limit
/// can only succeed if the body is streamed through (parsed and written in chunks), never held.
/// </summary>
public sealed class StreamingUploadTests(ServiceProcessWithSmallHeap service) : IClassFixture<ServiceProcessWithSmallHeap>
{
    private const int Rows = 600_000;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PostTrades_UploadOfThreeTimesTheHeapLimit_IsStreamedIntoTheDatabase()
    {
        var body = new GeneratedTrades(Rows);
        body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-ndjson");
        using var client = new HttpClient { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromMinutes(10) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/trades") { Content = body };
        request.Headers.Add("X-Api-Key", ServiceProcess.AdminKey);

        using var response = await client.SendAsync(request, Token);

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Token));
        var result = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal(Rows, result.GetProperty("inserted").GetInt64());
        Assert.Equal(0, result.GetProperty("duplicates").GetInt64());
        Assert.True(body.BytesWritten > 3 * ServiceProcessWithSmallHeap.HeapLimitBytes, $"only {body.BytesWritten:N0} bytes sent");
        var last = await client.GetFromJsonAsync<JsonElement>(
            $"/api/v1/trades?chain=base&from={GeneratedTrades.Timestamp(Rows - 1):yyyy-MM-ddTHH:mm:ssZ}&limit=5", Token);
        Assert.Equal(GeneratedTrades.TxHash(Rows - 1), Assert.Single(last.GetProperty("items").EnumerateArray()).GetProperty("txHash").GetString());
    }

    /// <summary>NDJSON trades written as the request is sent (chunked: no length, nothing held by the client either).</summary>
    private sealed class GeneratedTrades(int rows) : HttpContent
    {
        private static readonly DateTime Start = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        public long BytesWritten { get; private set; }

        public static DateTime Timestamp(int row) => Start.AddSeconds(row);

        public static string TxHash(int row) => "0x" + row.ToString("x64", CultureInfo.InvariantCulture);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var text = new StringBuilder();
            for (var row = 0; row < rows; row++)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $$"""{"chain":"base","venue":"lyra","txHash":"{{TxHash(row)}}","logIndex":0,"blockNumber":{{1_000_000 + row}},"timestamp":"{{Timestamp(row):yyyy-MM-ddTHH:mm:ssZ}}","kind":"option","underlying":"ETH","expiry":"2026-03-27T08:00:00Z","strike":{{2000 + 100 * (row % 20)}},"type":"call","side":"buy","price":{{10 + row % 97}}.25,"size":1.5,"feeUsd":0.25,"indexPrice":3000}""");
                text.Append('\n');
                if (text.Length < 1 << 16 && row < rows - 1) continue;
                var bytes = Encoding.UTF8.GetBytes(text.ToString());
                await stream.WriteAsync(bytes);
                BytesWritten += bytes.Length;
                text.Clear();
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
