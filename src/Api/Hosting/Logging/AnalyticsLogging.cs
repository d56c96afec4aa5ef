using Microsoft.Extensions.Logging.Console;

namespace Analytics.Api.Hosting.Logging;

/// <summary>
/// Where logs go, from <c>Logging:Output</c>: <c>json-lines</c> (the default; <see cref="JsonLinesLoggerProvider"/> on
/// standard output in place of ASP.NET Core's console logger) or <c>console</c> (ASP.NET Core's console logger with the
/// formatter of <c>Logging:Console</c>; Development's readable single lines). Anything else stops the start naming the key.
/// </summary>
internal static class AnalyticsLogging
{
    public const string OutputKey = "Logging:Output";

    public static void AddAnalyticsLogging(this WebApplicationBuilder builder)
    {
        var output = builder.Configuration[OutputKey];
        if (string.Equals(output, "console", StringComparison.OrdinalIgnoreCase)) return;
        if (!string.IsNullOrEmpty(output) && !string.Equals(output, "json-lines", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"{OutputKey} must be \"json-lines\" or \"console\", not \"{output}\".");

        var consoles = builder.Services.Where(d => d.ServiceType == typeof(ILoggerProvider) && d.ImplementationType == typeof(ConsoleLoggerProvider)).ToList();
        foreach (var console in consoles) builder.Services.Remove(console);
        builder.Services.AddSingleton<ILoggerProvider>(_ =>
            new JsonLinesLoggerProvider(new BufferedStream(Console.OpenStandardOutput(), 64 * 1024), TimeProvider.System));
    }
}
