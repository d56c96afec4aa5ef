using System.Numerics;
using System.Text;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;

namespace Analytics.TestSupport;

/// <summary>
/// contracts/OptionsExchange.sol compiled by contracts/compile.sh (pinned solcjs), deployed on an <see cref="AnvilNode"/>,
/// with helpers that send fills and funding from anvil's first account. Amounts are given in plain units and sent in
/// the contract's 18-decimal fixed point.
/// </summary>
public sealed class LocalExchange
{
    private static readonly SemaphoreSlim CompileLock = new(1, 1);

    private LocalExchange(AnvilNode node, string address, long deployBlock)
    {
        Node = node;
        Address = address;
        DeployBlock = deployBlock;
    }

    public AnvilNode Node { get; }

    /// <summary>The contract address (0x…, checksummed as the node returned it).</summary>
    public string Address { get; }

    /// <summary>The block the contract was created in.</summary>
    public long DeployBlock { get; }

    /// <summary>Compiles (once per build folder) and deploys the exchange.</summary>
    public static async Task<LocalExchange> DeployAsync(AnvilNode node)
    {
        var (abi, bin) = await CompiledAsync();
        var receipt = await node.Web3.Eth.DeployContract.SendRequestAndWaitForReceiptAsync(abi, bin, AnvilNode.Account0, new HexBigInteger(3_000_000));
        return new LocalExchange(node, receipt.ContractAddress, (long)receipt.BlockNumber.Value);
    }

    /// <summary>The ABI and creation bytecode from contracts/build/, compiling first when they are missing.</summary>
    public static async Task<(string Abi, string Bytecode)> CompiledAsync()
    {
        var root = RepositoryPaths.Root ?? throw new InvalidOperationException("repository root not found");
        var build = Path.Combine(root, "contracts", "build");
        await CompileLock.WaitAsync();
        try
        {
            if (!File.Exists(Path.Combine(build, "OptionsExchange.bin")))
            {
                var solc = Path.Combine(root, ".chain-tools", "node_modules", ".bin", "solcjs");
                Requirement.Require(File.Exists(solc), AnvilNode.ComponentName, AnvilNode.InstallHint, "no .chain-tools/node_modules/.bin/solcjs");
                var result = ProcessRunner.Run(Path.Combine(root, "contracts", "compile.sh"), [], TimeSpan.FromMinutes(2));
                if (!result.Succeeded) throw new InvalidOperationException("contracts/compile.sh failed: " + result.Output);
            }
        }
        finally
        {
            CompileLock.Release();
        }
        return (await File.ReadAllTextAsync(Path.Combine(build, "OptionsExchange.abi")), "0x" + (await File.ReadAllTextAsync(Path.Combine(build, "OptionsExchange.bin"))).Trim());
    }

    /// <summary>Plain units → 18-decimal fixed point (exact for decimals with up to 18 places).</summary>
    public static BigInteger Fixed(decimal value)
    {
        var scaled = value * 1_000_000_000m; // two steps keep decimal's 28 digits for sizes up to 10^10
        var whole = decimal.Truncate(scaled);
        return new BigInteger(whole) * BigInteger.Pow(10, 9) + new BigInteger((scaled - whole) * 1_000_000_000m);
    }

    public static byte[] Bytes32(string text)
    {
        var bytes = new byte[32];
        Encoding.ASCII.GetBytes(text).CopyTo(bytes, 0);
        return bytes;
    }

    public Task<string> TradeOptionAsync(string underlying, DateTime expiryUtc, decimal strike, bool isCall, decimal signedSize, decimal premium,
        decimal fee, decimal indexPrice) =>
        SendAsync(new TradeOptionFunction
        {
            Underlying = Bytes32(underlying), Expiry = (ulong)new DateTimeOffset(expiryUtc).ToUnixTimeSeconds(), Strike = Fixed(strike), IsCall = isCall,
            Size = Fixed(signedSize), Premium = Fixed(premium), Fee = Fixed(fee), IndexPrice = Fixed(indexPrice),
        });

    /// <summary><paramref name="count"/> option fills in one transaction; fill i has strike <paramref name="strike"/> + i.</summary>
    public Task<string> TradeOptionsAsync(string underlying, DateTime expiryUtc, decimal strike, bool isCall, decimal signedSize, decimal premium,
        decimal fee, decimal indexPrice, int count) =>
        SendAsync(new TradeOptionsFunction
        {
            Underlying = Bytes32(underlying), Expiry = (ulong)new DateTimeOffset(expiryUtc).ToUnixTimeSeconds(), Strike = Fixed(strike), IsCall = isCall,
            Size = Fixed(signedSize), Premium = Fixed(premium), Fee = Fixed(fee), IndexPrice = Fixed(indexPrice), Count = count,
        });

    public Task<string> TradePerpAsync(string market, decimal signedSize, decimal price, decimal fee, decimal indexPrice) =>
        SendAsync(new TradePerpFunction { Market = Bytes32(market), Size = Fixed(signedSize), Price = Fixed(price), Fee = Fixed(fee), IndexPrice = Fixed(indexPrice) });

