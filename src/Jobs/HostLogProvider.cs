using Hangfire.Logging;
using Microsoft.Extensions.Logging;
using HangfireLevel = Hangfire.Logging.LogLevel;
using MicrosoftLevel = Microsoft.Extensions.Logging.LogLevel;

namespace Analytics.Jobs;

/// <summary>
/// Hangfire's log messages into the host's <see cref="ILoggerFactory"/>, like Hangfire.AspNetCore's own provider, but
/// quiet once that factory is disposed. Hangfire keeps its log provider in a static (<c>GlobalConfiguration</c>), so in a
/// process with several hosts (the test suites) the last host configured logs for all of them; when that host stops
/// first, the others' job servers logged into a disposed factory and their jobs failed with
/// <see cref="ObjectDisposedException"/>. A message to a stopped host is dropped instead.
/// </summary>
internal sealed class HostLogProvider(ILoggerFactory factory) : ILogProvider
{
    public ILog GetLogger(string name)
    {
        try
        {
            return new HostLog(factory.CreateLogger(name));
        }
        catch (Exception e) when (Disposed(e))
        {
            return Dropped.Instance;
        }
    }

    /// <summary>The factory or its providers are disposed (the factory's logger wraps its providers' exceptions in one <see cref="AggregateException"/>).</summary>
    private static bool Disposed(Exception e) =>
        e is ObjectDisposedException || (e is AggregateException all && all.InnerExceptions.All(i => i is ObjectDisposedException));

    private sealed class HostLog(ILogger logger) : ILog
    {
        public bool Log(HangfireLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            var level = logLevel switch
            {
                HangfireLevel.Trace => MicrosoftLevel.Trace,
                HangfireLevel.Debug => MicrosoftLevel.Debug,
                HangfireLevel.Info => MicrosoftLevel.Information,
                HangfireLevel.Warn => MicrosoftLevel.Warning,
                HangfireLevel.Error => MicrosoftLevel.Error,
                _ => MicrosoftLevel.Critical,
            };
            try
            {
                if (messageFunc is null) return logger.IsEnabled(level);
                if (!logger.IsEnabled(level)) return false;
                logger.Log(level, 0, messageFunc(), exception, static (message, _) => message);
                return true;
            }
            catch (Exception e) when (Disposed(e))
            {
                return false;
            }
        }
    }

    private sealed class Dropped : ILog
    {
        public static readonly Dropped Instance = new();

        public bool Log(HangfireLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
