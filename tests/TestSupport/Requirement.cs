using System.Diagnostics.CodeAnalysis;
using Xunit;

namespace Analytics.TestSupport;

/// <summary>
/// The skip-outside-CI rule for tests that need an external component (PostgreSQL, QuantLib, a browser,
/// <c>../shared/data</c>): a missing component skips the test on a developer machine and fails it in CI.
/// </summary>
public static class Requirement
{
    /// <summary>
    /// Returns when <paramref name="available"/> is true. Otherwise fails the current test when
    /// <see cref="CiEnvironment.IsCi"/> is true, and skips it (<see cref="Assert.Skip(string)"/>) when not.
    /// Call it from a test method (or a test class constructor); it throws, so it is thread-safe.
    /// </summary>
    /// <param name="available">Whether the component is present.</param>
    /// <param name="component">What is missing, e.g. <c>"PostgreSQL"</c>.</param>
    /// <param name="howToInstall">How to get it, e.g. <c>"apt-get install -y postgresql"</c>.</param>
    /// <param name="detail">Why it is unavailable (e.g. a startup log), appended to the message.</param>
    public static void Require([DoesNotReturnIf(false)] bool available, string component, string howToInstall, string? detail = null)
    {
        if (available)
        {
            return;
        }

        if (CiEnvironment.IsCi)
        {
            Assert.Fail($"{component} is required in CI (CI is set) but is not available. {Advice(howToInstall, detail)}");
        }

        Assert.Skip($"Skipped: {component} is not available (CI is not set). {Advice(howToInstall, detail)}");
    }

    private static string Advice(string howToInstall, string? detail) =>
        string.IsNullOrWhiteSpace(detail)
            ? $"To install it: {howToInstall}"
            : $"To install it: {howToInstall}{Environment.NewLine}Details: {detail.Trim()}";
}
