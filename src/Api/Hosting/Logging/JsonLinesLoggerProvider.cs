using System.Buffers;
using System.Collections.Concurrent;

namespace Analytics.Api.Hosting.Logging;

/// <summary>
/// The service's log output outside Development (<c>Logging:Output</c> <c>json-lines</c>): one JSON object per line on
/// standard output (<see cref="JsonLogLine"/>). A line is formatted on the thread that logs it and queued without a
/// lock; one writer thread drains the queue every <see cref="DrainInterval"/> and writes each batch with one system
/// call. ASP.NET Core's console logger instead wakes its writer for each line under a monitor and writes lines one by
/// one: with a line per request, request threads waiting on that lock were about an eighth of a profile under load
/// (bench/RESULTS.md, "Issue 17 item 8 after the request-log rewrite"). A line reaches stdout at most one interval
/// after it is logged; at exit, on disposal and on an unhandled exception the queue is written out first. At most <see
/// cref="DefaultMaxQueuedLines"/> lines wait; beyond that a line is dropped, and the first batch begun after the drop
/// starts with a warning that says how many were.
/// </summary>
[ProviderAlias("JsonLines")]
internal sealed class JsonLinesLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    public static readonly TimeSpan DrainInterval = TimeSpan.FromMilliseconds(20);
    public const int DefaultMaxQueuedLines = 50_000;

    private readonly ConcurrentQueue<(byte[] Buffer, int Length)> _queue = new();
    private readonly Stream _output;
    private readonly Lock _drain = new();
    private readonly ManualResetEventSlim _stopping = new();
    private readonly Thread _writer;
    private readonly TimeProvider _time;
    private readonly int _maxQueuedLines;
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();
    private int _queued;
    private long _dropped;
    private bool _disposed;

    /// <param name="output">Where lines go (standard output in the service); written by this provider's thread only.</param>
    /// <param name="time">The clock of the lines' timestamps.</param>
    /// <param name="maxQueuedLines">Lines that may wait for the writer before new ones are dropped.</param>
    public JsonLinesLoggerProvider(Stream output, TimeProvider time, int maxQueuedLines = DefaultMaxQueuedLines)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxQueuedLines, 1);
        _output = output;
        _time = time;
        _maxQueuedLines = maxQueuedLines;
        _writer = new Thread(WriteLoop) { IsBackground = true, Name = "json-lines log writer" };
        _writer.Start();
        AppDomain.CurrentDomain.UnhandledException += OnUnhandledException;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit; // commands such as `migrate` return without disposing the host
    }

    public ILogger CreateLogger(string categoryName) => new JsonLinesLogger(categoryName, this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    internal IExternalScopeProvider Scopes => _scopes;

    internal void Enqueue<TState>(string category, LogLevel level, EventId eventId, TState state, Exception? exception,
        Func<TState, Exception?, string> formatter)
    {
        var message = formatter(state, exception);
        if (message is null && exception is null) return;
        if (Interlocked.Increment(ref _queued) > _maxQueuedLines)
        {
            Interlocked.Decrement(ref _queued);
            Interlocked.Increment(ref _dropped);
            return;
        }

        _queue.Enqueue(JsonLogLine.Format(_time.GetUtcNow().UtcDateTime, category, level, eventId, message, exception, state, _scopes));
    }

    private void WriteLoop()
    {
        while (!_stopping.Wait(DrainInterval)) Drain();
        Drain();
    }

    private void Drain()
    {
        lock (_drain)
        {
            try
            {
                var dropped = Interlocked.Exchange(ref _dropped, 0);
                if (dropped > 0)
                {
                    var (buffer, length) = JsonLogLine.Format(_time.GetUtcNow().UtcDateTime, typeof(JsonLinesLoggerProvider).FullName!,
                        LogLevel.Warning, default, $"{dropped} log lines dropped: more than {_maxQueuedLines} were waiting to be written",
                        null, (object?)null, null);
                    Write(buffer, length);
                }

                while (_queue.TryDequeue(out var line))
                {
                    Interlocked.Decrement(ref _queued);
                    Write(line.Buffer, line.Length);
                }

                _output.Flush();
            }
            catch (IOException)
            {
                // A closed stdout (the reader went away) must not take the service down; the lines are lost either way.
            }
            catch (ObjectDisposedException)
            {
                // Standard output closed at process exit while a last batch was being written: nothing left to write to.
            }
        }
    }

    private void Write(byte[] buffer, int length)
    {
        try
        {
            _output.Write(buffer, 0, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void OnUnhandledException(object? sender, UnhandledExceptionEventArgs e) => Drain();

    private void OnProcessExit(object? sender, EventArgs e) => Drain();

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        AppDomain.CurrentDomain.UnhandledException -= OnUnhandledException;
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        _stopping.Set();
        _writer.Join(TimeSpan.FromSeconds(5));
        _stopping.Dispose();
    }

    private sealed class JsonLinesLogger(string category, JsonLinesLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider.Scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) provider.Enqueue(category, logLevel, eventId, state, exception, formatter);
        }
    }
}
