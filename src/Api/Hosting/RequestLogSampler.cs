using System.Collections.Concurrent;

namespace Analytics.Api.Hosting;

/// <summary>
/// Decides whether a request line is written: always, unless its status is sampled; then the first per (client,
/// status) in each window, reporting how many were left out since the last written one. Thread-safe; the table is
/// bounded (cleared when it holds more than <see cref="MaxClients"/> entries, so spoofed addresses cannot grow it).
/// </summary>
internal sealed class RequestLogSampler(RequestLoggingOptions options, TimeProvider time)
{
    private const int MaxClients = 10_000;
    private readonly HashSet<int> _sampled = [.. options.SampledStatuses];
    private readonly long _windowTicks = TimeSpan.FromSeconds(options.SampleWindowSeconds).Ticks;
    private readonly ConcurrentDictionary<(string Client, int Status), Window> _windows = new();

    public bool ShouldLog(string client, int status, out long suppressed)
    {
        suppressed = 0;
        if (!_sampled.Contains(status)) return true;
        if (_windows.Count > MaxClients) _windows.Clear();
        var now = time.GetUtcNow().UtcTicks;
        var window = _windows.GetOrAdd((client, status), static _ => new Window());
        lock (window)
        {
            if (window.StartedTicks != 0 && now - window.StartedTicks < _windowTicks)
            {
                window.Suppressed++;
                return false;
            }
            suppressed = window.Suppressed;
            window.StartedTicks = now;
            window.Suppressed = 0;
            return true;
        }
    }

    private sealed class Window
    {
        public long StartedTicks;
        public long Suppressed;
    }
}
