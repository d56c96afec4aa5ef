using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Analytics.Api.Hosting;

/// <summary>
/// How the process ends when it cannot start: one line per problem on stderr and an exit status, instead of an unhandled
/// exception (SIGABRT, exit 134, a stack trace and no hint which setting was wrong). Settings are checked right after the
/// host is built, before the database is touched, so a typo seeds nothing and migrates nothing.
/// </summary>
public static partial class StartupFailure
{
    /// <summary>Exit status for settings that fail validation (sysexits' EX_CONFIG).</summary>
    public const int ConfigurationExitCode = 78;

    /// <summary>Exit status for any other failure to start or run.</summary>
    public const int FailureExitCode = 1;

    /// <summary>
    /// True in the service's own process; false under a test host (WebApplicationFactory), which expects the
    /// exception itself.
    /// </summary>
    public static bool IsOwnProcess => Assembly.GetEntryAssembly() == typeof(StartupFailure).Assembly;

    /// <summary>Runs every <c>ValidateOnStart</c> check now rather than when the server starts.</summary>
    public static void ValidateSettings(IServiceProvider services) => services.GetService<IStartupValidator>()?.Validate();

    /// <summary>Writes the failure to stderr and returns the exit status.</summary>
    public static int Report(Exception error, TextWriter stderr)
    {
        var invalid = error switch
        {
            OptionsValidationException one => [one],
            AggregateException many when many.InnerExceptions.All(e => e is OptionsValidationException) => many.InnerExceptions.Cast<OptionsValidationException>().ToList(),
            _ => new List<OptionsValidationException>(),
        };
        if (invalid.Count > 0)
        {
            foreach (var failure in invalid.SelectMany(e => e.Failures)) stderr.WriteLine($"Configuration error: {Plain(failure)}");
            stderr.WriteLine("The service did not start. Fix the settings above (appsettings.json, environment variables such as Section__Key, or --Section:Key=value).");
            return ConfigurationExitCode;
        }
        stderr.WriteLine($"Startup failed: {MessageChain(error)}");
        return FailureExitCode;
    }

    /// <summary>The message of a data-annotation failure without the validator's preamble.</summary>
    private static string Plain(string failure)
    {
        var match = DataAnnotationFailure().Match(failure);
        return match.Success ? match.Groups["message"].Value : failure;
    }

    [GeneratedRegex(@"^DataAnnotation validation failed for '[^']*' members: '[^']*' with the error: '(?<message>.*)'\.$", RegexOptions.Singleline)]
    private static partial Regex DataAnnotationFailure();

    private static string MessageChain(Exception error)
    {
        var messages = new List<string>();
        for (var e = error; e is not null; e = e.InnerException) messages.Add($"{e.GetType().Name}: {e.Message}");
        return string.Join(" ← ", messages);
    }
}
