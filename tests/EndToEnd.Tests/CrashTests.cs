using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Analytics.EndToEnd.Tests;

/// <summary>
/// Issue 17 item 7: the service SIGKILLed in the middle of a large ingest and of surface fits, then started again on the
/// same database (SQLite and PostgreSQL): no partial batch or surface is left, and the work completes exactly once when it
/// is sent again. (A job killed mid-run and retried is covered by the jobs' own tests.)
/// </summary>
public sealed class CrashTests
{
    private const int Rows = 60_000;
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task IngestKilledMidUpload_LeavesNoRow_AndTheResendInsertsEveryRowOnce(string provider)
    {
        await using var service = await RestartableService.CreateAsync(provider);
        await service.StartAsync();

        // Kill once a third of the rows has been sent: the server has read and written chunks of them inside the upload's transaction.
        var upload = new GeneratedTrades(Rows, signalAfterRows: Rows / 3);
        using (var client = service.Client(TimeSpan.FromMinutes(5)))
        {
            var sending = client.PostAsync("/api/v1/trades", upload, Token);
            await upload.Signalled.WaitAsync(TimeSpan.FromMinutes(5), Token);
            await service.KillAsync();
            await Assert.ThrowsAnyAsync<Exception>(() => sending); // the connection died with the process
        }

        await service.StartAsync();
        using var again = service.Client(TimeSpan.FromMinutes(5));
        var resent = await IngestAsync(again);
        var duplicate = await IngestAsync(again);

        Assert.Equal((Rows, 0L), resent);     // nothing of the killed upload was kept
        Assert.Equal((0L, Rows), duplicate);  // and the completed one is stored exactly once
    }

    [Fact]
    public async Task KilledWhileHoldingHangfiresRecurringJobLock_TheNextStartIsNotBlocked()
    {
        // What a process SIGKILLed inside Hangfire's recurring-job scheduler leaves on PostgreSQL: its lock row, taken as
        // held until Hangfire's lock timeout. The next start used to stop ("Hosting failed to start": the lock timed out
        // while the configured schedules were written); it now starts and retries the write in the background.
        await using var service = await RestartableService.CreateAsync("Postgres");
        await service.StartAsync();
        await service.KillAsync();
        await using (var connection = new Npgsql.NpgsqlConnection(service.PostgresConnectionString))
        {
            await connection.OpenAsync(Token);
            await using var held = new Npgsql.NpgsqlCommand(
                "INSERT INTO hangfire.lock (resource, updatecount, acquired) VALUES ('hangfire:lock:recurring-job:heartbeat', 0, now() + interval '10 minutes')",
                connection);
            Assert.Equal(1, await held.ExecuteNonQueryAsync(Token));
        }

        await service.StartAsync(); // throws if the host stops
        using var client = service.Client();
        var jobs = await client.GetFromJsonAsync<JsonElement>("/api/v1/jobs", Token);
        Assert.Contains(jobs.GetProperty("jobs").EnumerateArray(), j => j.GetProperty("id").GetString() == "heartbeat"); // the stored schedule
        Assert.Contains(service.Output, line => line.Contains("Recurring jobs not written yet", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task FitsKilledInFlight_LeaveOnlyWholeSurfaces_AndAResentFitIsStoredOnce(string provider)
    {
        await using var service = await RestartableService.CreateAsync(provider);
        await service.StartAsync();
        string example;
        using (var client = service.Client())
            example = await FitExampleAsync(client);

        // Four clients fit in a loop; the process is killed once three fits have been answered, so others are mid-way.
        int answered = 0;
        int slicesPerFit = 0;
        using var stop = new CancellationTokenSource();
        async Task FitLoopAsync()
        {
            using var client = service.Client();
            while (!stop.IsCancellationRequested)
            {
                HttpResponseMessage response;
                try
                {
                    response = await client.PostAsync("/api/v1/surfaces/fit", new StringContent(example, Encoding.UTF8, "application/json"), stop.Token);
                }
                catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
                {
                    return; // killed
                }
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                var body = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
                Volatile.Write(ref slicesPerFit, body.GetProperty("slices").GetArrayLength());
                Interlocked.Increment(ref answered);
            }
        }

        var loops = Enumerable.Range(0, 4).Select(_ => Task.Run(FitLoopAsync, Token)).ToArray();
        while (Volatile.Read(ref answered) < 3 && !loops.All(l => l.IsCompleted)) await Task.Delay(10, Token);
        await service.KillAsync();
        int answeredBeforeKill = Volatile.Read(ref answered);
        await stop.CancelAsync();
        await Task.WhenAll(loops);

        await service.StartAsync();
        using var again = service.Client();
        var stored = await SurfacesAsync(again);
        Assert.InRange(stored.Count, answeredBeforeKill, answeredBeforeKill + loops.Length); // at most the in-flight fits besides
        Assert.True(slicesPerFit > 0);
        foreach (var id in stored)
        {
            var surface = await again.GetFromJsonAsync<JsonElement>($"/api/v1/surfaces/{id}", Token);
            Assert.Equal(slicesPerFit, surface.GetProperty("slices").GetArrayLength());
        }

        var resent = await again.PostAsync("/api/v1/surfaces/fit", new StringContent(example, Encoding.UTF8, "application/json"), Token);
        Assert.Equal(HttpStatusCode.Created, resent.StatusCode);
        var after = await SurfacesAsync(again);
        Assert.Equal(stored.Count + 1, after.Count);
        Assert.Equal((await resent.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("id").GetInt64(), Assert.Single(after.Except(stored)));
    }

    private static async Task<(long Inserted, long Duplicates)> IngestAsync(HttpClient client)
    {
        var response = await client.PostAsync("/api/v1/trades", new GeneratedTrades(Rows), Token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Token));
        var result = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        return (result.GetProperty("inserted").GetInt64(), result.GetProperty("duplicates").GetInt64());
    }

    /// <summary>Every stored surface id of ETH, through the keyset pages.</summary>
    private static async Task<List<long>> SurfacesAsync(HttpClient client)
    {
        var ids = new List<long>();
        string? cursor = null;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>(
                "/api/v1/surfaces?underlying=ETH&limit=100" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)), Token);
            ids.AddRange(page.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetInt64()));
            cursor = page.TryGetProperty("nextCursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
        } while (cursor is not null);
        return ids;
    }

