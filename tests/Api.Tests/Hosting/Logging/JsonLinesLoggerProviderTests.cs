using System.Text;
using System.Text.Json;
using Analytics.Api.Hosting.Logging;
using Analytics.Api.Tests.Infrastructure;
using Analytics.Data.Storage;
using Analytics.TestSupport;
using Microsoft.Extensions.Logging;

namespace Analytics.Api.Tests.Hosting.Logging;

/// <summary>
/// The <c>json-lines</c> log output: one parseable JSON object per line with the fields operators and the end-to-end
/// tests read (Timestamp, LogLevel, Category, Message, State, Scopes with the request id, Exception), every line written
/// by disposal, a full queue reported instead of growing without bound, and a bad <c>Logging:Output</c> stopping the start.
/// </summary>
public sealed class JsonLinesLoggerProviderTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void Log_WithScopesStateAndException_WritesOneJsonObjectPerLine()
    {
        var output = new MemoryStream();
        var provider = new JsonLinesLoggerProvider(output, TimeProvider.System);
        using (var factory = LoggerFactory.Create(b => b.AddProvider(provider)))
        {
            var logger = factory.CreateLogger("Test.Category");
            using (logger.BeginScope("RequestId:{RequestId}", "client-req-7"))
            {
                logger.LogInformation("HTTP {Method} {Path} responded {StatusCode} in {ElapsedMs:F1} ms", "POST", "/x\n\"y\"", 500, double.NaN);
                logger.LogError(new InvalidOperationException("boom"), "failed for {Who}", "éñ+<tag>");
            }
        }

        provider.Dispose(); // writes what is queued
        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length); // the newline inside a value is escaped: one line per entry
        var first = JsonDocument.Parse(lines[0]).RootElement;
        Assert.Equal("Information", first.GetProperty("LogLevel").GetString());
        Assert.Equal("Test.Category", first.GetProperty("Category").GetString());
        Assert.True(first.GetProperty("Timestamp").GetDateTime().Kind == DateTimeKind.Utc);
        Assert.Equal("/x\n\"y\"", first.GetProperty("State").GetProperty("Path").GetString());
        Assert.Equal(500, first.GetProperty("State").GetProperty("StatusCode").GetInt32());
        Assert.Equal("NaN", first.GetProperty("State").GetProperty("ElapsedMs").GetString()); // JSON has no NaN number
        Assert.Equal("client-req-7", first.GetProperty("Scopes")[0].GetProperty("RequestId").GetString());
        var second = JsonDocument.Parse(lines[1]).RootElement;
        Assert.Equal("Error", second.GetProperty("LogLevel").GetString());
        Assert.Equal("failed for éñ+<tag>", second.GetProperty("Message").GetString());
        Assert.Contains("InvalidOperationException: boom", second.GetProperty("Exception").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Log_MoreLinesThanTheQueueHolds_DropsThemAndSaysHowMany()
    {
        using var output = new GatedStream();
        var provider = new JsonLinesLoggerProvider(output, TimeProvider.System, maxQueuedLines: 3);
        var logger = provider.CreateLogger("Test");
        logger.LogInformation("first");
        Assert.True(output.WriteStarted.Wait(TimeSpan.FromSeconds(10), Token), "the writer never wrote the first line");

        for (var i = 0; i < 10; i++) logger.LogInformation("line {Index}", i); // the writer is held: 3 wait, 7 are dropped
        output.Release();
        provider.Dispose();

        var messages = Encoding.UTF8.GetString(output.Written).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("Message").GetString()).ToArray();
        // In the order it happened: the three that found room, then the count of those that did not.
        Assert.Equal(["first", "line 0", "line 1", "line 2", "7 log lines dropped: more than 3 were waiting to be written"], messages);
    }

    [Fact]
    public async Task Start_UnknownLoggingOutput_StopsTheStartNamingTheKey()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(StorageProvider.Sqlite, Token);
        await using var factory = new ApiFactory(database, new Dictionary<string, string?> { ["Logging:Output"] = "syslog" });

        var error = Assert.Throws<InvalidOperationException>(() => factory.Server);

        Assert.Contains("Logging:Output", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A stream whose first write blocks until <see cref="Release"/>, so a test can hold the log writer.</summary>
    private sealed class GatedStream : Stream
    {
        private readonly MemoryStream _written = new();
        private readonly ManualResetEventSlim _gate = new();

        public ManualResetEventSlim WriteStarted { get; } = new();

        public byte[] Written
        {
            get { lock (_written) return _written.ToArray(); }
        }

        public void Release() => _gate.Set();

        public override void Write(byte[] buffer, int offset, int count)
        {
            WriteStarted.Set();
            _gate.Wait();
            lock (_written) _written.Write(buffer, offset, count);
        }

        public override void Flush() { }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _gate.Set();
                _gate.Dispose();
                WriteStarted.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