    public Task<string> UpdateFundingAsync(string market, decimal ratePerInterval, uint intervalSeconds, decimal markPrice, decimal indexPrice) =>
        SendAsync(new UpdateFundingFunction
        {
            Market = Bytes32(market), Rate = Fixed(ratePerInterval), IntervalSeconds = intervalSeconds, MarkPrice = Fixed(markPrice), IndexPrice = Fixed(indexPrice),
        });

    /// <summary>A raw log with <paramref name="topic0"/> and <paramref name="topicCount"/> topics (1–3) and <paramref name="data"/>.</summary>
    public Task<string> EmitRawAsync(string topic0, byte topicCount, byte[] data) =>
        SendAsync(new EmitRawFunction { Topic0 = Convert.FromHexString(topic0.Replace("0x", "", StringComparison.Ordinal)), TopicCount = topicCount, Data = data });

    /// <summary>The contract's logs on the node's canonical chain over [from, to]: (tx hash lower-case, log index, block).</summary>
    public async Task<List<(string TxHash, int LogIndex, long Block)>> CanonicalLogsAsync(long from, long to)
    {
        var logs = await Node.Web3.Eth.Filters.GetLogs.SendRequestAsync(new NewFilterInput
        {
            Address = [Address], FromBlock = new BlockParameter(new HexBigInteger(from)), ToBlock = new BlockParameter(new HexBigInteger(to)),
        });
        return logs.Select(l => (l.TransactionHash.ToLowerInvariant(), (int)l.LogIndex.Value, (long)l.BlockNumber.Value)).ToList();
    }

    private Task<string> SendAsync<T>(T message) where T : FunctionMessage, new()
    {
        message.FromAddress = AnvilNode.Account0;
        message.Gas = 2_000_000;
        message.MaxFeePerGas = 50_000_000_000;
        message.MaxPriorityFeePerGas = 1_000_000_000;
        return Node.Web3.Eth.GetContractTransactionHandler<T>().SendRequestAsync(Address, message);
    }

    [Function("tradeOption")]
    private sealed class TradeOptionFunction : FunctionMessage
    {
        [Parameter("bytes32", "underlying", 1)] public byte[] Underlying { get; set; } = [];
        [Parameter("uint64", "expiry", 2)] public ulong Expiry { get; set; }
        [Parameter("uint256", "strike", 3)] public BigInteger Strike { get; set; }
        [Parameter("bool", "isCall", 4)] public bool IsCall { get; set; }
        [Parameter("int256", "size", 5)] public BigInteger Size { get; set; }
        [Parameter("uint256", "premium", 6)] public BigInteger Premium { get; set; }
        [Parameter("uint256", "fee", 7)] public BigInteger Fee { get; set; }
        [Parameter("uint256", "indexPrice", 8)] public BigInteger IndexPrice { get; set; }
    }

    [Function("tradeOptions")]
    private sealed class TradeOptionsFunction : FunctionMessage
    {
        [Parameter("bytes32", "underlying", 1)] public byte[] Underlying { get; set; } = [];
        [Parameter("uint64", "expiry", 2)] public ulong Expiry { get; set; }
        [Parameter("uint256", "strike", 3)] public BigInteger Strike { get; set; }
        [Parameter("bool", "isCall", 4)] public bool IsCall { get; set; }
        [Parameter("int256", "size", 5)] public BigInteger Size { get; set; }
        [Parameter("uint256", "premium", 6)] public BigInteger Premium { get; set; }
        [Parameter("uint256", "fee", 7)] public BigInteger Fee { get; set; }
        [Parameter("uint256", "indexPrice", 8)] public BigInteger IndexPrice { get; set; }
        [Parameter("uint256", "count", 9)] public BigInteger Count { get; set; }
    }

    [Function("tradePerp")]
    private sealed class TradePerpFunction : FunctionMessage
    {
        [Parameter("bytes32", "market", 1)] public byte[] Market { get; set; } = [];
        [Parameter("int256", "size", 2)] public BigInteger Size { get; set; }
        [Parameter("uint256", "price", 3)] public BigInteger Price { get; set; }
        [Parameter("uint256", "fee", 4)] public BigInteger Fee { get; set; }
        [Parameter("uint256", "indexPrice", 5)] public BigInteger IndexPrice { get; set; }
    }

    [Function("updateFunding")]
    private sealed class UpdateFundingFunction : FunctionMessage
    {
        [Parameter("bytes32", "market", 1)] public byte[] Market { get; set; } = [];
        [Parameter("int256", "ratePerInterval", 2)] public BigInteger Rate { get; set; }
        [Parameter("uint32", "intervalSeconds", 3)] public uint IntervalSeconds { get; set; }
        [Parameter("uint256", "markPrice", 4)] public BigInteger MarkPrice { get; set; }
        [Parameter("uint256", "indexPrice", 5)] public BigInteger IndexPrice { get; set; }
    }

    [Function("emitRaw")]
    private sealed class EmitRawFunction : FunctionMessage
    {
        [Parameter("bytes32", "topic0", 1)] public byte[] Topic0 { get; set; } = [];
        [Parameter("uint8", "topicCount", 2)] public byte TopicCount { get; set; }
        [Parameter("bytes", "data", 3)] public byte[] Data { get; set; } = [];
    }
}
