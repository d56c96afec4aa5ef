using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using HangfireLevel = Hangfire.Logging.LogLevel;

namespace Analytics.Jobs.Tests;

/// <summary>
/// Hangfire's log provider is process-wide: in a process with several hosts one host's job server can log into another
/// host's logger factory after that host stopped. <see cref="HostLogProvider"/> passes messages on while the factory
/// lives and drops them, without throwing, once it is disposed.
/// </summary>
public sealed class HostLogProviderTests
{
    [Fact]
    public void Log_WhileTheFactoryLives_ReachesItsProviders_ThenIsDroppedWithoutThrowing()
    {
        var provider = new DisposableProvider();
        var factory = LoggerFactory.Create(b => b.SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Debug)
            .Services.AddSingleton<ILoggerProvider>(_ => provider)); // created by the container, so disposed with it, as a host's are
        var logs = new HostLogProvider(factory);
        var log = logs.GetLogger("Hangfire.Server.Worker");

        Assert.True(log.Log(HangfireLevel.Warn, () => "storage is slow"));
        Assert.True(log.Log(HangfireLevel.Info, null)); // "is this level enabled?"
        Assert.False(log.Log(HangfireLevel.Trace, () => "below the minimum level"));
        Assert.Equal([(Microsoft.Extensions.Logging.LogLevel.Warning, "storage is slow")], provider.Lines);

        factory.Dispose();

        Assert.False(log.Log(HangfireLevel.Error, () => "after the host stopped", new InvalidOperationException()));
        Assert.False(logs.GetLogger("Hangfire.Server.Worker").Log(HangfireLevel.Error, () => "a logger asked for afterwards"));
        Assert.Single(provider.Lines);
    }

    /// <summary>A provider whose loggers throw once it is disposed, as the console provider's queue does.</summary>
    private sealed class DisposableProvider : ILoggerProvider
    {
        private bool _disposed;

        public List<(Microsoft.Extensions.Logging.LogLevel, string)> Lines { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose() => _disposed = true;

        private sealed class Logger(DisposableProvider provider) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) =>
                provider._disposed ? throw new ObjectDisposedException(nameof(DisposableProvider)) : true;

            public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                ObjectDisposedException.ThrowIf(provider._disposed, this);
                provider.Lines.Add((logLevel, formatter(state, exception)));
            }
        }
    }
}
