namespace Analytics.TestSupport;

/// <summary>
/// Stops the process's shared PostgreSQL server (<see cref="PostgresServer.Shared"/>) when the test run ends, as an
/// xunit assembly fixture: <c>[assembly: AssemblyFixture(typeof(SharedPostgresTeardown))]</c> in every test project that
/// uses PostgreSQL. Left to the process-exit handler, the stop and the folder's deletion ran in the ten seconds xunit v3
/// allows a process to exit after the run; on a loaded machine they took longer, and the runner forced the exit with
/// "Foreground threads were left running" and exit code 1 while every test had passed (CI, 2026-12-02, Api.Tests and
/// Data.Tests; reproduced here by running both projects side by side on a busy machine).
/// </summary>
public sealed class SharedPostgresTeardown : IAsyncDisposable
{
    public async ValueTask DisposeAsync() => await PostgresServer.StopSharedAsync().ConfigureAwait(false);
}
