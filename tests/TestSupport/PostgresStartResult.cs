using System.Diagnostics.CodeAnalysis;

namespace Analytics.TestSupport;

/// <summary>The outcome of <see cref="PostgresServer.TryStartAsync"/>: a running server, or why there is none. Immutable.</summary>
/// <param name="Server">The running server, or null when it could not be started.</param>
/// <param name="FailureReason">Why there is no server (missing binaries, or the command output and server log); null on success.</param>
/// <param name="StartupTime">How long initdb and pg_ctl start took (or how long the attempt took).</param>
public sealed record PostgresStartResult(PostgresServer? Server, string? FailureReason, TimeSpan StartupTime)
{
    /// <summary>True when <see cref="Server"/> is running.</summary>
    [MemberNotNullWhen(true, nameof(Server))]
    [MemberNotNullWhen(false, nameof(FailureReason))]
    public bool IsStarted => Server is not null;

    /// <summary>
    /// Returns <see cref="Server"/>, or applies <see cref="Requirement.Require"/> (fails the test in CI, skips it
    /// elsewhere) with <see cref="FailureReason"/>. Call it from a test method or a test class constructor: xunit
    /// reports a skip thrown by a class fixture as a failure, so fixtures keep the result and tests call this.
    /// </summary>
    public PostgresServer RequireServer()
    {
        Requirement.Require(IsStarted, PostgresServer.ComponentName, PostgresServer.InstallHint, FailureReason);
        return Server;
    }
}
