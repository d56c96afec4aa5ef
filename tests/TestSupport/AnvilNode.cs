using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Nethereum.Web3;

namespace Analytics.TestSupport;

/// <summary>
/// A private Foundry <c>anvil</c> node on a free loopback port (chain id 31337, its default funded and unlocked
/// accounts), from the pinned npm package scripts/install-chain-tools.sh puts in <c>.chain-tools/</c>. Killed on dispose.
/// </summary>
public sealed class AnvilNode : IAsyncDisposable
{
    public const string ComponentName = "anvil and solcjs (pinned npm packages)";
    public const string InstallHint = "scripts/install-chain-tools.sh (make test runs it; needs npm)";

    /// <summary>anvil's first default account (funded, unlocked).</summary>
    public const string Account0 = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

    private readonly Process _process;

    private AnvilNode(Process process, int port)
    {
        _process = process;
        Port = port;
        Url = $"http://127.0.0.1:{port}";
        Web3 = new Web3(Url);
        Web3.TransactionManager.UseLegacyAsDefault = false;
    }

    public int Port { get; }

    public string Url { get; }

    /// <summary>A client that sends transactions from the node's unlocked accounts (<c>eth_sendTransaction</c>).</summary>
    public Web3 Web3 { get; }

    /// <summary>The anvil binary in <c>.chain-tools/</c>, or null when it is not installed.</summary>
    public static string? BinaryPath => RepositoryPaths.Root is { } root
        && Path.Combine(root, ".chain-tools", "node_modules", "@foundry-rs", "anvil-linux-amd64", "bin", "anvil") is var path
        && File.Exists(path) ? path : null;

    /// <summary>Starts a node, or fails the test in CI / skips it elsewhere when anvil is not installed.</summary>
    public static async Task<AnvilNode> StartAsync(CancellationToken cancellationToken, params string[] extraArguments)
    {
        var binary = BinaryPath;
        Requirement.Require(binary is not null, ComponentName, InstallHint, "no .chain-tools/.../anvil under the repository root");
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var info = new ProcessStartInfo(binary)
            {
                RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
            };
            foreach (var a in new[] { "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--silent", "--accounts", "3" }.Concat(extraArguments))
                info.ArgumentList.Add(a);
            var process = Process.Start(info)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var node = new AnvilNode(process, port);
            if (await node.WaitReadyAsync(cancellationToken)) return node;
            await node.DisposeAsync();
            if (attempt >= 3) throw new InvalidOperationException($"anvil did not answer on port {port}");
        }
    }

    /// <summary>A raw JSON-RPC call (anvil_* and evm_* methods) returning the result as JSON text.</summary>
    public Task<T> RpcAsync<T>(string method, params object[] parameters) =>
        Web3.Client.SendRequestAsync<T>(method, null, parameters);

    public async Task<long> HeadAsync() => (long)(await Web3.Eth.Blocks.GetBlockNumber.SendRequestAsync()).Value;

    /// <summary>Mines <paramref name="blocks"/> blocks now.</summary>
    public Task MineAsync(int blocks = 1) => RpcAsync<object>("anvil_mine", blocks);

    private async Task<bool> WaitReadyAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                await Web3.Eth.Blocks.GetBlockNumber.SendRequestAsync();
                return true;
            }
            catch (Exception e) when (e is Nethereum.JsonRpc.Client.RpcClientUnknownException or HttpRequestException)
            {
                await Task.Delay(50, cancellationToken);
            }
        }
        return false;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        catch (InvalidOperationException) { /* already gone */ }
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