    private static async Task<string> FitExampleAsync(HttpClient client) =>
        JsonNode.Parse(await client.GetStringAsync("/swagger/v1/swagger.json", Token))!
            ["paths"]!["/api/v1/surfaces/fit"]!["post"]!["requestBody"]!["content"]!["application/json"]!["example"]!.ToJsonString();

    /// <summary>NDJSON trades written as the request is sent (chunked); <see cref="Signalled"/> completes once
    /// <c>signalAfterRows</c> rows have been written.</summary>
    private sealed class GeneratedTrades : HttpContent
    {
        private static readonly DateTime Start = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        private readonly int _rows;
        private readonly int _signalAfterRows;
        private readonly TaskCompletionSource _signalled = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public GeneratedTrades(int rows, int signalAfterRows = int.MaxValue)
        {
            (_rows, _signalAfterRows) = (rows, signalAfterRows);
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-ndjson");
        }

        public Task Signalled => _signalled.Task;

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var text = new StringBuilder();
            for (var row = 0; row < _rows; row++)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $$"""{"chain":"base","venue":"lyra","txHash":"0x{{row.ToString("x64", CultureInfo.InvariantCulture)}}","logIndex":0,"blockNumber":{{1_000_000 + row}},"timestamp":"{{Start.AddSeconds(row):yyyy-MM-ddTHH:mm:ssZ}}","kind":"option","underlying":"ETH","expiry":"2026-03-27T08:00:00Z","strike":{{2000 + 100 * (row % 20)}},"type":"call","side":"buy","price":{{10 + row % 97}}.25,"size":1.5,"feeUsd":0.25,"indexPrice":3000}""");
                text.Append('\n');
                if (text.Length < 1 << 16 && row < _rows - 1) continue;
                await stream.WriteAsync(Encoding.UTF8.GetBytes(text.ToString()));
                text.Clear();
                if (row >= _signalAfterRows) _signalled.TrySetResult(); // the test kills the service now; writing fails once it is gone
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
