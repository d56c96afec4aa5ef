using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Analytics.TestSupport;

/// <summary>Runs a short-lived command, optionally as the <c>postgres</c> OS user. Stateless and thread-safe.</summary>
internal static class ProcessRunner
{
    public sealed record Result(int ExitCode, string Output)
    {
        public bool Succeeded => ExitCode == 0;
    }

    /// <summary>True when the process runs as root (initdb and pg_ctl refuse root).</summary>
    public static bool IsRoot { get; } = OperatingSystem.IsLinux() && geteuid() == 0;

    /// <summary>
    /// Runs <paramref name="file"/>; as root it goes through <c>runuser -u postgres --</c>.
    /// Never throws for a failing command: a start failure or timeout becomes exit code -1 and a message.
    /// </summary>
    public static Result RunAsPostgresUser(string file, IEnumerable<string> arguments, TimeSpan timeout) =>
        IsRoot ? Run("runuser", ["-u", "postgres", "--", file, .. arguments], timeout) : Run(file, arguments, timeout);

    public static Result Run(string file, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var startInfo = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var commandLine = $"{file} {string.Join(' ', startInfo.ArgumentList)}";
        try
        {
            using var process = Process.Start(startInfo)
                ?? throw new InvalidOperationException("Process.Start returned null.");
            process.StandardInput.Close();
            // A daemon started by the command (the postmaster) may keep the pipes open, so never wait for EOF long.
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return new Result(-1, $"'{commandLine}' timed out after {timeout.TotalSeconds:0} s.");
            }

            Task.WaitAll([stdout, stderr], TimeSpan.FromSeconds(2));
            var output = $"{Completed(stdout)}{Completed(stderr)}".Trim();
            return new Result(process.ExitCode, $"'{commandLine}' exited with {process.ExitCode}. {output}");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return new Result(-1, $"'{commandLine}' could not be started: {e.Message}");
        }
    }

    private static string Completed(Task<string> read) => read.IsCompletedSuccessfully ? read.Result : "";

    [DllImport("libc")]
    private static extern uint geteuid();
}
