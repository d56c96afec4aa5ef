using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Analytics.Api.Tests.Infrastructure;

/// <summary>Keeps every log line of a test host with its level, the text of its scopes and the names of its state's fields.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<CapturedLine> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose() { }

    public sealed record CapturedLine(string Category, LogLevel Level, string Message, string Scopes, Exception? Exception)
    {
        /// <summary>The names of the state's fields in order (a structured sink writes each as a property).</summary>
        public IReadOnlyList<string> StateKeys { get; init; } = [];
    }

    private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<string>();
            provider._scopes.ForEachScope((scope, list) => list.Add(scope?.ToString() ?? ""), scopes);
            var keys = state is IEnumerable<KeyValuePair<string, object?>> fields ? fields.Select(f => f.Key).ToList() : [];
            provider.Lines.Enqueue(new CapturedLine(category, logLevel, formatter(state, exception), string.Join(" => ", scopes), exception) { StateKeys = keys });
        }
    }
}
